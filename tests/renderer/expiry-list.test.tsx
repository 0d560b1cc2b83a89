import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KeyRecord } from '../../src/shared/model'
import { account, createFakeApi, harness, key, PREFERENCES } from './fake-api'

import { Sidebar } from '../../src/renderer/src/features/accounts/Sidebar'
import { KeyList } from '../../src/renderer/src/features/keys/KeyList'
const api = createFakeApi()
let h = harness(api)

const DAY = 86_400_000
const loaded = (keys: readonly KeyRecord[]) => ({
  keys,
  loading: false,
  fetchedAt: Date.now(),
  error: null,
  again: false,
})
const cf = account('a2', 'spaceone-apps', 'Cloudforet prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')
const inDays = (d: number): string => new Date(Date.now() + d * DAY).toISOString()
const app = (keyId: string, expiresAt?: string): KeyRecord =>
  key('a2', keyId, {
    provider: 'spaceone-apps',
    name: keyId,
    createdAt: inDays(-1),
    ...(expiresAt ? { expiresAt } : {}),
  })

function seed(): void {
  h.stores.app.setState({ accounts: [cf, cloud], view: 'all' })
  h.stores.keys.setState({
    byAccount: {
      a2: loaded([app('app-soon', inDays(6)), app('app-gone', inDays(-2)), app('app-later', inDays(200))]),
      // Any service's key with an expiry counts, not only Cloudforet's.
      c1: loaded([key('c1', 'cm-soon', { createdAt: inDays(-1), expiresAt: inDays(20) }), key('c1', 'cm-never')]),
    },
  })
}

const rowNames = (): string[] =>
  screen.getAllByRole('row').flatMap((r) => {
    const name = r.querySelector('.name-primary')?.textContent
    return name ? [name] : []
  })

describe('expiry in the key list, across accounts', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.settings.set.mockResolvedValue(PREFERENCES)
    api.rotation.list.mockResolvedValue([])
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1400)
    seed()
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('flags expiring and expired keys with the days in words', () => {
    h.view(<KeyList account={undefined} />)
    const soon = screen.getByRole('row', { name: /app-soon/ })
    expect(within(soon).getByText('expiring').getAttribute('title')).toMatch(/^Expires in 6 days \(\d{4}-\d\d-\d\d\)/)
    const gone = screen.getByRole('row', { name: /app-gone/ })
    expect(within(gone).getByText('expired').getAttribute('title')).toMatch(/^Expired 2 days ago/)
    expect(within(screen.getByRole('row', { name: /app-later/ })).queryByText(/expir/)).toBeNull()
  })

  it('filters to the expiring and expired keys of every account', () => {
    h.actions.prefs.setList({ states: ['expired', 'expiring'] })
    h.view(<KeyList account={undefined} />)
    expect(rowNames().sort()).toEqual(['app-gone', 'app-soon', 'cm-soon'])
  })

  it('sorts by expiry, soonest first, keys that never expire last', () => {
    h.view(<KeyList account={undefined} />)
    const header = screen.getByRole('columnheader', { name: /Expires/ })
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    expect(rowNames()).toEqual(['app-gone', 'app-soon', 'cm-soon', 'app-later', 'cm-never'])
  })

  it("opens the rotation assistant from an expiring key's flag in one click", () => {
    api.rotation.start.mockReturnValue(new Promise(() => undefined))
    h.view(<KeyList account={undefined} />)
    fireEvent.click(within(screen.getByRole('row', { name: /app-soon/ })).getByRole('button', { name: /^expiring/ }))
    expect(api.rotation.start).toHaveBeenCalledWith({ accountId: 'a2', keyId: 'app-soon' })
  })

  it('counts the keys a reminder is due for in the sidebar, and shows just them on a click', () => {
    h.stores.app.setState({ view: 'a2' })
    h.view(<Sidebar onAdd={() => undefined} />)
    const badge = screen.getByRole('button', { name: /3 expiring or expired/ })
    fireEvent.click(badge)
    expect(h.stores.app.getState().view).toBe('all')
    expect(h.stores.prefs.getState().list.states).toEqual(['expired', 'expiring'])
  })
})
