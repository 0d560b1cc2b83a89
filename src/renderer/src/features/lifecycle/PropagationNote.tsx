// The live countdown of a key's propagating change, next to its actions.
import type { KeyRecord } from '../../../../shared/model'
import { usePropagation } from '../../store/stores'
import { Icon, type IconName } from '../../components/Icon'
import { propagationWords, type PropagationWords } from './propagation-words'
import { useSecondTicker } from './useSecondTicker'

export const PROPAGATION_ICON: Readonly<Record<PropagationWords['kind'], IconName>> = {
  counting: 'clock',
  checking: 'refresh',
  failed: 'alert',
  settled: 'check',
}

export function PropagationNote({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const p = usePropagation(keyRecord.accountId, keyRecord.keyId)
  const now = useSecondTicker(p?.state === 'propagating' && keyRecord.provider === 'spaceone')
  if (!p || p.state === 'settled') return null
  const w = propagationWords(p, keyRecord.provider, now || Date.now())
  return (
    <span className={`kd-prop kd-prop-${w.kind}`} title={w.long}>
      <Icon name={PROPAGATION_ICON[w.kind]} />
      <span aria-hidden="true">{w.short}</span>
      <span className="sr-only">{w.long}</span>
    </span>
  )
}
