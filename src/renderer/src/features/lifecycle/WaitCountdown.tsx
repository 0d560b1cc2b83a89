// The "wait" step: how long the old key may still authenticate, to the second.
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import { Icon } from '../../components/Icon'
import { useNow } from '../../components/useNow'
import { usePropagation } from '../../store/stores'
import { PROPAGATION_ICON } from '../../components/PropagationNote'
import { propagationWords } from '../../components/propagation-words'

export function WaitCountdown({
  accountId,
  keyId,
  descriptor,
}: {
  readonly accountId: string
  readonly keyId: string
  readonly descriptor: ProviderDescriptor
}) {
  const p = usePropagation(accountId, keyId)
  const now = useNow('second', p?.state === 'propagating')
  const w = p ? propagationWords(p, descriptor, now) : null
  if (!w) return <p className="muted">No change is being tracked for {keyId}: continue when ready.</p>
  return (
    <p className={`wait prop-${w.kind}`} role="timer" aria-live="off">
      <Icon name={PROPAGATION_ICON[w.kind]} />
      {w.long}
    </p>
  )
}
