// Optimistic then true: the row changes at once, the service's answer replaces it, a failure puts the old row back.
import { assertNever } from '../../../../shared/errors'
import type { KeyRecord } from '../../../../shared/model'
import { api } from '../../api'
import { refreshAccount, useKeys } from '../../store/keys'

export type KeyChange =
  { readonly op: 'enable' | 'disable' | 'delete' } | { readonly op: 'rename'; readonly name: string }

/** Replaces one key in the keys store; returns what was there (null when the key is not loaded). */
function put(accountId: string, keyId: string, next: (k: KeyRecord) => KeyRecord): KeyRecord | null {
  let before: KeyRecord | null = null
  useKeys.setState((s) => {
    const acc = s.byAccount[accountId]
    const at = acc?.keys.findIndex((k) => k.keyId === keyId) ?? -1
    if (!acc || at < 0) return s
    const keys = [...acc.keys]
    before = keys[at] as KeyRecord
    keys[at] = next(before)
    return { byAccount: { ...s.byAccount, [accountId]: { ...acc, keys } } }
  })
  return before
}

function optimistic(key: KeyRecord, change: KeyChange): KeyRecord {
  switch (change.op) {
    case 'enable':
      return { ...key, state: 'enabled' }
    case 'disable':
      return { ...key, state: 'disabled' }
    case 'delete':
      return { ...key, state: 'deleted' }
    case 'rename':
      return { ...key, name: change.name.trim() }
    default:
      return assertNever(change)
  }
}

function send(key: KeyRecord, change: KeyChange): Promise<KeyRecord | null> {
  const ref = { accountId: key.accountId, keyId: key.keyId }
  switch (change.op) {
    case 'enable':
      return api.keys.enable(ref)
    case 'disable':
      return api.keys.disable(ref)
    case 'delete':
      return api.keys.delete(ref)
    case 'rename':
      return api.keys.rename({ ...ref, name: change.name.trim() })
    default:
      return assertNever(change)
  }
}

/** Rejects with the service's error after rolling the row back. */
export async function changeKey(key: KeyRecord, change: KeyChange): Promise<void> {
  let guess: KeyRecord | null = null
  const before = put(key.accountId, key.keyId, (k) => (guess = optimistic(k, change)))
  try {
    const answer = await send(key, change)
    if (answer) put(key.accountId, key.keyId, () => answer)
  } catch (err) {
    // Only undo our own guess: a refresh that landed meanwhile already shows the truth.
    if (before) put(key.accountId, key.keyId, (k) => (k === guess ? before : k))
    throw err
  } finally {
    void refreshAccount(key.accountId)
  }
}
