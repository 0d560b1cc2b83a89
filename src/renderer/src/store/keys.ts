// Keys per account. Each account loads, fails and refreshes on its own; "All accounts" is a selector over this map.
import { createStore } from 'zustand/vanilla'
import type { AppApi, KeyList } from '../../../shared/api'
import type { KeyRecord } from '../../../shared/model'
import { toProblem, type Problem } from './problem'

export interface AccountKeys {
  readonly keys: readonly KeyRecord[]
  readonly loading: boolean
  /** Epoch ms of the last successful listing; null until one succeeds. */
  readonly fetchedAt: number | null
  readonly error: Problem | null
  /** A refresh was asked for while one ran: run once more when it ends, since the data may already be stale. */
  readonly again: boolean
}

export const EMPTY_KEYS: AccountKeys = { keys: [], loading: false, fetchedAt: null, error: null, again: false }

export interface KeysState {
  byAccount: Readonly<Record<string, AccountKeys>>
  /** `${accountId}/${keyId}` of the rows chosen for a bulk action. */
  selected: ReadonlySet<string>
  readonly refreshAccount: (accountId: string) => Promise<void>
  readonly refreshAll: (accountIds: readonly string[]) => Promise<void>
  /** Listings that came without being asked for one by one (keys.opening): each account not loaded yet takes its own. */
  readonly seed: (lists: readonly KeyList[]) => void
  readonly forget: (accountId: string) => void
  readonly toggle: (uid: string) => void
  /** Adds or removes many rows at once (select all shown). */
  readonly selectMany: (uids: readonly string[], on: boolean) => void
  readonly clear: () => void
  /** Replaces one loaded key; returns what was there (null when the key is not loaded). */
  readonly put: (accountId: string, keyId: string, next: (k: KeyRecord) => KeyRecord) => KeyRecord | null
}

export const keyUid = (k: { accountId: string; keyId: string }): string => `${k.accountId}/${k.keyId}`

export function createKeysStore(api: AppApi) {
  return createStore<KeysState>((set, get) => {
    /** Per account: rows changed here. A listing sent before such a change may predate it, so it is read again. */
    const edits = new Map<string, number>()
    const patch = (accountId: string, p: Partial<AccountKeys>): void => {
      set((s) => ({ byAccount: { ...s.byAccount, [accountId]: { ...(s.byAccount[accountId] ?? EMPTY_KEYS), ...p } } }))
    }
    // Listings that arrive together (one batch's answers, a refresh of every account) land in one store update, so
    // the list renders once for all of them instead of once per account. A forgotten account is not put back.
    // A listing sent before a change's answer may not show it yet and must not put the old row back: it is read again.
    type Landing = { readonly accountId: string; readonly edit: number; readonly p: Partial<AccountKeys> }
    let landing: { readonly batch: Landing[]; readonly done: Promise<void> } | null = null
    const land = (accountId: string, edit: number, p: Partial<AccountKeys>): Promise<void> => {
      if (!landing) {
        const batch: Landing[] = []
        const done = new Promise<void>((resolve) =>
          queueMicrotask(() => {
            landing = null
            set((s) => {
              const byAccount = { ...s.byAccount }
              for (const one of batch) {
                const current = byAccount[one.accountId]
                if (!current) continue
                const stale = (edits.get(one.accountId) ?? 0) !== one.edit
                byAccount[one.accountId] = stale
                  ? { ...current, loading: false, again: true }
                  : { ...current, ...one.p }
              }
              return { byAccount }
            })
            resolve()
          }),
        )
        landing = { batch, done }
      }
      landing.batch.push({ accountId, edit, p })
      return landing.done
    }
    const refreshAccount = async (accountId: string): Promise<void> => {
      const current = get().byAccount[accountId]
      if (current?.loading) {
        patch(accountId, { again: true })
        return
      }
      patch(accountId, { loading: true, again: false })
      const started = edits.get(accountId) ?? 0
      try {
        const list = await api.keys.list({ accountId })
        markListed(accountId)
        if (!get().byAccount[accountId]) return
        const prev = get().byAccount[accountId]?.keys ?? []
        await land(accountId, started, {
          keys: reuseUnchanged(prev, keepTombstoneFields(prev, list.keys)),
          fetchedAt: Date.parse(list.fetchedAt) || Date.now(),
          error: null,
          loading: false,
        })
      } catch (err) {
        if (!get().byAccount[accountId]) return
        patch(accountId, { error: toProblem(err), loading: false })
      }
      if (get().byAccount[accountId]?.again) await refreshAccount(accountId)
    }
    return {
      byAccount: {},
      selected: new Set(),
      refreshAccount,
      refreshAll: async (accountIds) => {
        await Promise.allSettled(accountIds.map((id) => refreshAccount(id)))
      },
      seed: (lists) => {
        const fresh = lists.filter((list) => !get().byAccount[list.accountId])
        for (const list of fresh) markListed(list.accountId)
        set((s) => {
          const byAccount = { ...s.byAccount }
          for (const list of fresh)
            byAccount[list.accountId] = {
              ...EMPTY_KEYS,
              keys: list.keys,
              fetchedAt: Date.parse(list.fetchedAt) || Date.now(),
            }
          return { byAccount }
        })
      },
      forget: (accountId) =>
        set((s) => {
          const { [accountId]: _gone, ...rest } = s.byAccount
          const selected = new Set([...s.selected].filter((uid) => !uid.startsWith(`${accountId}/`)))
          return { byAccount: rest, selected }
        }),
      toggle: (uid) =>
        set((s) => {
          const selected = new Set(s.selected)
          if (!selected.delete(uid)) selected.add(uid)
          return { selected }
        }),
      selectMany: (uids, on) =>
        set((s) => {
          const selected = new Set(s.selected)
          for (const uid of uids)
            if (on) selected.add(uid)
            else selected.delete(uid)
          return { selected }
        }),
      clear: () => set({ selected: new Set() }),
      put: (accountId, keyId, next) => {
        edits.set(accountId, (edits.get(accountId) ?? 0) + 1)
        let before: KeyRecord | null = null
        set((s) => {
          const acc = s.byAccount[accountId]
          const at = acc?.keys.findIndex((k) => k.keyId === keyId) ?? -1
          if (!acc || at < 0) return s
          const keys = [...acc.keys]
          before = keys[at]
          keys[at] = next(before)
          return { byAccount: { ...s.byAccount, [accountId]: { ...acc, keys } } }
        })
        return before
      },
    }
  })
}

