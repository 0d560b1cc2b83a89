// Which actions a key offers: by what its service supports (the descriptor), by state, and by whether KeyDesk holds
// its secret. A key that is leaving (deleted, or its delete still in progress) offers nothing that could still apply.
import type { ProviderDescriptor } from '../../../shared/descriptor'
import type { KeyRecord, Propagation } from '../../../shared/model'
import type { KeyAction } from './key-action'

export function offeredActions(
  d: ProviderDescriptor,
  key: KeyRecord,
  kept: boolean | undefined,
  pending?: Propagation,
): KeyAction[] {
  if (key.state === 'deleted') return []
  if (pending?.state === 'propagating' && pending.op === 'delete') return []
  const out: KeyAction[] = []
  const working = key.state === 'enabled' || key.state === 'disabled'
  if (d.capabilities.enable && key.state === 'disabled') out.push({ kind: 'enable' })
  if (d.capabilities.disable && key.state === 'enabled') out.push({ kind: 'disable' })
  if (d.capabilities.rename) out.push({ kind: 'rename' })
  if (working) out.push({ kind: 'rotate' })
  if (kept) {
    for (const part of d.copyParts) out.push({ kind: 'copy', part })
    for (const format of d.exports) out.push({ kind: 'export', format })
    out.push({ kind: 'try' }, { kind: 'forget' })
  } else if (kept === false) {
    out.push({ kind: 'not-held' })
  }
  out.push({ kind: 'delete' })
  return out
}
