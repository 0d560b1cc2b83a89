import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { AccountView } from '../../src/shared/model'
import type { KeyList } from '../../src/shared/results'
import { valueToWire } from '../../src/shared/key-list-wire'
import { account, APP_INFO, createFakeApi, deferred, DESCRIPTORS, harness, PREFERENCES } from './fake-api'

import { App } from '../../src/renderer/src/App'
import { httpTransport } from '../../src/renderer/src/host-transport'
const api = createFakeApi()
let h = harness(api)

const space = account('s1', 'spaceone', 'Space prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')

describe('start-up and account refreshes', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.app.info.mockResolvedValue(APP_INFO)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the accounts when only the keychain status fails', async () => {
    api.vault.status.mockRejectedValue(new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain.'))
    api.accounts.list.mockResolvedValue([space])
    await h.stores.app.getState().load()
    expect(h.stores.app.getState()).toMatchObject({ accounts: [space], error: null, loaded: true, vault: null })
  })

  it('shows the accounts without waiting for the keychain status, and the status once it answers', async () => {
    const vault = deferred<{ state: 'available' }>()
    api.vault.status.mockReturnValue(vault.promise)
    api.accounts.list.mockResolvedValue([space])
    await h.stores.app.getState().load()
    expect(h.stores.app.getState()).toMatchObject({ accounts: [space], loaded: true, error: null, vault: null })
    vault.resolve({ state: 'available' })
    await vi.waitFor(() => expect(h.stores.app.getState().vault).toEqual({ state: 'available' }))
  })

  it('offers Retry when the accounts cannot be listed, and clears the error once they can', async () => {
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.accounts.list.mockRejectedValueOnce(new AppError('INTERNAL', 'Accounts file unreadable.'))
    api.settings.get.mockResolvedValue(PREFERENCES)
    api.propagation.list.mockResolvedValue([])
    h.view(<App />)
    expect((await screen.findByRole('alert')).textContent).toMatch(/Accounts file unreadable/)
    api.accounts.list.mockResolvedValue([])
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    })
    expect(screen.queryByText(/Accounts file unreadable/)).toBeNull()
    expect(h.stores.app.getState().error).toBeNull()
  })

  it('drops an accounts answer older than the newest request', async () => {
    const slow = deferred<readonly AccountView[]>()
    api.accounts.list.mockReturnValueOnce(slow.promise).mockResolvedValueOnce([cloud])
    const first = h.stores.app.getState().refreshAccounts()
    await h.stores.app.getState().refreshAccounts()
    slow.resolve([space])
    await first
    expect(h.stores.app.getState().accounts).toEqual([cloud])
  })
})

describe('the first listings', () => {
  it("asks for every account's keys as soon as the accounts arrive, before the app has shown them, and once each", async () => {
    api.reset()
    h = harness(api)
    const providers = deferred<typeof DESCRIPTORS>()
    api.providers.list.mockReturnValue(providers.promise)
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.accounts.list.mockResolvedValue([space, cloud])
    api.propagation.list.mockResolvedValue([])
    api.keys.list.mockImplementation(({ accountId }: { accountId: string }) =>
      Promise.resolve({ accountId, keys: [], fetchedAt: new Date().toISOString() }),
    )
    const stop = h.actions.startSync()
    // The providers have not answered, so the accounts are not in the app yet: their keys are asked already.
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(2))
    expect(h.stores.app.getState().accounts).toEqual([])
    providers.resolve(DESCRIPTORS)
    await vi.waitFor(() => expect(h.stores.app.getState().accounts).toHaveLength(2))
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.c1?.loading).toBe(false))
    expect(api.keys.list).toHaveBeenCalledTimes(2)
    stop()
  })
})