/** "Data arrived" for `npm run bench` (bench/rows/render.ts); one mark per account, replaced on each listing. */
function markListed(accountId: string): void {
  const name = `keydesk:keys-listed:${accountId}`
  performance.clearMarks(name)
  performance.mark(name)
}

/**
 * A key deleted but still propagating comes back from the core as a bare tombstone (its id, the time of the delete).
 * It keeps the fields it was listed with, so it stays where it was in a sorted list and keeps its real creation date.
 */
export function keepTombstoneFields(prev: readonly KeyRecord[], next: readonly KeyRecord[]): readonly KeyRecord[] {
  if (prev.length === 0 || !next.some((k) => k.state === 'deleted')) return next
  const old = new Map(prev.map((k) => [k.keyId, k]))
  return next.map((k) => {
    const before = k.state === 'deleted' ? old.get(k.keyId) : undefined
    return before ? { ...before, state: 'deleted' } : k
  })
}

/** Keeps the previous objects (and array) where nothing changed, so an idle interval refresh re-renders nothing. */
export function reuseUnchanged(prev: readonly KeyRecord[], next: readonly KeyRecord[]): readonly KeyRecord[] {
  if (prev.length === 0) return next
  const old = new Map(prev.map((k) => [k.keyId, k]))
  let same = prev.length === next.length
  const out = next.map((k, i) => {
    const o = old.get(k.keyId)
    const keep = o !== undefined && sameKey(o, k)
    if (!keep || prev[i] !== o) same = false
    return keep ? o : k
  })
  return same ? prev : out
}

function sameKey(a: KeyRecord, b: KeyRecord): boolean {
  if (
    a.name !== b.name ||
    a.state !== b.state ||
    a.createdAt !== b.createdAt ||
    a.lastUsedAt !== b.lastUsedAt ||
    a.lastUsedIp !== b.lastUsedIp ||
    a.provider !== b.provider ||
    a.accountId !== b.accountId
  )
    return false
  const ak = Object.keys(a.extra)
  return ak.length === Object.keys(b.extra).length && ak.every((k) => a.extra[k] === b.extra[k])
}
