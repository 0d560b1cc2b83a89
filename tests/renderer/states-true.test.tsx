// Issue 15, item 1: states true to each service, from its descriptor's propagation model.
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Propagation } from '../../src/shared/model'
import { Sidebar } from '../../src/renderer/src/features/accounts/Sidebar'
import { KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { LiveStateBadge } from '../../src/renderer/src/features/keys/StateBadge'
import { LoadStatus } from '../../src/renderer/src/components/LoadStatus'
import { WaitCountdown } from '../../src/renderer/src/features/lifecycle/WaitCountdown'
import { spaceoneDescriptor } from '../../src/main/providers/spaceone-descriptor'
import { keepTombstoneFields } from '../../src/renderer/src/store/keys'
import { timesInWords } from '../../src/renderer/src/components/time'
import { AppError } from '../../src/shared/errors'
import { account, harness, key, type Harness } from './fake-api'

const onq = account('o1', 'onqlave', 'Onqlave prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')
const space = account('s1', 'spaceone', 'Space prod')
let h: Harness

const record = (over: Partial<Propagation>): Propagation => ({
  accountId: 'o1',
  keyId: 'apikey--1',
  op: 'delete',
  state: 'propagating',
  requestedAt: new Date(Date.now() - 5_000).toISOString(),
  settleBy: new Date(Date.now() + 600_000).toISOString(),
  ...over,
})

describe('states true to each service', () => {
  beforeEach(() => {
    h = harness()
    h.api.keys.kept.mockResolvedValue([])
    h.stores.app.setState({ accounts: [onq, cloud, space] })
  })
  afterEach(cleanup)

  it('reads "Deleting" for a confirmed Onqlave delete the service still lists as pending, and offers nothing', () => {
    const k = key('o1', 'apikey--1', { provider: 'onqlave', state: 'pending' })
    h.stores.propagation.getState().replace([record({})])
    h.view(
      <>
        <LiveStateBadge keyRecord={k} />
        <KeyRowActions keyRecord={k} account={onq} />
      </>,
    )
    expect(screen.getByText(/Deleting — checking with Onqlave/)).toBeTruthy()
    expect(screen.queryByText(/Activating/)).toBeNull()
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull()
  })

  it('reads "Deleted" once the check saw the delete done, though the row was listed while it was still pending', () => {
    const k = key('o1', 'apikey--1', { provider: 'onqlave', state: 'pending' })
    h.stores.propagation.getState().replace([record({ state: 'settled', checkedAt: new Date().toISOString() })])
    const { container } = h.view(
      <>
        <LiveStateBadge keyRecord={k} />
        <KeyRowActions keyRecord={k} account={onq} />
      </>,
    )
    expect(container.textContent).toBe(' Deleted')
    expect(screen.queryByRole('button', { name: /Actions for/ })).toBeNull()
  })

  it('shows no window for a change the service applies at once (a CloudMC delete)', () => {
    const k = key('c1', 'k1', { provider: 'cloudmc', state: 'deleted' })
    h.stores.propagation.getState().replace([record({ accountId: 'c1', keyId: 'k1' })])
    const { container } = h.view(
      <>
        <LiveStateBadge keyRecord={k} />
        <KeyRowActions keyRecord={k} account={cloud} />
      </>,
    )
    expect(container.textContent).toBe(' Deleted')
    expect(container.textContent).not.toMatch(/may work|checking|until/)
  })

  it('keeps a tombstone’s real fields, so it stays where it was in the list', () => {
    const before = key('s1', 'api-key-a', { provider: 'spaceone', name: 'ci', createdAt: '2024-01-02T00:00:00Z' })
    const tombstone = key('s1', 'api-key-a', {
      provider: 'spaceone',
      state: 'deleted',
      createdAt: new Date().toISOString(),
    })
    const [kept] = keepTombstoneFields([before], [tombstone])
    expect(kept).toMatchObject({ name: 'ci', createdAt: '2024-01-02T00:00:00Z', state: 'deleted' })
    expect(keepTombstoneFields([kept], [tombstone])[0]).toMatchObject({ createdAt: '2024-01-02T00:00:00Z' })
  })

  it('puts the core’s ISO times in words', () => {
    const at = new Date(Date.now() + 4 * 60_000 + 5_000).toISOString()
    const text = timesInWords(`api-key-old may still authenticate until ${at}.`, Date.now())
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    expect(text).toMatch(/until \d{1,2}:\d\d( [AP]M)? \(in 4 min\)\./)
  })

  it('never says "in a moment" for a listing whose time runs a little ahead of the page’s clock', () => {
    h.stores.keys.setState({
      byAccount: { s1: { keys: [], loading: false, fetchedAt: Date.now() + 20_000, error: null, again: false } },
    })
    const { container } = h.view(<LoadStatus accountId="s1" />)
    expect(container.textContent).toBe('Updated just now')
  })

  it('does not say "OK" on an account whose list failed', async () => {
    h.api.keys.list.mockRejectedValue(new AppError('PROVIDER_ERROR', 'SpaceONE answered HTTP 503.'))
    await act(() => h.stores.keys.getState().refreshAccount('s1'))
    h.view(<Sidebar onAdd={() => undefined} />)
    const item = screen.getByRole('button', { name: /^Space prod/ })
    expect(item.textContent).toMatch(/List failed/)
    expect(item.textContent).not.toMatch(/\bOK\b/)
  })

  it('says checking is paused, not "confirming", while the account needs attention', () => {
    const k = key('s1', 'api-key-a', { provider: 'spaceone', state: 'disabled' })
    const paused = record({
      accountId: 's1',
      keyId: 'api-key-a',
      op: 'disable',
      settleBy: new Date(Date.now() - 60_000).toISOString(),
      note: 'checking paused: the account needs attention',
    })
    h.stores.propagation.getState().replace([paused])
    const { container } = h.view(
      <>
        <LiveStateBadge keyRecord={k} />
        <WaitCountdown accountId="s1" keyId="api-key-a" descriptor={spaceoneDescriptor} />
      </>,
    )
    expect(screen.getByText(/Disabling — checks paused/)).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toMatch(
      /cannot confirm it with SpaceONE until the account works again/,
    )
    expect(container.textContent).not.toMatch(/confirming|checking with/)

    act(() => h.stores.propagation.getState().replace([{ ...paused, note: undefined }]))
    expect(screen.getByText(/Disabling — checking with SpaceONE/)).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toMatch(/KeyDesk is confirming with SpaceONE/)
  })
})
