// Keeps the stores in step with the core: events, account additions and removals, and each account's refresh interval.
import type { AccountView } from '../../../shared/model'
import { api } from '../api'
import { useRotationStore } from '../features/lifecycle/rotation-store'
import { useApp } from './app'
import { useKeys } from './keys'
import { usePropagationStore } from './propagation'

const TICK_MS = 5_000
const DEFAULT_INTERVAL_SEC = 60

export function startSync(): () => void {
  const lastAttempt = new Map<string, number>()
  const refresh = (id: string): void => {
    lastAttempt.set(id, Date.now())
    void useKeys.getState().refreshAccount(id)
  }

  const reconcile = (next: readonly AccountView[], prev: readonly AccountView[]): void => {
    const before = new Map(prev.map((a) => [a.id, a]))
    const ids = new Set(next.map((a) => a.id))
    for (const id of before.keys())
      if (!ids.has(id)) {
        useKeys.getState().forget(id)
        lastAttempt.delete(id)
      }
    for (const a of next) {
      const old = before.get(a.id)
      const loaded = useKeys.getState().byAccount[a.id]
      // A fixed credential or endpoint deserves a fresh listing now, not at the next interval.
      const repaired = old !== undefined && a.status === 'ok' && old.status !== 'ok' && loaded?.error != null
      if (!old || !loaded || old.endpoint !== a.endpoint || repaired) refresh(a.id)
    }
  }

  // After the browser host's event stream reconnects: any event may have been missed while it was down.
  const resync = (): void => {
    void useApp
      .getState()
      .refreshAccounts()
      .catch(() => undefined)
    void (async () => useApp.getState().setVault(await api.vault.status()))().catch(() => undefined)
    void usePropagationStore
      .getState()
      .load()
      .catch(() => undefined)
    void useRotationStore
      .getState()
      .load()
      .catch(() => undefined)
    for (const a of useApp.getState().accounts) if (useKeys.getState().byAccount[a.id]) refresh(a.id)
  }

  const tick = (): void => {
    if (document.hidden) return
    const now = Date.now()
    const { byAccount } = useKeys.getState()
    for (const a of useApp.getState().accounts) {
      const every = (a.refreshIntervalSec ?? DEFAULT_INTERVAL_SEC) * 1000
      const s = byAccount[a.id]
      if (!every || !s || s.loading) continue
      const last = Math.max(s.fetchedAt ?? 0, lastAttempt.get(a.id) ?? 0)
      if (now - last >= every) refresh(a.id)
    }
  }

  const offs = [
    api.on('keys.changed', ({ accountId }) => {
      if (useApp.getState().accounts.some((a) => a.id === accountId)) refresh(accountId)
    }),
    // Plain changes only re-read the list: the core sends them on every status change, and relisting every
    // account each time would feed a failing account's status changes back into more listings.
    api.on('accounts.changed', ({ resync: all }) => {
      if (all) resync()
      else
        void useApp
          .getState()
          .refreshAccounts()
          .catch(() => undefined)
    }),
    api.on('propagation.updated', ({ records }) => usePropagationStore.getState().replace(records)),
    api.on('vault.status', (status) => useApp.getState().setVault(status)),
    useApp.subscribe((s, p) => {
      if (s.accounts !== p.accounts) reconcile(s.accounts, p.accounts)
    }),
  ]
  reconcile(useApp.getState().accounts, [])
  const timer = setInterval(tick, TICK_MS)
  document.addEventListener('visibilitychange', tick)
  return () => {
    for (const off of offs) off()
    clearInterval(timer)
    document.removeEventListener('visibilitychange', tick)
  }
}