describe('the listings the core already holds', () => {
  const fetchedAt = '2026-11-30T12:00:00.000Z'
  const spaceKey = { ...keyOf('s1', 'k-space'), provider: 'spaceone' as const }
  const held = (accountId: string, keys: KeyList['keys']): KeyList => ({ accountId, keys, fetchedAt })
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.propagation.list.mockResolvedValue([])
    api.keys.list.mockImplementation(({ accountId }: { accountId: string }) =>
      Promise.resolve({ accountId, keys: [keyOf(accountId, 'k-listed')], fetchedAt: new Date().toISOString() }),
    )
  })
  const byAccount = () => h.stores.keys.getState().byAccount

  it('come with the accounts in the first request: only the other accounts are asked for one by one', async () => {
    api.accounts.list.mockResolvedValue([space, cloud])
    // An account removed since the core started is not put back by its opening listing.
    api.keys.opening.mockResolvedValue([held('s1', [spaceKey]), held('gone', [keyOf('gone', 'k-old')])])
    const stop = h.actions.startSync()
    await vi.waitFor(() => expect(byAccount().c1?.keys).toHaveLength(1))
    expect(api.keys.list.mock.calls).toEqual([[{ accountId: 'c1' }]])
    expect(byAccount().s1).toMatchObject({
      keys: [spaceKey],
      loading: false,
      error: null,
      fetchedAt: Date.parse(fetchedAt),
    })
    expect(byAccount().gone).toBeUndefined()
    stop()
  })

  it('are used when they answer after the accounts, and when a newer accounts request overtook the first', async () => {
    const opening = deferred<readonly KeyList[]>()
    api.keys.opening.mockReturnValue(opening.promise)
    const first = deferred<readonly AccountView[]>()
    api.accounts.list.mockReturnValueOnce(first.promise).mockResolvedValue([space, cloud])
    const stop = h.actions.startSync()
    // An accounts.changed event before the first answer: the first answer is dropped for the newer one.
    await h.stores.app.getState().refreshAccounts()
    first.resolve([space, cloud])
    await vi.waitFor(() => expect(h.stores.app.getState().accounts).toHaveLength(2))
    expect(api.keys.list).not.toHaveBeenCalled()
    opening.resolve([held('s1', [spaceKey]), held('c1', [keyOf('c1', 'k-held')])])
    await vi.waitFor(() => expect(byAccount().c1?.keys[0]?.keyId).toBe('k-held'))
    expect(byAccount().s1?.keys).toEqual([spaceKey])
    expect(api.keys.list).not.toHaveBeenCalled()
    stop()
  })

  it('do not put back an account removed before they arrived', async () => {
    const opening = deferred<readonly KeyList[]>()
    api.keys.opening.mockReturnValue(opening.promise)
    api.accounts.list.mockResolvedValueOnce([space, cloud]).mockResolvedValue([cloud])
    const stop = h.actions.startSync()
    await vi.waitFor(() => expect(h.stores.app.getState().accounts).toHaveLength(2))
    await h.stores.app.getState().refreshAccounts()
    expect(h.stores.app.getState().accounts).toEqual([cloud])
    opening.resolve([held('s1', [spaceKey]), held('c1', [keyOf('c1', 'k-held')])])
    await vi.waitFor(() => expect(byAccount().c1?.keys[0]?.keyId).toBe('k-held'))
    expect(Object.keys(byAccount())).toEqual(['c1'])
    expect(api.keys.list).not.toHaveBeenCalled()
    stop()
  })

  it('are waited for 3 s at most: past that, every account is asked for its keys', async () => {
    vi.useFakeTimers()
    api.accounts.list.mockResolvedValue([space, cloud])
    api.keys.opening.mockReturnValue(new Promise(() => undefined))
    const stop = h.actions.startSync()
    await act(() => vi.advanceTimersByTimeAsync(2_900))
    expect(h.stores.app.getState().accounts).toHaveLength(2)
    expect(api.keys.list).not.toHaveBeenCalled()
    await act(() => vi.advanceTimersByTimeAsync(200))
    expect(api.keys.list.mock.calls).toEqual([[{ accountId: 's1' }], [{ accountId: 'c1' }]])
    stop()
    vi.useRealTimers()
  })

  it('are not needed: when the core cannot say, every account is asked for as before', async () => {
    api.accounts.list.mockResolvedValue([space, cloud])
    api.keys.opening.mockRejectedValue(new AppError('INTERNAL', 'Not now.'))
    const stop = h.actions.startSync()
    await vi.waitFor(() => expect(byAccount().s1?.keys[0]?.keyId).toBe('k-listed'))
    await vi.waitFor(() => expect(byAccount().c1?.keys[0]?.keyId).toBe('k-listed'))
    expect(api.keys.list).toHaveBeenCalledTimes(2)
    stop()
  })
})

