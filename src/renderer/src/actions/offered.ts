// Which actions a key offers: by what its service supports (the descriptor), by state, and by whether KeyDesk holds
// its secret. A key that is leaving (deleted, or its delete still in progress) offers nothing that could still apply;
// a read-only key (a managed app) offers only what reads its kept secret.
import { readOnlyReason, type ProviderDescriptor } from '../../../shared/descriptor'
import type { KeyRecord, Propagation } from '../../../shared/model'
import type { KeyAction } from './key-action'

export function offeredActions(
  d: ProviderDescriptor,
  key: KeyRecord,
  kept: boolean | undefined,
  pending?: Propagation,
): KeyAction[] {
  if (key.state === 'deleted') return []
  // Its delete in progress, or seen done by KeyDesk's check since the key was listed: only a failed delete leaves it.
  if (pending?.op === 'delete' && pending.state !== 'failed') return []
  const out: KeyAction[] = []
  const changeable = readOnlyReason(d, key) === null
  const working = changeable && (key.state === 'enabled' || key.state === 'disabled')
  if (changeable && d.capabilities.enable && key.state === 'disabled') out.push({ kind: 'enable' })
  if (changeable && d.capabilities.disable && key.state === 'enabled') out.push({ kind: 'disable' })
  if (changeable && d.capabilities.rename) out.push({ kind: 'rename' })
  if (working) out.push({ kind: 'rotate' })
  if (working && d.capabilities.regenerate) out.push({ kind: 'regenerate' })
  if (kept) {
    for (const part of d.copyParts) out.push({ kind: 'copy', part })
    for (const format of d.exports) out.push({ kind: 'export', format })
    out.push({ kind: 'try' }, { kind: 'forget' })
  } else if (kept === false) {
    out.push({ kind: 'not-held' })
  }
  if (changeable) out.push({ kind: 'delete' })
  return out
}
