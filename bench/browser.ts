// Debian's Chromium, driven by Playwright, one fresh context per page so nothing is shared between runs.
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium'

// The bench's own flag on top of the tests' launch: memory figures with full precision (row 7).
const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info']
export const VIEWPORT = { width: 1280, height: 800 }
export const STEP_LIMIT_MS = 30_000

let launched: Promise<Browser> | null = null

export function browser(): Promise<Browser> {
  launched ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS })
  return launched
}

export async function closeBrowser(): Promise<void> {
  if (!launched) return
  const b = await launched.catch(() => null)
  launched = null
  await b?.close()
}

/** A page in its own context; `init` runs before any of the page's scripts. */
export async function freshPage(init?: string): Promise<Page> {
  const context = await (await browser()).newContext({ viewport: VIEWPORT })
  context.setDefaultTimeout(STEP_LIMIT_MS)
  const page = await context.newPage()
  if (init) await page.addInitScript({ content: init })
  return page
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close()
}

const POLL_MS = 10

/**
 * Polls a page expression until it is a positive number. From outside, not page.waitForFunction: the app's CSP
 * forbids the string evaluation that would need, and the numbers read this way were timed inside the page.
 */
export async function pollNumber(page: Page, expression: string): Promise<number> {
  const deadline = performance.now() + STEP_LIMIT_MS
  for (let i = 0; i < STEP_LIMIT_MS / POLL_MS && performance.now() < deadline; i += 1) {
    const v: unknown = await page.evaluate(expression)
    if (typeof v === 'number' && v > 0) return v
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
  throw new Error(`${expression} was not a positive number within ${STEP_LIMIT_MS / 1000} s`)
}

/** When the paint probe's first screen was painted (ms since navigation start), awaited in the page, not polled. */
export async function paintedAt(page: Page): Promise<number> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no first screen within ${STEP_LIMIT_MS / 1000} s`)), STEP_LIMIT_MS)
  })
  const ms: unknown = await Promise.race([page.evaluate('window.__bench.shown'), late]).finally(() =>
    clearTimeout(timer),
  )
  if (typeof ms !== 'number') throw new Error('the paint probe gave no time')
  return ms
}

/** Heap in use after a full collection, through the DevTools protocol. */
export async function heapAfterGcMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / (1024 * 1024)
  } finally {
    await cdp.detach()
  }
}
