// Which keys' secrets KeyDesk holds in the keychain, per account. Only ids: the secrets stay in the core.
import { create } from 'zustand'
import { api } from '../../api'

interface KeptState {
  byAccount: Readonly<Record<string, ReadonlySet<string>>>
  /** Accounts already asked for, so a screenful of rows asks once. */
  asked: ReadonlySet<string>
  load(accountId: string): Promise<void>
}

export const useKept = create<KeptState>((set) => ({
  byAccount: {},
  asked: new Set(),
  load: async (accountId) => {
    const ids = await api.keys.kept({ accountId })
    set((s) => ({ byAccount: { ...s.byAccount, [accountId]: new Set(ids) } }))
  },
}))

/** Loads an account's kept ids once, however many rows ask. */
export function ensureKept(accountId: string): void {
  if (useKept.getState().asked.has(accountId)) return
  useKept.setState((s) => ({ asked: new Set(s.asked).add(accountId) }))
  reloadKept(accountId)
}

export function reloadKept(accountId: string): void {
  void useKept
    .getState()
    .load(accountId)
    .catch(() => undefined)
}
