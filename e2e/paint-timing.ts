// Times, inside the page, from an action to the frame that shows its result. The e2e project is typed for Node,
// so the few DOM parts the probe uses are named here.
import type { Page } from '@playwright/test'

interface El {
  readonly textContent: string | null
  click(): void
}
interface Win {
  readonly document: { querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> }
  readonly performance: { now(): number }
  requestAnimationFrame(cb: () => void): number
}

export interface PaintProbe {
  /** Clicks the first element matching selector whose text starts with text; without it, time runs from navigation start. */
  readonly click?: { readonly selector: string; readonly text: string }
  /** Done in the frame after an element matches this… */
  readonly until: string
  /** …and, when given, after an element matching this has appeared and gone again (a refresh in progress). */
  readonly busy?: string
}

export function msToPaint(page: Page, probe: PaintProbe): Promise<number> {
  return page.evaluate(
    (p) =>
      new Promise<number>((resolve) => {
        const w = globalThis as unknown as Win
        const t0 = p.click ? w.performance.now() : 0
        if (p.click) {
          const { selector, text } = p.click
          Array.from(w.document.querySelectorAll(selector))
            .find((e) => e.textContent?.startsWith(text))
            ?.click()
        }
        let busySeen = !p.busy
        const check = (): void => {
          const busy = p.busy ? w.document.querySelector(p.busy) !== null : false
          if (busy) busySeen = true
          if (busySeen && !busy && w.document.querySelector(p.until))
            w.requestAnimationFrame(() => resolve(w.performance.now() - t0))
          else w.requestAnimationFrame(check)
        }
        check()
      }),
    probe,
  )
}
