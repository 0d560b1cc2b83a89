import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { KeyRecord } from '../../src/shared/model'
import { account, key, createFakeApi, harness } from './fake-api'

import { LifecycleOverlay } from '../../src/renderer/src/features/lifecycle/LifecycleOverlay'
const api = createFakeApi()
let h = harness(api)

const loaded = (keys: readonly KeyRecord[]) => ({
  keys,
  loading: false,
  fetchedAt: Date.now(),
  error: null,
  again: false,
})
const a1 = { ...account('s1', 'spaceone', 'Space prod'), facts: { ownKeyId: 'api-key-own1' } }
const a2 = { ...account('s2', 'spaceone', 'Space staging'), propagationWindowSec: 300 }
const c1 = account('c1', 'cloudmc', 'Cloud dev')

describe('bulk actions across accounts', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.rotation.list.mockResolvedValue([])
    api.keys.list.mockImplementation(async ({ accountId }: { accountId: string }) => ({
      accountId,
      keys: h.stores.keys.getState().byAccount[accountId]?.keys ?? [],
      fetchedAt: new Date().toISOString(),
    }))
    h.stores.app.setState({ accounts: [a1, a2, c1] })
    h.stores.keys.setState(
      {
        ...h.stores.keys.getInitialState(),
        byAccount: {
          s1: loaded([
            key('s1', 'api-key-own1', { provider: 'spaceone' }),
            key('s1', 'api-key-a', { provider: 'spaceone' }),
          ]),
          s2: loaded([key('s2', 'api-key-b', { provider: 'spaceone' })]),
          c1: loaded([key('c1', 'uuid-c')]),
        },
        selected: new Set(['s1/api-key-own1', 's1/api-key-a', 's2/api-key-b', 'c1/uuid-c']),
      },
      true,
    )
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('summarises what a bulk disable will do before it sends anything, then lists each key’s result', async () => {
    api.keys.disable.mockImplementation(async ({ accountId, keyId }: { accountId: string; keyId: string }) => {
      if (keyId === 'api-key-b') throw new AppError('AUTH_FAILED', 'The credential for Space staging was rejected.')
      return key(accountId, keyId, { provider: 'spaceone', state: 'disabled' })
    })
    h.view(<LifecycleOverlay />)
    const bar = screen.getByRole('region', { name: 'Selected keys' })
    expect(bar.textContent).toMatch(/4 keys selected in 3 accounts/)
    fireEvent.click(within(bar).getByRole('button', { name: 'Disable…' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(within(dialog).getByRole('heading', { name: 'Disable 3 keys?' })).toBeTruthy()
    expect(within(dialog).getByRole('region', { name: 'Space prod' }).textContent).toMatch(/up to 10 minutes/)
    expect(within(dialog).getByRole('region', { name: 'Space staging' }).textContent).toMatch(/up to 5 minutes/)
    expect(dialog.textContent).toMatch(/api-key-own1.*KeyDesk signs in to Space prod with this key/)
    expect(within(dialog).getByRole('region', { name: 'Skipped' }).textContent).toMatch(
      /uuid-c — CloudMC keys cannot be disabled/,
    )
    expect(api.keys.disable).not.toHaveBeenCalled()

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Disable 3 keys' }))
    })
    const results = await screen.findByRole('list', { name: 'Results' })
    await waitFor(() => expect(within(results).getAllByRole('listitem')).toHaveLength(3))
    const line = (id: string) => within(results).getByText(id).closest('li')
    expect(line('api-key-own1')?.textContent).toMatch(/api-key-own1 \(Space prod\): Disabled$/)
    expect(line('api-key-own1')?.className).toBe('good')
    expect(line('api-key-b')?.textContent).toMatch(
      /api-key-b \(Space staging\): Failed: The credential for Space staging was rejected\./,
    )
    expect(line('api-key-b')?.className).toBe('bad')
    expect(screen.getByRole('heading', { name: 'Disable: 2 of 3 done' })).toBeTruthy()
    expect(h.stores.keys.getState().byAccount.s2?.keys[0]?.state).toBe('enabled')
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect([...h.stores.keys.getState().selected].sort()).toEqual(['c1/uuid-c', 's2/api-key-b'])
  })
})
