// "Try it": one real authenticated call with the new secret, made by the core.
import { useState } from 'react'
import { useActions } from '../../actions/context'
import { toProblem } from '../../store/problem'
import type { SecretRef } from '../../actions/secrets'
import { Icon } from '../../components/Icon'

export function TryKey({ secretRef }: { readonly secretRef: SecretRef }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null)
  const { secrets } = useActions()
  const run = (): void => {
    setBusy(true)
    setResult(null)
    secrets
      .try(secretRef)
      .then(setResult, (err: unknown) => setResult({ ok: false, message: toProblem(err).message }))
      .finally(() => setBusy(false))
  }
  return (
    <div className="try">
      <button type="button" onClick={run} disabled={busy}>
        {busy ? 'Trying…' : 'Try it'}
      </button>
      <span role="status" aria-live="polite" className={result ? (result.ok ? 'good' : 'bad') : undefined}>
        {result && (
          <>
            <Icon name={result.ok ? 'check' : 'x'} /> <strong>{result.ok ? 'Works' : 'Failed'}:</strong>{' '}
            {result.message}
          </>
        )}
      </span>
    </div>
  )
}
