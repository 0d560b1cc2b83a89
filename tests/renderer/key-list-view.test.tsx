import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { KeyRecord } from '../../src/shared/model'
import { account, createFakeApi, harness, key, PREFERENCES } from './fake-api'

import { KeyList } from '../../src/renderer/src/features/keys/KeyList'
import { SlotsContext } from '../../src/renderer/src/components/slots'
import { KeyActionsMenu, KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { objectContaining } from '../support/match'
const api = createFakeApi()
let h = harness(api)

const loaded = (keys: readonly KeyRecord[]) => ({
  keys,
  loading: false,
  fetchedAt: Date.now(),
  error: null,
  again: false,
})
const cloud = account('c1', 'cloudmc', 'Cloud dev')
const space = account('s1', 'spaceone', 'Space prod')
const NONE = (): null => null
const DEFAULT_SLOTS = { KeyActions: NONE, KeyActionsMenu: NONE, CreateKey: NONE, CreateFlow: NONE, Reveal: NONE }

describe('the key list on screen', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.settings.set.mockResolvedValue(PREFERENCES)
    // happy-dom does no layout: give the scroller a viewport so the virtualiser has rows to show.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  })
  afterEach(() => {
    // A search's settings save waits 400 ms; leaving the page saves at once, before the test's window goes away.
    window.dispatchEvent(new Event('pagehide'))
    cleanup()
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('keeps the DOM small at 10,000 keys', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => key('c1', `k${i}`, { name: `key ${i}` }))
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(many) } })
    h.view(<KeyList account={cloud} />)
    const table = screen.getByRole('grid', { name: 'Keys of Cloud dev' })
    expect(table.getAttribute('aria-rowcount')).toBe('10001')
    const rows = within(table).getAllByRole('row')
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.length).toBeLessThan(60)
    expect(screen.getByText('10000 keys')).toBeTruthy()
  })

  it('paints its first rows for the table’s own height, read at mount with its width, then follows its height and the scroll', () => {
    const observed: Array<() => void> = []
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly report: () => void) {}
        observe(): void {
          observed.push(this.report)
        }
        disconnect(): void {}
      },
    )
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1000)
    const height = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    const many = Array.from({ length: 500 }, (_, i) =>
      key('c1', `k${String(i).padStart(3, '0')}`, { name: `key ${i}` }),
    )
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(many) } })
    h.view(<KeyList account={cloud} />)
    const table = screen.getByRole('grid', { name: 'Keys of Cloud dev' })
    const bodyRows = (): number => within(table).getAllByRole('row').length - 1
    // 600 px of 40 px rows and 3 more, not the 1000 px window's 28: no row is built below the table.
    expect(bodyRows()).toBe(18)
    // The observer's report of a new height (the window made shorter) drops the rows below it.
    height.mockReturnValue(400)
    act(() => observed.forEach((report) => report()))
    expect(bodyRows()).toBe(13)
    const scroller = table.closest('.table-scroll') ?? table.parentElement
    if (!scroller) throw new Error('no scroller')
    vi.spyOn(scroller, 'scrollTop', 'get').mockReturnValue(40 * 200 + 36)
    act(() => void scroller.dispatchEvent(new Event('scroll')))
    expect(within(table).getByText('key 200')).toBeTruthy()
    expect(within(table).queryByText('key 0')).toBeNull()
    vi.unstubAllGlobals()
  })

  it('closes an open actions menu when a search shows another key in its row, so it never acts on the wrong key', () => {
    api.keys.kept.mockResolvedValue([])
    const keys = [
      key('c1', 'k-alpha', { name: 'alpha', createdAt: '2024-05-02T00:00:00Z' }),
      key('c1', 'k-beta', { name: 'beta', createdAt: '2024-05-01T00:00:00Z' }),
    ]
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(keys) } })
    h.view(
      <SlotsContext.Provider value={{ ...DEFAULT_SLOTS, KeyActions: KeyRowActions, KeyActionsMenu }}>
        <KeyList account={cloud} />
      </SlotsContext.Provider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Actions for alpha (k-alpha)' }))
    expect(screen.getByRole('menu', { name: 'Actions for alpha (k-alpha)' })).toBeTruthy()
    // The first row now shows beta: the row is reused, the menu opened for alpha is not.
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'beta' } })
    expect(screen.getByRole('button', { name: 'Actions for beta (k-beta)' }).getAttribute('aria-expanded')).toBe(
      'false',
    )
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('never lets a row found for one key come to show another when a listing arrives and moves the rows', () => {
    const alpha = key('c1', 'k-alpha', { name: 'alpha', createdAt: '2024-05-02T00:00:00Z' })
    const beta = key('c1', 'k-beta', { name: 'beta', createdAt: '2024-05-01T00:00:00Z' })
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded([alpha, beta]) } })
    h.view(<KeyList account={cloud} />)
    const found = screen.getByRole('checkbox', { name: 'Select alpha' })
    // A newer key sorts first: every row below it moves down one.
    const gamma = key('c1', 'k-gamma', { name: 'gamma', createdAt: '2024-05-03T00:00:00Z' })
    act(() => h.stores.keys.setState({ byAccount: { c1: loaded([gamma, alpha, beta]) } }))
    expect(!found.isConnected || found.getAttribute('aria-label') === 'Select alpha').toBe(true)
    expect(screen.getByRole('checkbox', { name: 'Select gamma' })).toBeTruthy()
  })

  it('keeps an open actions menu and the keyboard with their key when a listing moves the rows', () => {
    api.keys.kept.mockResolvedValue([])
    const alpha = key('c1', 'k-alpha', { name: 'alpha', createdAt: '2024-05-02T00:00:00Z' })
    const beta = key('c1', 'k-beta', { name: 'beta', createdAt: '2024-05-01T00:00:00Z' })
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded([alpha, beta]) } })
    h.view(
      <SlotsContext.Provider value={{ ...DEFAULT_SLOTS, KeyActions: KeyRowActions, KeyActionsMenu }}>
        <KeyList account={cloud} />
      </SlotsContext.Provider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Actions for alpha (k-alpha)' }))
    const gamma = key('c1', 'k-gamma', { name: 'gamma', createdAt: '2024-05-03T00:00:00Z' })
    act(() => h.stores.keys.setState({ byAccount: { c1: loaded([gamma, alpha, beta]) } }))
    expect(screen.getByRole('menu', { name: 'Actions for alpha (k-alpha)' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Actions for alpha (k-alpha)' }).getAttribute('aria-expanded')).toBe(
      'true',
    )
    expect(screen.getByRole('button', { name: 'Actions for gamma (k-gamma)' }).getAttribute('aria-expanded')).toBe(
      'false',
    )
    // Escape gives the keyboard to the button the menu now belongs to, in alpha's new row.
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for alpha (k-alpha)' }))
  })

  it('gives the keyboard back to the same control of the same key when a listing moves the rows', () => {
    const alpha = key('c1', 'k-alpha', { name: 'alpha', createdAt: '2024-05-02T00:00:00Z' })
    const beta = key('c1', 'k-beta', { name: 'beta', createdAt: '2024-05-01T00:00:00Z' })
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded([alpha, beta]) } })
    h.view(<KeyList account={cloud} />)
    screen.getByRole('button', { name: 'Copy key id k-beta' }).focus()
    const gamma = key('c1', 'k-gamma', { name: 'gamma', createdAt: '2024-05-03T00:00:00Z' })
    act(() => h.stores.keys.setState({ byAccount: { c1: loaded([gamma, alpha, beta]) } }))
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Copy key id k-beta')
  })

  it('keeps the rows it has when a refresh leaves every key on screen where it was', () => {
    const alpha = key('c1', 'k-alpha', { name: 'alpha', createdAt: '2024-05-02T00:00:00Z' })
    const beta = key('c1', 'k-beta', { name: 'beta', createdAt: '2024-05-01T00:00:00Z' })
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded([alpha, beta]) } })
    h.view(<KeyList account={cloud} />)
    const found = screen.getByRole('checkbox', { name: 'Select beta' })
    act(() => h.stores.keys.setState({ byAccount: { c1: loaded([{ ...alpha }, { ...beta, state: 'disabled' }]) } }))
    expect(found.isConnected).toBe(true)
    expect(found.getAttribute('aria-label')).toBe('Select beta')
  })

  it("copies a row's key id and says so for that key only", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const keys = [key('c1', 'k-alpha', { name: 'alpha' }), key('c1', 'k-beta', { name: 'beta' })]
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(keys) } })
    h.view(<KeyList account={cloud} />)
    fireEvent.click(screen.getByRole('button', { name: 'Copy key id k-beta' }))
    expect(writeText).toHaveBeenCalledWith('k-beta')
    expect(await screen.findByText('Copied')).toBeTruthy()
    const icon = (name: string): string =>
      screen.getByRole('button', { name }).querySelector('.icon')?.getAttribute('class') ?? ''
    expect(icon('Copy key id k-beta')).toMatch(/\bi-check\b/)
    expect(icon('Copy key id k-alpha')).toMatch(/\bi-copy\b/)
  })

  it('keeps the columns as wide as the listing needs while a search narrows the rows', () => {
    const keys = [
      key('c1', 'k-long', { name: 'a very long key name that needs a wide name column to show whole' }),
      key('c1', 'k-short', { name: 'short' }),
    ]
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(keys) } })
    h.view(<KeyList account={cloud} />)
    const template = (): string => screen.getAllByRole('row')[1]?.style.gridTemplateColumns ?? ''
    const before = template()
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'short' } })
    expect(screen.getAllByRole('row')).toHaveLength(2)
    expect(template()).toBe(before)
  })

  it('marks a name two keys of an account share even while a search shows only one of them', () => {
    const keys = [
      key('c1', 'k-1', { name: 'billing', extra: { applicationName: 'north' } }),
      key('c1', 'k-2', { name: 'billing', extra: { applicationName: 'south' } }),
    ]
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({ byAccount: { c1: loaded(keys) } })
    h.view(<KeyList account={cloud} />)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'south' } })
    // The key's own id comes first, the shared name second: the name alone cannot tell the two apart.
    expect(screen.getByText('k-2', { selector: '.name-primary' })).toBeTruthy()
    expect(screen.getByText('billing', { selector: '.name-secondary' })).toBeTruthy()
  })

  it("shows a failing account's error with Retry beside the other accounts' keys", async () => {
    h.stores.app.setState({ accounts: [cloud, space], view: 'all' })
    h.stores.keys.setState({
      byAccount: {
        c1: loaded([key('c1', 'uuid-1', { name: 'exporter' })]),
        s1: {
          ...loaded([]),
          fetchedAt: null,
          error: {
            code: 'NETWORK',
            message: 'Cannot reach console-api.acme.test: check the network.',
            retryable: true,
          },
        },
      },
    })
    api.keys.list.mockResolvedValue({
      accountId: 's1',
      fetchedAt: new Date().toISOString(),
      keys: [key('s1', 'api-key-1', { provider: 'spaceone' })],
    })
    h.view(<KeyList account={undefined} />)
    expect(screen.getByText('exporter')).toBeTruthy()
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('Space prod: Cannot reach console-api.acme.test')
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('api-key-1', { selector: '.name-primary' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('sorts from the column header, says so with aria-sort, and saves the choice', async () => {
    vi.useFakeTimers()
    h.stores.app.setState({ accounts: [cloud], view: 'c1' })
    h.stores.keys.setState({
      byAccount: { c1: loaded([key('c1', 'a', { name: 'beta' }), key('c1', 'b', { name: 'alpha' })]) },
    })
    h.view(<KeyList account={cloud} />)
    const header = screen.getByRole('columnheader', { name: /Name/ })
    expect(header.getAttribute('aria-sort')).toBe('none')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    const names = screen.getAllByRole('button', { name: /^(alpha|beta)$/ }).map((b) => b.textContent)
    expect(names).toEqual(['alpha', 'beta'])
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(api.settings.set).toHaveBeenCalledWith({
      list: objectContaining({ sortKey: 'name', sortDesc: false }),
    })
  })

  it('shows a disable still propagating as its own state with the time it is in force', () => {
    h.stores.app.setState({ accounts: [space], view: 's1' })
    h.stores.keys.setState({
      byAccount: { s1: loaded([key('s1', 'api-key-1', { provider: 'spaceone', state: 'disabled' })]) },
    })
    const settleBy = new Date(Date.now() + 8 * 60_000).toISOString()
    h.stores.propagation.getState().replace([
      {
        accountId: 's1',
        keyId: 'api-key-1',
        op: 'disable',
        requestedAt: new Date().toISOString(),
        settleBy,
        state: 'propagating',
      },
    ])
    h.view(<KeyList account={space} />)
    const badge = screen.getByText(/Disabling — in force at \d{1,2}:\d\d/)
    expect(badge.closest('[title]')?.getAttribute('title')).toMatch(/In force everywhere at .* \(in 8 min\)/)
    // The state says it whole; the actions cell (52 px) holds only its button: a countdown there was cut to "9…".
    const actions = screen.getByRole('button', { name: /^Actions for api-key-1/ }).closest('[role="gridcell"]')
    expect(actions?.textContent).toBe('')
  })
})

describe('keeping in sync with the core', () => {
  let stop: (() => void) | null = null
  afterEach(() => {
    stop?.()
    stop = null
    vi.useRealTimers()
  })
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.settings.set.mockResolvedValue(PREFERENCES)
    api.keys.list.mockImplementation(async ({ accountId }: { accountId: string }) => ({
      accountId,
      fetchedAt: new Date().toISOString(),
      keys: [],
    }))
  })

  it('loads new accounts, forgets removed ones, and re-lists an account when the core says its keys changed', async () => {
    stop = h.actions.startSync()
    api.accounts.list.mockResolvedValue([cloud, space])
    api.emit('accounts.changed', {})
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(2))
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.s1?.fetchedAt).not.toBeNull())

    api.emit('keys.changed', { accountId: 's1' })
    expect(api.keys.list).toHaveBeenLastCalledWith({ accountId: 's1' })
    api.emit('keys.changed', { accountId: 'unknown' })
    expect(api.keys.list).toHaveBeenCalledTimes(3)

    api.accounts.list.mockResolvedValue([cloud])
    api.emit('accounts.changed', {})
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.s1).toBeUndefined())
  })

  it("refreshes on each account's interval, and not while the window is hidden", async () => {
    vi.useFakeTimers()
    stop = h.actions.startSync()
    h.stores.app.setState({ accounts: [{ ...cloud, refreshIntervalSec: 30 }] })
    await vi.waitFor(() => expect(api.keys.list).toHaveBeenCalledTimes(1))
    // The interval, and the check that runs every 5 s to notice it has passed.
    await act(() => vi.advanceTimersByTimeAsync(35_000))
    expect(api.keys.list).toHaveBeenCalledTimes(2)

    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
    await act(() => vi.advanceTimersByTimeAsync(120_000))
    expect(api.keys.list).toHaveBeenCalledTimes(2)
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false })
    document.dispatchEvent(new Event('visibilitychange'))
    expect(api.keys.list).toHaveBeenCalledTimes(3)
    vi.useRealTimers()
  })

  it("keeps an account's error when a refresh fails, and lists it again once its credential is fixed", async () => {
    stop = h.actions.startSync()
    api.keys.list.mockRejectedValueOnce(new AppError('AUTH_FAILED', 'Rejected: re-enter the credential.'))
    h.stores.app.setState({ accounts: [{ ...cloud, status: 'rejected' }] })
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.c1?.error?.code).toBe('AUTH_FAILED'))
    h.stores.app.setState({ accounts: [cloud] })
    await vi.waitFor(() => expect(h.stores.keys.getState().byAccount.c1?.error).toBeNull())
  })
})
