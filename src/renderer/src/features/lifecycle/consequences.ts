// What each destructive action does, in words, per provider. Pure, so the wording is tested on its own.
import { assertNever } from '../../../../shared/errors'
import type { AccountView, KeyRecord } from '../../../../shared/model'

export type DestructiveOp = 'disable' | 'delete' | 'forget'

export interface Consequences {
  readonly title: string
  readonly lines: readonly string[]
  /** KeyDesk signs in to this account with this very key. */
  readonly ownKey: string | null
  readonly confirmLabel: string
  /** The exact text to type before the button unlocks (Onqlave delete: the key id). */
  readonly typeToConfirm: string | null
}

export function windowWords(sec: number): string {
  if (sec < 60) return `${sec} second${sec === 1 ? '' : 's'}`
  const min = Math.ceil(sec / 60)
  return `${min} minute${min === 1 ? '' : 's'}`
}

export function isOwnKey(account: AccountView, key: KeyRecord): boolean {
  return account.facts.ownKeyId !== undefined && account.facts.ownKeyId === key.keyId
}

export function consequences(op: DestructiveOp, account: AccountView, key: KeyRecord): Consequences {
  const id = key.keyId
  const own = isOwnKey(account, key)
    ? `This is the key KeyDesk itself signs in with for ${account.label}: once the change has propagated, KeyDesk loses access to this account. Rotate it first to move KeyDesk onto a new key.`
    : null
  const window = windowWords(account.propagationWindowSec)
  switch (op) {
    case 'disable':
      return {
        title: `Disable ${id}?`,
        confirmLabel: 'Disable',
        typeToConfirm: null,
        ownKey: own,
        lines: [
          `Apps using this key may keep working for up to ${window} (the account's window) while SpaceONE's caches expire; after that they get 401 errors.`,
          'You can enable it again at any time.',
        ],
      }
    case 'delete':
      return {
        title: `Delete ${key.name && key.name !== id ? `“${key.name}”` : id}?`,
        confirmLabel: 'Delete',
        ownKey: own,
        ...deleteWords(account, id, window),
      }
    case 'forget':
      return {
        title: `Forget the secret of ${id}?`,
        confirmLabel: 'Forget secret',
        typeToConfirm: null,
        ownKey: null,
        lines: [
          'KeyDesk deletes its copy of this key’s secret from your keychain. The key itself keeps working.',
          'You will not be able to copy or export it from KeyDesk again.',
        ],
      }
    default:
      return assertNever(op)
  }
}

function deleteWords(account: AccountView, id: string, window: string): Pick<Consequences, 'lines' | 'typeToConfirm'> {
  switch (account.provider) {
    case 'spaceone':
      return {
        typeToConfirm: null,
        lines: [
          `Apps using this key may keep working for up to ${window} (the account's window) while SpaceONE's caches expire; after that they get 401 errors.`,
          'A delete cannot be undone. Disable the key instead if you may need it again.',
        ],
      }
    case 'cloudmc':
      return {
        typeToConfirm: null,
        lines: [
          'Apps using this key get HTTP 401 immediately.',
          'If it is the key KeyDesk itself uses for this account, KeyDesk loses access (CloudMC’s list cannot show which key that is).',
          'A delete cannot be undone.',
        ],
      }
    case 'onqlave':
      return {
        typeToConfirm: id,
        lines: [
          'Onqlave starts deleting the key at once; apps using it can no longer encrypt or decrypt once the deletion finishes (usually within a minute).',
          'A delete cannot be undone.',
        ],
      }
    default:
      return assertNever(account.provider)
  }
}
