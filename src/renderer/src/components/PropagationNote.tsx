// The live countdown of a key's propagating change, next to its actions in the detail panel. A list row's State cell
// says the same in words ("Disabling — in force at 14:05"): its 52 px actions column cut a countdown to "9…".
import type { KeyRecord } from '../../../shared/model'
import { Icon, type IconName } from './Icon'
import { useNow } from './useNow'
import { useDescriptor, usePropagation } from '../store/stores'
import { propagationWords, type PropagationWords } from './propagation-words'

export const PROPAGATION_ICON: Readonly<Record<PropagationWords['kind'], IconName>> = {
  counting: 'clock',
  checking: 'refresh',
  failed: 'alert',
  settled: 'check',
}

export function PropagationNote({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const p = usePropagation(keyRecord.accountId, keyRecord.keyId)
  const d = useDescriptor(keyRecord.provider)
  const counting = p?.state === 'propagating' && d.changes[p.op].model === 'window'
  const now = useNow('second', counting)
  const w = p ? propagationWords(p, d, now) : null
  if (!w || w.kind === 'settled') return null
  return (
    <span className={`prop prop-${w.kind}`} title={w.long}>
      <Icon name={PROPAGATION_ICON[w.kind]} />
      <span aria-hidden="true">{w.short}</span>
      <span className="sr-only">{w.long}</span>
    </span>
  )
}
