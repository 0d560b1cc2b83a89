// Keeps the stores in step with the core: events, account additions and removals, and each account's refresh interval.
import type { AppApi, KeyList } from '../../../shared/api'
import type { AccountView } from '../../../shared/model'
import type { Stores } from '../store/stores'
import { startNotes } from './notes'
import type { RefreshPolicy } from './refresh'

const TICK_MS = 5_000
const DEFAULT_INTERVAL_SEC = 60
/** How long the first listings wait for keys.opening before every account is asked for its keys. */
const OPENING_WAIT_MS = 3_000

export function startSync(api: AppApi, stores: Stores, policy: RefreshPolicy): () => void {
  const { app, keys, propagation, rotations, prefs, lock, activity } = stores
  const lastAttempt = new Map<string, number>()
  const refresh = (id: string): void => {
    lastAttempt.set(id, Date.now())
    void keys.getState().refreshAccount(id)
  }

  // The listings the core already held when this window opened (keys.opening, sent with the accounts): an account
  // takes its own the first time it is reconciled instead of being listed again. Until they are known, reconciling
  // waits for them (in order), so none is thrown away and asked for a second time.
  let opened: Map<string, KeyList> | null = null
  let openingTimer: ReturnType<typeof setTimeout> | undefined
  // A core that never answers must not leave the list empty: past the wait, every account is asked for itself.
  const gaveUp = new Promise<readonly KeyList[]>((resolve) => {
    openingTimer = setTimeout(() => resolve([]), OPENING_WAIT_MS)
  })
  const opening = Promise.race([api.keys.opening().catch((): readonly KeyList[] => []), gaveUp]).then((lists) => {
    clearTimeout(openingTimer)
    opened = new Map(lists.map((l) => [l.accountId, l]))
  })

  const reconcile = (next: readonly AccountView[], prev: readonly AccountView[]): void => {
    if (!opened) return void opening.then(() => reconcile(next, prev))
    const before = new Map(prev.map((a) => [a.id, a]))
    const ids = new Set(next.map((a) => a.id))
    for (const id of before.keys())
      if (!ids.has(id)) {
        keys.getState().forget(id)
        lastAttempt.delete(id)
        opened.delete(id)
      }
    const seeded: KeyList[] = []
    for (const a of next) {
      const old = before.get(a.id)
      const loaded = keys.getState().byAccount[a.id]
      const held = loaded ? undefined : opened.get(a.id)
      opened.delete(a.id)
      if (held) seeded.push(held)
      // A fixed credential or endpoint deserves a fresh listing now, not at the next interval.
      const repaired = old !== undefined && a.status === 'ok' && old.status !== 'ok' && loaded?.error != null
      if ((!loaded && !held) || (old !== undefined && (old.endpoint !== a.endpoint || repaired))) refresh(a.id)
    }
    if (seeded.length) keys.getState().seed(seeded)
  }

  const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined)

  // After the browser host's event stream reconnects: any event may have been missed while it was down.
  const resync = (): void => {
    quietly(app.getState().refreshAccounts())
    quietly(api.vault.status().then((v) => app.getState().setVault(v)))
    quietly(propagation.getState().load())
    quietly(rotations.getState().load())
    quietly(lock.getState().load())
    for (const a of app.getState().accounts) if (keys.getState().byAccount[a.id]) refresh(a.id)
  }

  const tick = (): void => {
    if (document.hidden) return
    const now = Date.now()
    const { byAccount } = keys.getState()
    for (const a of app.getState().accounts) {
      const every = (a.refreshIntervalSec ?? DEFAULT_INTERVAL_SEC) * 1000
      const s = byAccount[a.id]
      if (!every || !s || s.loading) continue
      const last = Math.max(s.fetchedAt ?? 0, lastAttempt.get(a.id) ?? 0)
      if (now - last >= every) refresh(a.id)
    }
  }

  // The keys are asked for as the accounts arrive, so their listings travel while the accounts render.
  quietly(app.getState().load((accounts) => reconcile(accounts, [])))
  quietly(prefs.getState().load())
  quietly(propagation.getState().load())
  quietly(rotations.getState().load())
  quietly(lock.getState().load())
  const offs = [
    api.on('keys.changed', ({ accountId }) => {
      policy.keysChanged(accountId)
      activity.getState().changed()
    }),
    // Plain changes only re-read the list: the core sends them on every status change, and relisting every
    // account each time would feed a failing account's status changes back into more listings.
    api.on('accounts.changed', ({ resync: all }) => {
      if (all) resync()
      else policy.accountsChanged()
      activity.getState().changed()
    }),
    api.on('propagation.updated', ({ records }) => propagation.getState().replace(records)),
    api.on('rotation.updated', ({ rotations: all }) => rotations.getState().replace(all)),
    api.on('vault.status', (status) => app.getState().setVault(status)),
    api.on('lock.changed', (status) => lock.getState().set(status)),
    startNotes(api, stores),
    app.subscribe((s, p) => {
      if (s.accounts !== p.accounts) reconcile(s.accounts, p.accounts)
    }),
  ]
  reconcile(app.getState().accounts, [])
  const timer = setInterval(tick, TICK_MS)
  document.addEventListener('visibilitychange', tick)
  return () => {
    for (const off of offs) off()
    clearTimeout(openingTimer)
    clearInterval(timer)
    document.removeEventListener('visibilitychange', tick)
  }
}
