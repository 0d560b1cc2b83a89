// The live countdown of a key's propagating change, next to its actions.
import type { KeyRecord } from '../../../../shared/model'
import { usePropagation } from '../../store/propagation'
import { propagationWords } from './propagation-words'
import { useSecondTicker } from './useSecondTicker'

const ICON = { counting: '⏳', checking: '⟳', failed: '⚠', settled: '✓' } as const

export function PropagationNote({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const p = usePropagation(keyRecord.accountId, keyRecord.keyId)
  const now = useSecondTicker(p?.state === 'propagating')
  if (!p || p.state === 'settled') return null
  const w = propagationWords(p, now || Date.now())
  return (
    <span className={`kd-prop kd-prop-${w.kind}`} title={w.long}>
      <span aria-hidden="true">{ICON[w.kind]} </span>
      <span aria-hidden="true">{w.short}</span>
      <span className="sr-only">{w.long}</span>
    </span>
  )
}
