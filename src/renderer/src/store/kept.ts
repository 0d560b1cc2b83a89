// Which keys' secrets KeyDesk holds in the keychain, per account. Only ids: the secrets stay in the core.
import { createStore } from 'zustand/vanilla'
import type { AppApi } from '../../../shared/api'

export interface KeptState {
  byAccount: Readonly<Record<string, ReadonlySet<string>>>
  /** Accounts already asked for, so a screenful of rows asks once. */
  asked: ReadonlySet<string>
  /** Loads an account's kept ids once, however many rows ask. */
  readonly ensure: (accountId: string) => void
  readonly reload: (accountId: string) => void
}

export function createKeptStore(api: AppApi) {
  return createStore<KeptState>((set, get) => ({
    byAccount: {},
    asked: new Set(),
    ensure: (accountId) => {
      if (get().asked.has(accountId)) return
      set((s) => ({ asked: new Set(s.asked).add(accountId) }))
      get().reload(accountId)
    },
    reload: (accountId) => {
      api.keys.kept({ accountId }).then(
        (ids) => set((s) => ({ byAccount: { ...s.byAccount, [accountId]: new Set(ids) } })),
        () => undefined,
      )
    },
  }))
}
