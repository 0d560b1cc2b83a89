// Copies non-secret text (ids, endpoints) with the browser clipboard; secrets go through the core instead.
import { useCallback, useEffect, useRef, useState } from 'react'
import { Icon } from './Icon'

export type CopyDone = 'copied' | 'failed'

/**
 * How the last copy went, for a moment: `of` names what was copied (a list shares one among its rows), so "Copied"
 * only ever shows for that.
 */
export function useCopy(): {
  readonly outcome: { readonly of: string; readonly done: CopyDone } | null
  readonly copy: (of: string, text: string) => void
} {
  const [outcome, setOutcome] = useState<{ readonly of: string; readonly done: CopyDone } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const stopTimer = useCallback((): void => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }, [])
  useEffect(() => stopTimer, [stopTimer])
  const copy = useCallback(
    (of: string, text: string): void => {
      // A second click restarts the reset, so the first click's timer cannot blank the second one's result early.
      stopTimer()
      navigator.clipboard.writeText(text).then(
        () => setOutcome({ of, done: 'copied' }),
        () => setOutcome({ of, done: 'failed' }),
      )
      timer.current = setTimeout(() => {
        timer.current = null
        setOutcome(null)
      }, 1500)
    },
    [stopTimer],
  )
  return { outcome, copy }
}

export const copyTitle = (label: string, done: CopyDone | null): string =>
  done === 'failed' ? 'Copy failed: select and copy by hand' : label

/** Words for a live region: what the last copy did. */
export const copyWords = (done: CopyDone | null): string =>
  done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : ''

export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const { outcome, copy } = useCopy()
  const done = outcome?.of === text ? outcome.done : null
  return (
    <button
      type="button"
      className="icon-button copy"
      onClick={() => copy(text, text)}
      aria-label={label}
      title={copyTitle(label, done)}
    >
      <Icon name={done === 'copied' ? 'check' : 'copy'} />
      <span className="sr-only" aria-live="polite">
        {copyWords(done)}
      </span>
    </button>
  )
}
