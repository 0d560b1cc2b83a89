// App-wide server state: info, keychain status, accounts, and which account is open. Keys live per account in store/keys.ts.
import { create } from 'zustand'
import type { AppInfo } from '../../../shared/api'
import type { AccountView, VaultStatus } from '../../../shared/model'
import { api } from '../api'
import { toProblem } from './problem'

/** 'all' or an account id. */
export type View = string

interface AppState {
  info: AppInfo | null
  vault: VaultStatus | null
  accounts: readonly AccountView[]
  loaded: boolean
  error: string | null
  view: View
  /** `${accountId}/${keyId}` of the key shown in the detail panel. */
  detail: string | null
  load(): Promise<void>
  refreshAccounts(): Promise<void>
  setVault(vault: VaultStatus): void
  openView(view: View): void
  openDetail(uid: string | null): void
}

export const useApp = create<AppState>((set, get) => ({
  info: null,
  vault: null,
  accounts: [],
  loaded: false,
  error: null,
  view: 'all',
  detail: null,
  load: async () => {
    try {
      const [info, vault, accounts] = await Promise.all([api.app.info(), api.vault.status(), api.accounts.list()])
      set({ info, vault, accounts, loaded: true, error: null })
    } catch (err) {
      set({ loaded: true, error: toProblem(err).message })
    }
  },
  refreshAccounts: async () => {
    const accounts = await api.accounts.list()
    const { view } = get()
    const stillThere = view === 'all' || accounts.some((a) => a.id === view)
    set({ accounts, ...(stillThere ? {} : { view: 'all', detail: null }) })
  },
  setVault: (vault) => set({ vault }),
  openView: (view) => set({ view, detail: null }),
  openDetail: (detail) => set({ detail }),
}))

export function accountById(accounts: readonly AccountView[], id: string): AccountView | undefined {
  return accounts.find((a) => a.id === id)
}
