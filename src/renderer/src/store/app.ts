// App-wide server state: info, keychain status, accounts. Keys live per account in store/keys.ts.
import { create } from 'zustand'
import type { AppInfo } from '../../../shared/api'
import type { AccountView, VaultStatus } from '../../../shared/model'
import { api } from '../api'

interface AppState {
  info: AppInfo | null
  vault: VaultStatus | null
  accounts: readonly AccountView[]
  loaded: boolean
  error: string | null
  load(): Promise<void>
  refreshAccounts(): Promise<void>
}

export const useApp = create<AppState>((set) => ({
  info: null,
  vault: null,
  accounts: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      const [info, vault, accounts] = await Promise.all([api.app.info(), api.vault.status(), api.accounts.list()])
      set({ info, vault, accounts, loaded: true, error: null })
    } catch (err) {
      set({ loaded: true, error: err instanceof Error ? err.message : String(err) })
    }
  },
  refreshAccounts: async () => {
    set({ accounts: await api.accounts.list() })
  },
}))
