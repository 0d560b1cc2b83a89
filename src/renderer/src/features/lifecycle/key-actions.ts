// Which actions a key offers: by provider (what the service supports), by state, and by whether KeyDesk holds its secret.
import { assertNever } from '../../../../shared/errors'
import type { AccountView, ExportFormat, KeyRecord } from '../../../../shared/model'
import { SECRET_FORMATS } from '../create/secret-formats'

export type KeyAction =
  | { readonly kind: 'enable' | 'disable' | 'rename' | 'rotate' | 'delete' | 'try' | 'forget' | 'not-held' }
  | { readonly kind: 'copy'; readonly part: string }
  | { readonly kind: 'export'; readonly format: ExportFormat }

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

export function actionLabel(a: KeyAction): string {
  switch (a.kind) {
    case 'enable':
      return 'Enable'
    case 'disable':
      return 'Disable…'
    case 'rename':
      return 'Rename…'
    case 'rotate':
      return 'Rotate…'
    case 'delete':
      return 'Delete…'
    case 'copy':
      return `Copy ${/^[A-Z][a-z]/.test(a.part) ? a.part.charAt(0).toLowerCase() + a.part.slice(1) : a.part}`
    case 'export':
      return `Export ${a.format.label}`
    case 'try':
      return 'Try the kept secret'
    case 'forget':
      return 'Forget secret…'
    case 'not-held':
      return 'Secret not held by KeyDesk…'
    default:
      return assertNever(a)
  }
}

export function keyLabel(key: KeyRecord): string {
  return key.name && key.name !== key.keyId ? `${key.name} (${key.keyId})` : key.keyId
}
