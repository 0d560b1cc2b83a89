// One change = one mutation request + at most one listing, counted on the typed fake. The fake behaves as the core
// does: it emits keys.changed / accounts.changed for every change it accepts, before (or while) it answers.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyRecord } from '../../src/shared/model'
import { KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { LifecycleOverlay } from '../../src/renderer/src/features/lifecycle/LifecycleOverlay'
import { createdKey } from './create-support'
import { AppError } from '../../src/shared/errors'
import {
  account,
  APP_INFO,
  createFakeApi,
  deferred,
  harness,
  key,
  PREFERENCES,
  type FakeApi,
  type Harness,
} from './fake-api'

const space = account('s1', 'spaceone', 'Space prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')
let api: FakeApi
let h: Harness
let stop: () => void = () => undefined

/** The service's keys, as the fake core lists them. */
let served: KeyRecord[] = []

function serve(keys: KeyRecord[]): void {
  served = keys
  api.keys.list.mockImplementation(async ({ accountId }) => ({
    accountId,
    keys: served.filter((k) => k.accountId === accountId),
    fetchedAt: new Date().toISOString(),
  }))
}

/** Starts the app's sync as the shell does and waits until the first listing has landed; returns the counts so far. */
async function started(): Promise<Partial<Record<string, number>>> {
  stop = h.actions.startSync()
  await waitFor(() => expect(h.stores.keys.getState().byAccount.s1?.fetchedAt).not.toBeNull())
  await act(async () => undefined)
  return api.counts()
}

function since(before: Partial<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [channel, n] of Object.entries(api.counts())) {
    const d = (n ?? 0) - (before[channel] ?? 0)
    if (d > 0) out[channel] = d
  }
  return out
}

describe('the renderer’s write path', () => {
  beforeEach(() => {
    api = createFakeApi()
    h = harness(api)
    api.app.info.mockResolvedValue(APP_INFO)
    api.vault.status.mockResolvedValue({ state: 'available' })
    api.accounts.list.mockResolvedValue([space, cloud])
    api.settings.get.mockResolvedValue(PREFERENCES)
    api.propagation.list.mockResolvedValue([])
    api.rotation.list.mockResolvedValue([])
    api.keys.kept.mockResolvedValue([])
  })
  afterEach(() => {
    stop()
    cleanup()
  })

  it('sends one disable and lists the account once, although the core also announces the change', async () => {
    const k = key('s1', 'api-key-a', { provider: 'spaceone' })
    serve([k])
    api.keys.disable.mockImplementation(async () => {
      served = [{ ...k, state: 'disabled' }]
      api.emit('keys.changed', { accountId: 's1' })
      return { ...k, state: 'disabled' }
    })
    h.view(
      <>
        <KeyRowActions keyRecord={k} account={space} />
        <LifecycleOverlay />
      </>,
    )
    const before = await started()
    fireEvent.click(screen.getByRole('button', { name: 'Actions for api-key-a' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Disable…' }))
    const dialog = await screen.findByRole('alertdialog')
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }))
    })
    await screen.findByText(/Disabled api-key-a/)
    expect(since(before)).toEqual({ 'keys.disable': 1, 'keys.list': 1 })
    expect(h.stores.keys.getState().byAccount.s1?.keys[0]?.state).toBe('disabled')
  })

  it('absorbs an announcement that arrives while its own listing is still on the way', async () => {
    const k = key('s1', 'api-key-a', { provider: 'spaceone' })
    serve([k])
    api.keys.enable.mockResolvedValue(k)
    const before = await started()
    const listed = api.keys.list.getMockImplementation()
    api.keys.list.mockImplementationOnce(async (input) => {
      // The browser host's event stream can deliver the event after the HTTP answer.
      api.emit('keys.changed', { accountId: 's1' })
      return listed!(input)
    })
    await act(() => h.actions.keys.change({ keyRecord: { ...k, state: 'disabled' }, account: space }, { op: 'enable' }))
    expect(since(before)).toEqual({ 'keys.enable': 1, 'keys.list': 1 })
  })

  it('disables several keys of one account with one request each and a single listing at the end', async () => {
    const keys = ['a', 'b', 'c'].map((id) => key('s1', `api-key-${id}`, { provider: 'spaceone' }))
    serve(keys)
    api.keys.disable.mockImplementation(async ({ keyId }) => {
      api.emit('keys.changed', { accountId: 's1' })
      return { ...keys.find((k) => k.keyId === keyId)!, state: 'disabled' }
    })
    const before = await started()
    const outcomes: boolean[] = []
    await act(() => h.actions.keys.changeMany('disable', keys, (o) => outcomes.push(o.ok)))
    expect(outcomes).toEqual([true, true, true])
    expect(since(before)).toEqual({ 'keys.disable': 3, 'keys.list': 1 })
  })

  it('creates a key with one request and lists once, though the core announces the create twice', async () => {
    serve([])
    api.keys.create.mockImplementation(async () => {
      api.emit('keys.changed', { accountId: 's1' })
      api.emit('keys.changed', { accountId: 's1' })
      return createdKey()
    })
    const before = await started()
    await act(() => h.actions.create.create('s1', 'request-0001', { keep: false }))
    expect(since(before)).toEqual({ 'keys.create': 1, 'keys.list': 1 })
  })

  it('adds an account with one request and reads the account list once', async () => {
    serve([])
    const before = await started()
    const added = account('c1', 'cloudmc', 'Cloud dev')
    api.accounts.add.mockImplementation(async () => {
      api.accounts.list.mockResolvedValue([space, added])
      api.emit('accounts.changed', {})
      return added
    })
    serve([])
    await act(() =>
      h.actions.accounts.add({
        provider: 'cloudmc',
        label: 'Cloud dev',
        endpoint: 'https://example.test',
        credential: { provider: 'cloudmc', apiKey: 'k' },
      }),
    )
    const counts = since(before)
    expect(counts['accounts.add']).toBe(1)
    expect(counts['accounts.list']).toBe(1)
    expect(h.stores.app.getState().view).toBe('c1')
  })

  it('rolls overlapping changes to one key back to what the service last said when they all fail', async () => {
    const k = key('c1', 'k1', { provider: 'cloudmc', name: 'ci' })
    serve([k])
    await started()
    await waitFor(() => expect(h.stores.keys.getState().byAccount.c1?.keys).toHaveLength(1))
    api.keys.list.mockRejectedValue(new AppError('NETWORK', 'CloudMC did not answer.'))
    const first = deferred<KeyRecord>()
    const second = deferred<KeyRecord>()
    api.keys.rename.mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    const t = { keyRecord: k, account: cloud }
    const a = h.actions.keys.change(t, { op: 'rename', name: 'one' })
    const b = h.actions.keys.change(t, { op: 'rename', name: 'two' })
    expect(h.stores.keys.getState().byAccount.c1?.keys[0]?.name).toBe('two')
    await act(async () => {
      first.reject(new AppError('PROVIDER_ERROR', 'CloudMC answered HTTP 503.'))
      second.reject(new AppError('PROVIDER_ERROR', 'CloudMC answered HTTP 503.'))
      await Promise.all([a, b])
    })
    expect(h.stores.keys.getState().byAccount.c1?.keys[0]?.name).toBe('ci')
  })
})
