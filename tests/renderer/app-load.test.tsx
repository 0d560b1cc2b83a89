import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { account, deferred } from './fake-api'
import { createApi } from './create-support'

const fake = vi.hoisted(() => ({ api: null as unknown }))
vi.mock('../../src/renderer/src/api', () => ({
  get api() {
    return fake.api
  },
}))

const { useApp } = await import('../../src/renderer/src/store/app')
const { App } = await import('../../src/renderer/src/App')
const { httpTransport } = await import('../../src/renderer/src/host-transport')
const { startSync } = await import('../../src/renderer/src/store/sync')
const api = createApi()
fake.api = api

const space = account('s1', 'spaceone', 'Space prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')

describe('start-up and account refreshes', () => {
  beforeEach(() => {
    api.reset()
    useApp.setState(useApp.getInitialState(), true)
    api.app.info.mockResolvedValue({ notices: [] })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('shows the accounts when only the keychain status fails', async () => {
    api.vault.status.mockRejectedValue(new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain.'))
    api.accounts.list.mockResolvedValue([space])
    await useApp.getState().load()
    expect(useApp.getState()).toMatchObject({ accounts: [space], error: null, loaded: true, vault: null })
  })

  it('offers Retry when the accounts cannot be listed, and clears the error once they can', async () => {
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.accounts.list.mockRejectedValueOnce(new AppError('INTERNAL', 'Accounts file unreadable.'))
    api.settings.get.mockResolvedValue({})
    api.propagation.list.mockResolvedValue([])
    render(<App />)
    expect((await screen.findByRole('alert')).textContent).toMatch(/Accounts file unreadable/)
    api.accounts.list.mockResolvedValue([])
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    })
    expect(screen.queryByText(/Accounts file unreadable/)).toBeNull()
    expect(useApp.getState().error).toBeNull()
  })

  it('drops an accounts answer older than the newest request', async () => {
    const slow = deferred<readonly unknown[]>()
    api.accounts.list.mockReturnValueOnce(slow.promise).mockResolvedValueOnce([cloud])
    const first = useApp.getState().refreshAccounts()
    await useApp.getState().refreshAccounts()
    slow.resolve([space])
    await first
    expect(useApp.getState().accounts).toEqual([cloud])
  })
})

describe('resync', () => {
  it('reloads accounts, keys, propagation and rotations when the event stream reconnects', async () => {
    api.reset()
    useApp.setState({ ...useApp.getInitialState(), accounts: [space] }, true)
    api.accounts.list.mockResolvedValue([space])
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.propagation.list.mockResolvedValue([])
    api.keys.list.mockResolvedValue({ accountId: 's1', keys: [], fetchedAt: new Date().toISOString() })
    const stop = startSync()
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
