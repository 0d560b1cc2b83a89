import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { KeyList } from '../../src/shared/api'
import { createFakeApi, deferred, key, type Deferred, harness } from './fake-api'

import { reuseUnchanged } from '../../src/renderer/src/store/keys'
const api = createFakeApi()
let h = harness(api)

const list = (accountId: string, n: number): KeyList => ({
  accountId,
  fetchedAt: new Date().toISOString(),
  keys: Array.from({ length: n }, (_, i) => key(accountId, `${accountId}-k${i}`)),
})

describe('the per-account key store', () => {
  let pending: Map<string, Deferred<KeyList>>
  beforeEach(() => {
    api.reset()
    h = harness(api)
    pending = new Map()
    api.keys.list.mockImplementation(({ accountId }: { accountId: string }) => {
      const d = deferred<KeyList>()
      pending.set(accountId, d)
      return d.promise
    })
  })
  afterEach(() => vi.useRealTimers())

  it("never puts back a row older than a change's answer: a listing sent before the answer is read again", async () => {
    const first = h.stores.keys.getState().refreshAccount('a')
    pending.get('a')?.resolve(list('a', 1))
    await first
    const stale = h.stores.keys.getState().refreshAccount('a')
    const before = pending.get('a')
    h.stores.keys.getState().put('a', 'a-k0', (k) => ({ ...k, name: 'renamed' }))
    before?.resolve(list('a', 1))
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(3))
    expect(h.stores.keys.getState().byAccount.a?.keys[0]?.name).toBe('renamed')
    pending.get('a')?.resolve({ ...list('a', 1), keys: [key('a', 'a-k0', { name: 'renamed' })] })
    await stale
    expect(h.stores.keys.getState().byAccount.a?.keys[0]?.name).toBe('renamed')
    expect(h.stores.keys.getState().byAccount.a?.loading).toBe(false)
  })

  it('lands listings that arrive together in one update, so the list renders once for all of them', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e']
    const all = h.stores.keys.getState().refreshAll(ids)
    h.stores.keys.getState().forget('e')
    let updates = 0
    const off = h.stores.keys.subscribe(() => updates++)
    for (const id of ids) pending.get(id)?.resolve(list(id, 2))
    await all
    off()
    expect(updates).toBe(1)
    for (const id of ids.slice(0, 4)) expect(h.stores.keys.getState().byAccount[id]).toMatchObject({ loading: false })
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(2)
    // An account forgotten while its listing travelled is not put back by it.
    expect(h.stores.keys.getState().byAccount.e).toBeUndefined()
  })

  it('loads every account at the same time, and each shows its keys as soon as its own answer arrives', async () => {
    const all = h.stores.keys.getState().refreshAll(['a', 'b'])
    // Both requests are in flight before either answers: the loads run in parallel, not one after another.
    expect(api.keys.list).toHaveBeenCalledTimes(2)
    expect(h.stores.keys.getState().byAccount.a?.loading).toBe(true)
    expect(h.stores.keys.getState().byAccount.b?.loading).toBe(true)

    pending.get('b')?.resolve(list('b', 3))
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.b?.keys).toHaveLength(3))
    expect(h.stores.keys.getState().byAccount.a?.loading).toBe(true)
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(0)

    pending.get('a')?.resolve(list('a', 2))
    await all
    expect(h.stores.keys.getState().byAccount.a).toMatchObject({ loading: false, error: null })
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(2)
  })

  it("keeps a failing account's error to itself and never blanks the others", async () => {
    const all = h.stores.keys.getState().refreshAll(['a', 'b'])
    pending.get('a')?.reject(new AppError('NETWORK', 'Cannot reach cloudmc.example: check the network, then Retry.'))
    pending.get('b')?.resolve(list('b', 4))
    await all
    const { a, b } = h.stores.keys.getState().byAccount
    expect(a?.error).toEqual({
      code: 'NETWORK',
      message: 'Cannot reach cloudmc.example: check the network, then Retry.',
      retryable: true,
    })
    expect(a?.loading).toBe(false)
    expect(b?.error).toBeNull()
    expect(b?.keys).toHaveLength(4)
  })

  it('keeps stale keys and their age visible when a later refresh fails, and clears the error on a successful retry', async () => {
    const first = h.stores.keys.getState().refreshAccount('a')
    pending.get('a')?.resolve(list('a', 5))
    await first
    const fetchedAt = h.stores.keys.getState().byAccount.a?.fetchedAt

    const second = h.stores.keys.getState().refreshAccount('a')
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(5)
    pending.get('a')?.reject(new AppError('AUTH_FAILED', 'The service rejected the credential: re-enter it.'))
    await second
    expect(h.stores.keys.getState().byAccount.a).toMatchObject({ fetchedAt, error: { code: 'AUTH_FAILED' } })
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(5)

    const retry = h.stores.keys.getState().refreshAccount('a')
    pending.get('a')?.resolve(list('a', 6))
    await retry
    expect(h.stores.keys.getState().byAccount.a).toMatchObject({ error: null })
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(6)
  })

  it('runs one more listing when a refresh is asked for while one is running, not one per request', async () => {
    const first = h.stores.keys.getState().refreshAccount('a')
    void h.stores.keys.getState().refreshAccount('a')
    void h.stores.keys.getState().refreshAccount('a')
    expect(api.keys.list).toHaveBeenCalledTimes(1)
    const firstAnswer = pending.get('a')
    firstAnswer?.resolve(list('a', 1))
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(2))
    pending.get('a')?.resolve(list('a', 2))
    await first
    expect(api.keys.list).toHaveBeenCalledTimes(2)
    expect(h.stores.keys.getState().byAccount.a?.keys).toHaveLength(2)
  })

  it('drops the answer for an account removed while it was loading', async () => {
    const load = h.stores.keys.getState().refreshAccount('a')
    h.stores.keys.getState().forget('a')
    pending.get('a')?.resolve(list('a', 2))
    await load
    expect(h.stores.keys.getState().byAccount.a).toBeUndefined()
  })

  it('keeps the same array when a refresh returns the same keys, so nothing re-renders', () => {
    const prev = list('a', 3).keys
    const same = prev.map((k) => ({ ...k, extra: { ...k.extra } }))
    expect(reuseUnchanged(prev, same)).toBe(prev)
    const changed = [...same.slice(0, 2), { ...same[2], state: 'disabled' as const }]
    const next = reuseUnchanged(prev, changed)
    expect(next).not.toBe(prev)
    expect(next[0]).toBe(prev[0])
    expect(next[2]?.state).toBe('disabled')
  })

  it('selects and clears rows for bulk actions, and forgets the selection of a removed account', () => {
    const s = h.stores.keys.getState()
    s.toggle('a/k1')
    h.stores.keys.getState().toggle('b/k2')
    h.stores.keys.getState().toggle('a/k3')
    expect([...h.stores.keys.getState().selected]).toEqual(['a/k1', 'b/k2', 'a/k3'])
    h.stores.keys.getState().toggle('a/k1')
    expect(h.stores.keys.getState().selected.has('a/k1')).toBe(false)
    h.stores.keys.setState({ byAccount: { a: { keys: [], loading: false, fetchedAt: 1, error: null, again: false } } })
    h.stores.keys.getState().forget('a')
    expect([...h.stores.keys.getState().selected]).toEqual(['b/k2'])
    h.stores.keys.getState().clear()
    expect(h.stores.keys.getState().selected.size).toBe(0)
  })
})