function keyOf(accountId: string, keyId: string) {
  return {
    provider: 'cloudmc' as const,
    accountId,
    keyId,
    name: keyId,
    state: 'enabled' as const,
    createdAt: '2026-11-30T10:00:00.000Z',
    extra: {},
  }
}

describe('resync', () => {
  it('reloads accounts, keys, propagation and rotations when the event stream reconnects', async () => {
    api.reset()
    h = harness(api)
    h.stores.app.setState({ accounts: [space] })
    api.accounts.list.mockResolvedValue([space])
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.propagation.list.mockResolvedValue([])
    api.keys.list.mockResolvedValue({ accountId: 's1', keys: [], fetchedAt: new Date().toISOString() })
    const stop = h.actions.startSync()
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(1))
    api.rotation.list.mockClear()
    act(() => api.emit('accounts.changed', {}))
    await vi.waitFor(() => expect(api.accounts.list).toHaveBeenCalled())
    expect(api.keys.list).toHaveBeenCalledTimes(1)
    act(() => api.emit('accounts.changed', { resync: true }))
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(2))
    expect(api.propagation.list).toHaveBeenCalled()
    expect(api.rotation.list).toHaveBeenCalled()
    expect(api.vault.status).toHaveBeenCalled()
    stop()
  })
})

describe('browser host event stream', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('backs off on an error answer and asks for a reload after reconnecting', async () => {
    vi.useFakeTimers()
    const stream = (): Response => new Response(new ReadableStream({ start: (c) => c.close() }), { status: 200 })
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(stream())
      .mockResolvedValueOnce(new Response('no', { status: 500 }))
      .mockResolvedValueOnce(new Response('no', { status: 500 }))
      .mockResolvedValue(stream())
    vi.stubGlobal('fetch', fetch)
    const listener = vi.fn()
    const stop = httpTransport().subscribe(listener)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(listener).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(500 + 1000)
    expect(fetch).toHaveBeenCalledTimes(3)
    // Two failures in a row: the next wait is 2 s, not 500 ms.
    await vi.advanceTimersByTimeAsync(1_900)
    expect(fetch).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(100)
    expect(fetch).toHaveBeenCalledTimes(4)
    expect(listener).toHaveBeenCalledWith('accounts.changed', { resync: true })
    stop()
  })
})

describe('browser host key listings', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hands the app the KeyRecords of a listing that travelled packed, alone or in a batch', async () => {
    const listed: KeyList = {
      accountId: 'c1',
      keys: [
        {
          provider: 'cloudmc',
          accountId: 'c1',
          keyId: 'k1',
          name: 'Deploy',
          state: 'enabled',
          createdAt: '2026-11-30T10:00:00.000Z',
          lastUsedIp: '10.0.0.1',
          extra: {},
        },
      ],
      fetchedAt: '2026-11-30T12:00:00.000Z',
    }
    const reply = { ok: true, value: valueToWire('keys.list', listed) }
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify(reply), { status: 200 }))
      .mockResolvedValueOnce(
        new Response(`${JSON.stringify({ i: 1, reply })}\n${JSON.stringify({ i: 0, reply })}\n`, { status: 200 }),
      )
    vi.stubGlobal('fetch', fetch)
    const transport = httpTransport()
    expect(await transport.invoke('keys.list', { accountId: 'c1' })).toEqual(listed)
    const both = await Promise.all([
      transport.invoke('keys.list', { accountId: 'c1' }),
      transport.invoke('keys.list', { accountId: 'c1' }),
    ])
    expect(both).toEqual([listed, listed])
    expect(fetch).toHaveBeenLastCalledWith('/api/batch', expect.anything())
  })

  it('unpacks every listing of keys.opening', async () => {
    const listed: KeyList = {
      accountId: 'c1',
      keys: [{ ...keyOf('c1', 'k1'), lastUsedIp: '10.0.0.1' }],
      fetchedAt: '2026-11-30T12:00:00.000Z',
    }
    const other: KeyList = { ...listed, accountId: 'c2', keys: [keyOf('c2', 'k2')] }
    const value = valueToWire('keys.opening', [listed, other])
    expect(value).not.toEqual([listed, other])
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: true, value }), { status: 200 }))
    vi.stubGlobal('fetch', fetch)
    expect(await httpTransport().invoke('keys.opening', {})).toEqual([listed, other])
  })
})
