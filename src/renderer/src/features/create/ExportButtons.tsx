// Export files for a secret held by the core: the browser host returns the content to download, Electron saves it.
import { useState } from 'react'
import type { ExportFormat } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import type { SecretRef } from '../../actions/secrets'
import { toProblem } from '../../store/problem'
import { Icon } from '../../components/Icon'

export function ExportButtons({
  secretRef,
  formats,
}: {
  readonly secretRef: SecretRef
  readonly formats: readonly ExportFormat[]
}) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  /** The format being exported; one at a time, so a double click saves once. */
  const [running, setRunning] = useState<string | null>(null)
  const { secrets } = useActions()
  if (formats.length === 0) return null
  const run = (f: ExportFormat): void => {
    if (running) return
    setRunning(f.id)
    setStatus(null)
    secrets
      .export(secretRef, f)
      .then(
        (text) => setStatus({ ok: true, text }),
        (err: unknown) => setStatus({ ok: false, text: toProblem(err).message }),
      )
      .finally(() => setRunning(null))
  }
  return (
    <div className="exports">
      {formats.map((f) => (
        <button
          key={f.id}
          type="button"
          onClick={() => run(f)}
          disabled={running !== null}
          aria-label={`Export ${f.label} ${f.fileName}`}
        >
          <Icon name="download" /> {running === f.id ? 'Exporting…' : f.label}{' '}
          <span className="muted">{f.fileName}</span>
        </button>
      ))}
      <span role="status" aria-live="polite" className={status && !status.ok ? 'bad' : 'muted'}>
        {status && (
          <>
            <Icon name={status.ok ? 'check' : 'alert'} /> {status.text}
          </>
        )}
      </span>
    </div>
  )
}
