// Copies non-secret text (ids, endpoints) with the browser clipboard; secrets go through the core instead.
import { useEffect, useRef, useState } from 'react'
import { Icon } from './Icon'

export function CopyButton({
  text,
  label,
  tabIndex,
}: {
  readonly text: string
  readonly label: string
  readonly tabIndex?: number
}) {
  // Remembers what was copied: a list row is reused for another key, and "Copied" must only ever show for its text.
  const [outcome, setOutcome] = useState<{ readonly text: string; readonly done: 'copied' | 'failed' } | null>(null)
  const done = outcome?.text === text ? outcome.done : null
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const stopTimer = (): void => {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }
  useEffect(() => stopTimer, [])
  const copy = (): void => {
    // A second click restarts the reset, so the first click's timer cannot blank the second one's result early.
    stopTimer()
    navigator.clipboard.writeText(text).then(
      () => setOutcome({ text, done: 'copied' }),
      () => setOutcome({ text, done: 'failed' }),
    )
    timer.current = setTimeout(() => {
      timer.current = null
      setOutcome(null)
    }, 1500)
  }
  return (
    <button
      type="button"
      className="icon-button copy"
      onClick={copy}
      tabIndex={tabIndex}
      aria-label={label}
      title={done === 'failed' ? 'Copy failed: select and copy by hand' : label}
    >
      <Icon name={done === 'copied' ? 'check' : 'copy'} />
      <span className="sr-only" aria-live="polite">
        {done === 'copied' ? 'Copied' : done === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  )
}
