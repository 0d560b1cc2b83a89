// What each destructive action does, in words, from the provider's descriptor. Pure, so the wording is tested alone.
import { effectWords, isOwnKey, type ProviderDescriptor } from '../../../../shared/descriptor'
import { assertNever } from '../../../../shared/errors'
import type { AccountView, KeyRecord } from '../../../../shared/model'

export type DestructiveOp = 'disable' | 'delete' | 'forget' | 'regenerate'

export interface Consequences {
  readonly title: string
  readonly lines: readonly string[]
  /** KeyDesk signs in to this account with this very key. */
  readonly ownKey: string | null
  readonly confirmLabel: string
  /** The exact text to type before the button unlocks (a typed delete confirmation: the key id). */
  readonly typeToConfirm: string | null
}

export function consequences(
  op: DestructiveOp,
  d: ProviderDescriptor,
  account: AccountView,
  key: KeyRecord,
): Consequences {
  const id = key.keyId
  const own = isOwnKey(d, account, key)
    ? `This is the key KeyDesk itself signs in with for ${account.label}: once the change is in force, KeyDesk loses access to this account. Rotate it first to move KeyDesk onto a new key.`
    : null
  switch (op) {
    case 'disable':
      return {
        title: `Disable ${id}?`,
        confirmLabel: 'Disable',
        typeToConfirm: null,
        ownKey: own,
        lines: [effectWords(d, 'disable', account.propagationWindowSec)],
      }
    case 'delete':
      return {
        // The id too: a name may be shared by several keys (Onqlave's application · Arx).
        title: `Delete ${key.name && key.name !== id ? `“${key.name}” (${id})` : id}?`,
        confirmLabel: 'Delete',
        ownKey: own,
        typeToConfirm: d.deleteConfirm === 'type-key-id' ? id : null,
        lines: [effectWords(d, 'delete', account.propagationWindowSec)],
      }
    case 'regenerate':
      return {
        title: `Regenerate the secret of ${key.name && key.name !== id ? `“${key.name}”` : id}?`,
        confirmLabel: 'Regenerate',
        typeToConfirm: null,
        ownKey: isOwnKey(d, account, key)
          ? `This is the app KeyDesk itself signs in with for ${account.label}: KeyDesk keeps the new secret as its credential at once. Programs still using the old secret stop working once the change is in force.`
          : null,
        lines: [
          effectWords(d, 'regenerate', account.propagationWindowSec),
          'KeyDesk shows the new secret once, like a new key.',
        ],
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
