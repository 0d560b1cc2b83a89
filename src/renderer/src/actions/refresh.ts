// The refresh policy: a change made here is followed by one listing of what it changed, and the events the core
// sends for that same change (keys.changed, accounts.changed) are absorbed instead of each starting a listing.
import type { Stores } from '../store/stores'

export interface RefreshPolicy {
  /**
   * Runs one or more changes to an account's keys, then lists them once when the last change has finished. Resolves
   * with the change's answer as soon as it arrives: the listing follows, it does not hold up the toast.
   */
  around<T>(accountId: string, work: () => Promise<T>): Promise<T>
  /** Runs a change to the accounts themselves and resolves once the account list has been read again. */
  aroundAccounts<T>(work: () => Promise<T>): Promise<T>
  /** A keys.changed event: lists the account unless a change of ours is about to list it anyway. */
  keysChanged(accountId: string): void
  /** An accounts.changed event: reads the account list unless a change of ours is about to. */
  accountsChanged(): void
}

/** The accounts list shares the bookkeeping with the per-account key lists under a name no account id can take. */
const ACCOUNTS = '\u0000accounts'

export function createRefreshPolicy(stores: Stores): RefreshPolicy {
  /** Per target: changes of ours not yet followed by the listing that shows them. */
  const ours = new Map<string, number>()
  const add = (target: string, n: number): void => {
    const next = (ours.get(target) ?? 0) + n
    if (next > 0) ours.set(target, next)
    else ours.delete(target)
  }
  const list = (target: string): Promise<void> =>
    target === ACCOUNTS ? stores.app.getState().refreshAccounts() : stores.keys.getState().refreshAccount(target)
  const around = <T>(target: string, work: () => Promise<T>, waitForListing: boolean): Promise<T> => {
    add(target, 1)
    const answer = work()
    const listed = answer.then(
      () => undefined,
      () => undefined,
    )
    const settled = listed.then(async () => {
      // The last change standing lists; events that arrive before that listing has answered are part of it.
      if (ours.get(target) === 1) await list(target).catch(() => undefined)
      add(target, -1)
    })
    return waitForListing ? settled.then(() => answer) : answer
  }
  return {
    around: (accountId, work) => around(accountId, work, false),
    aroundAccounts: (work) => around(ACCOUNTS, work, true),
    keysChanged: (accountId) => {
      if (ours.has(accountId)) return
      if (stores.app.getState().accounts.some((a) => a.id === accountId)) void list(accountId)
    },
    accountsChanged: () => {
      if (!ours.has(ACCOUNTS)) list(ACCOUNTS).catch(() => undefined)
    },
  }
}
