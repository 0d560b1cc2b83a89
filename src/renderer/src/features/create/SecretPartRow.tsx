// One part of a created key's secret: masked until asked, copied by the core (which clears the clipboard later).
import { useState } from 'react'
import type { SecretPart } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { toProblem } from '../../store/problem'
import { Icon } from '../../components/Icon'

const MASK = '•'.repeat(16)

export function SecretPartRow({ part, handle }: { readonly part: SecretPart; readonly handle: string }) {
  const [shown, setShown] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  const [copying, setCopying] = useState(false)
  const { secrets } = useActions()
  const copy = (): void => {
    if (copying) return
    setCopying(true)
    setStatus(null)
    secrets
      .copy({ handle }, part.label)
      .then(
        (text) => setStatus({ ok: true, text }),
        (err: unknown) => setStatus({ ok: false, text: `Not copied: ${toProblem(err).message}` }),
      )
      .finally(() => setCopying(false))
  }
  const visible = !part.secret || shown
  return (
    <div className="part" role="group" aria-label={part.label}>
      <span className="part-label">
        {part.label}
        {part.secret && <span className="muted"> · secret</span>}
      </span>
      <code
        className={visible ? 'part-value' : 'part-value masked'}
        aria-label={visible ? undefined : `${part.label} (hidden)`}
      >
        {visible ? part.value : MASK}
      </code>
      <span className="part-tools">
        {part.secret && (
          <button
            type="button"
            className="icon-button"
            aria-pressed={shown}
            aria-label={shown ? `Hide ${part.label}` : `Show ${part.label}`}
            title={shown ? 'Hide' : 'Show'}
            onClick={() => setShown((s) => !s)}
          >
            <Icon name={shown ? 'eyeOff' : 'eye'} />
          </button>
        )}
        <button type="button" onClick={copy} disabled={copying} aria-label={`Copy ${part.label}`}>
          {copying ? 'Copying…' : 'Copy'}
        </button>
      </span>
      <span role="status" aria-live="polite" className={status && !status.ok ? 'part-status bad' : 'part-status'}>
        {status && (
          <>
            <Icon name={status.ok ? 'check' : 'alert'} /> {status.text}
          </>
        )}
      </span>
    </div>
  )
}
