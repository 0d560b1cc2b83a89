// The "wait" step: how long the old key may still authenticate, to the second.
import type { ProviderId } from '../../../../shared/model'
import { usePropagation } from '../../store/stores'
import { propagationWords } from './propagation-words'
import { useSecondTicker } from './useSecondTicker'
import { PROPAGATION_ICON } from './PropagationNote'
import { Icon } from '../../components/Icon'

export function WaitCountdown({
  accountId,
  keyId,
  provider,
}: {
  readonly accountId: string
  readonly keyId: string
  readonly provider: ProviderId
}) {
  const p = usePropagation(accountId, keyId)
  const now = useSecondTicker(p?.state === 'propagating')
  if (!p) return <p className="kd-muted">No change is being tracked for {keyId}: continue when ready.</p>
  const w = propagationWords(p, provider, now || Date.now())
  return (
    <p className={`kd-wait kd-prop-${w.kind}`} role="timer" aria-live="off">
      <Icon name={PROPAGATION_ICON[w.kind]} />
      {w.long}
    </p>
  )
}
