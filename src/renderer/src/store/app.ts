// App-wide server state: info, keychain status, accounts, and which account is open. Keys live per account in keys.ts.
import { createStore } from 'zustand/vanilla'
import type { AppApi, AppInfo } from '../../../shared/api'
import type { ProviderDescriptor } from '../../../shared/descriptor'
import type { AccountView, ProviderId, VaultStatus } from '../../../shared/model'
import { toProblem } from './problem'

/** 'all' or an account id. */
export type View = string

export interface AppState {
  info: AppInfo | null
  /** What each provider is and offers, from its adapter: the renderer asks this, never a provider id. */
  providers: Readonly<Partial<Record<ProviderId, ProviderDescriptor>>>
  /** The same descriptors in the core's order, which is the order the app lists providers in. */
  providerList: readonly ProviderDescriptor[]
  vault: VaultStatus | null
  accounts: readonly AccountView[]
  loaded: boolean
  error: string | null
  view: View
  /** `${accountId}/${keyId}` of the key shown in the detail panel. */
  detail: string | null
  /** `${accountId}/${keyId}` of the row the keyboard is on in the list: the palette's "selected key". */
  active: string | null
  /** `listed` hears the accounts as soon as they arrive, before anything renders them (their keys can be asked at once). */
  readonly load: (listed?: (accounts: readonly AccountView[]) => void) => Promise<void>
  readonly refreshAccounts: () => Promise<void>
  readonly setVault: (vault: VaultStatus) => void
  readonly openView: (view: View) => void
  readonly openDetail: (uid: string | null) => void
  readonly setActive: (uid: string | null) => void
}

export function createAppStore(api: AppApi) {
  /** Numbers each accounts request, so only the newest one's answer is applied. */
  let accountsSeq = 0
  return createStore<AppState>((set, get) => ({
    info: null,
    providers: {},
    providerList: [],
    vault: null,
    accounts: [],
    loaded: false,
    error: null,
    view: 'all',
    detail: null,
    active: null,
    load: async (listed) => {
      const seq = ++accountsSeq
      set({ loaded: false, error: null })
      const accountsCall = api.accounts.list()
      if (listed)
        void accountsCall.then(
          (a) => seq === accountsSeq && listed(a),
          () => undefined,
        )
      // The keychain's status asks the keychain itself, the slowest of these: the accounts do not wait for it.
      void api.vault.status().then(
        (vault) => set({ vault }),
        () => undefined,
      )
      // Settled one by one: info failing must not hide the accounts.
      const [info, accounts, providers] = await Promise.allSettled([api.app.info(), accountsCall, api.providers.list()])
      if (info.status === 'fulfilled') set({ info: info.value })
      // Without the descriptors no account can be shown truthfully: their failure is the start's failure.
      if (providers.status === 'rejected') return set({ loaded: true, error: toProblem(providers.reason).message })
      set({ providers: Object.fromEntries(providers.value.map((d) => [d.id, d])), providerList: providers.value })
      if (seq !== accountsSeq) return set({ loaded: true })
      if (accounts.status === 'fulfilled') set({ accounts: accounts.value, loaded: true, error: null })
      else set({ loaded: true, error: toProblem(accounts.reason).message })
    },
    refreshAccounts: async () => {
      const seq = ++accountsSeq
      const accounts = await api.accounts.list()
      // An older request answering late would put back a list a newer one already replaced.
      if (seq !== accountsSeq) return
      const { view } = get()
      const stillThere = view === 'all' || accounts.some((a) => a.id === view)
      set({ accounts, loaded: true, error: null, ...(stillThere ? {} : { view: 'all', detail: null }) })
    },
    setVault: (vault) => set({ vault }),
    openView: (view) => set({ view, detail: null }),
    openDetail: (detail) => set({ detail }),
    setActive: (active) => set({ active }),
  }))
}

export function accountById(accounts: readonly AccountView[], id: string): AccountView | undefined {
  return accounts.find((a) => a.id === id)
}
