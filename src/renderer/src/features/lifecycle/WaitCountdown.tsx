// The "wait" step: how long the old key may still authenticate, to the second.
import { usePropagation } from '../../store/propagation'
import { propagationWords } from './propagation-words'
import { useSecondTicker } from './useSecondTicker'

export function WaitCountdown({ accountId, keyId }: { readonly accountId: string; readonly keyId: string }) {
  const p = usePropagation(accountId, keyId)
  const now = useSecondTicker(p?.state === 'propagating')
  if (!p) return <p className="kd-muted">No change is being tracked for {keyId}: continue when ready.</p>
  const w = propagationWords(p, now || Date.now())
  return (
    <p className={`kd-wait kd-prop-${w.kind}`} role="timer" aria-live="off">
      <span aria-hidden="true">{w.kind === 'counting' ? '⏳ ' : w.kind === 'checking' ? '⟳ ' : w.kind === 'failed' ? '⚠ ' : '✓ '}</span>
      {w.long}
    </p>
  )
}
