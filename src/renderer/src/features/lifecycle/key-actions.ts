// Which actions a key offers: by provider (what the service supports), by state, and by whether KeyDesk holds its secret.
import type { AccountView, KeyRecord } from '../../../../shared/model'
import type { KeyAction } from '../../actions/key-action'
import { SECRET_FORMATS } from '../create/secret-formats'

export function keyActions(account: AccountView, key: KeyRecord, kept: boolean | undefined): KeyAction[] {
  if (key.state === 'deleted') return []
  const out: KeyAction[] = []
  const working = key.state === 'enabled' || key.state === 'disabled'
  if (account.provider === 'spaceone' && key.state === 'disabled') out.push({ kind: 'enable' })
  if (account.provider === 'spaceone' && key.state === 'enabled') out.push({ kind: 'disable' })
  if (account.provider === 'cloudmc') out.push({ kind: 'rename' })
  if (working) out.push({ kind: 'rotate' })
  if (kept) {
    const formats = SECRET_FORMATS[account.provider]
    for (const c of formats.copy) out.push({ kind: 'copy', part: c.part })
    for (const f of formats.exports) out.push({ kind: 'export', format: f })
    out.push({ kind: 'try' }, { kind: 'forget' })
  } else if (kept === false) {
    out.push({ kind: 'not-held' })
  }
  out.push({ kind: 'delete' })
  return out
}
