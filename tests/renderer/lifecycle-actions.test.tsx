import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { AccountView, KeyRecord } from '../../src/shared/model'
import { account, deferred, key, createFakeApi, harness } from './fake-api'

import { KeyRowActions as RowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { LifecycleOverlay } from '../../src/renderer/src/features/lifecycle/LifecycleOverlay'
import { useKeys } from '../../src/renderer/src/store/stores'
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
const space: AccountView = { ...account('s1', 'spaceone', 'Space prod'), facts: { ownKeyId: 'api-key-own' } }
const onq = account('o1', 'onqlave', 'Onqlave prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')

/** A row's actions as the shell has them: dialogs and toasts come from the overlay mounted once. */
function KeyRowActions({ keyRecord, account: a }: { readonly keyRecord: KeyRecord; readonly account: AccountView }) {
  return (
    <>
      <RowActions keyRecord={keyRecord} account={a} />
      <LifecycleOverlay />
    </>
  )
}

/** The row as a list filtered to enabled keys shows it: gone while its optimistic state is 'disabled'. */
function EnabledOnly({ keyId, account: a }: { readonly keyId: string; readonly account: AccountView }) {
  const k = useKeys((s) => s.byAccount[a.id]?.keys.find((x) => x.keyId === keyId))
  return k?.state === 'enabled' ? <RowActions keyRecord={k} account={a} /> : null
}

function stateOf(accountId: string, keyId: string): string | undefined {
  return h.stores.keys.getState().byAccount[accountId]?.keys.find((k) => k.keyId === keyId)?.state
}

function choose(keyName: string, item: string): void {
  fireEvent.click(screen.getByRole('button', { name: `Actions for ${keyName}` }))
  fireEvent.click(screen.getByRole('menuitem', { name: item }))
}

describe('per-key actions', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.rotation.list.mockResolvedValue([])
    api.keys.kept.mockResolvedValue([])
    api.keys.list.mockImplementation(async ({ accountId }: { accountId: string }) => ({
      accountId,
      keys: h.stores.keys.getState().byAccount[accountId]?.keys ?? [],
      fetchedAt: new Date().toISOString(),
    }))
    h.stores.app.setState({ accounts: [space, onq, cloud], vault: { state: 'available' } })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('deletes an Onqlave key only after its exact id is typed', async () => {
    const k = key('o1', 'apikey--Xk2mQ9vT4bLr8sWcN1pZe', { provider: 'onqlave', name: 'billing · prod-arx' })
    h.stores.keys.setState({ byAccount: { o1: loaded([k]) } })
    api.keys.delete.mockResolvedValue({ ...k, state: 'pending' })
    h.view(<KeyRowActions keyRecord={k} account={onq} />)
    choose('billing · prod-arx (apikey--Xk2mQ9vT4bLr8sWcN1pZe)', 'Delete…')
    // Named by its id too: every key of an application and Arx carries the same name.
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Delete “billing · prod-arx” (apikey--Xk2mQ9vT4bLr8sWcN1pZe)?',
    })
    const button = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Delete' })
    expect(button.disabled).toBe(true)
    const input = within(dialog).getByLabelText(/Type the key id/)
    fireEvent.change(input, { target: { value: 'apikey--Xk2mQ9vT4bLr8sWcN1pZ' } })
    expect(button.disabled).toBe(true)
    fireEvent.change(input, { target: { value: 'apikey--Xk2mQ9vT4bLr8sWcN1pZe' } })
    expect(button.disabled).toBe(false)
    await act(async () => {
      fireEvent.click(button)
    })
    expect(api.keys.delete).toHaveBeenCalledWith({
      accountId: 'o1',
      keyId: 'apikey--Xk2mQ9vT4bLr8sWcN1pZe',
      shown: objectContaining<{ keyId: string }>({ keyId: 'apikey--Xk2mQ9vT4bLr8sWcN1pZe' }),
    })
  })

  it('warns that disabling the account’s own SpaceONE key locks KeyDesk out, and offers to rotate first', async () => {
    const own = key('s1', 'api-key-own', { provider: 'spaceone' })
    h.stores.keys.setState({ byAccount: { s1: loaded([own]) } })
    api.rotation.start.mockRejectedValue(
      new AppError(
        'LIMIT_REACHED',
        'Space prod already has 2 of 2 keys. Delete api-key-other first, then rotate api-key-own.',
      ),
    )
    h.view(<KeyRowActions keyRecord={own} account={space} />)
    choose('api-key-own', 'Disable…')
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.textContent).toMatch(/may keep working for up to 10 minutes \(the account's window\)/)
    expect(dialog.textContent).toMatch(/KeyDesk itself signs in with .* KeyDesk loses access/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate first' }))
    expect(await screen.findByText(/Delete api-key-other first/)).toBeTruthy()
    expect(api.rotation.start).toHaveBeenCalledWith({ accountId: 's1', keyId: 'api-key-own' })
    expect(api.keys.disable).not.toHaveBeenCalled()
  })

  it('changes the row at once, then rolls back and shows the service’s error when the call fails', async () => {
    const k = key('s1', 'api-key-other', { provider: 'spaceone' })
    h.stores.keys.setState({ byAccount: { s1: loaded([k]) } })
    const answer = deferred<KeyRecord>()
    api.keys.disable.mockReturnValue(answer.promise)
    h.view(<KeyRowActions keyRecord={k} account={space} />)
    choose('api-key-other', 'Disable…')
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.textContent).not.toMatch(/KeyDesk itself/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }))
    expect(stateOf('s1', 'api-key-other')).toBe('disabled')
    await act(async () => answer.reject(new AppError('PROVIDER_ERROR', 'SpaceONE answered HTTP 503: try again.')))
    await waitFor(() => expect(stateOf('s1', 'api-key-other')).toBe('enabled'))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/Could not disable api-key-other; it is unchanged: SpaceONE answered HTTP 503/)
  })

  it('does not say "unchanged" when the answer was lost: the service may have made the change', async () => {
    const lost = [
      new AppError('TIMEOUT', 'SpaceONE did not answer within 30 s.'),
      new AppError('NETWORK', 'SpaceONE could not be reached.'),
      new AppError('PROVIDER_ERROR', 'SpaceONE answered with HTTP 502. Try again in a moment.', { retryable: true }),
    ]
    for (const err of lost) {
      cleanup()
      const k = key('s1', 'api-key-other', { provider: 'spaceone' })
      h.stores.keys.setState({ byAccount: { s1: loaded([k]) } })
      h.stores.dialogs.setState({ toasts: {} })
      api.keys.disable.mockRejectedValueOnce(err)
      h.view(<KeyRowActions keyRecord={k} account={space} />)
      choose('api-key-other', 'Disable…')
      await act(async () => {
        fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disable' }))
      })
      const alert = await screen.findByRole('alert')
      expect(alert.textContent).toMatch(
        `KeyDesk could not tell whether api-key-other was disabled; the list shows what the service reports now: ${err.message}`,
      )
      expect(alert.textContent).not.toMatch(/unchanged/)
    }
  })

  it('shows the failure even when the row left the list during the change (filtered out by its optimistic state)', async () => {
    const k = key('s1', 'api-key-other', { provider: 'spaceone' })
    h.stores.keys.setState({ byAccount: { s1: loaded([k]) } })
    const answer = deferred<KeyRecord>()
    api.keys.disable.mockReturnValue(answer.promise)
    h.view(
      <>
        <EnabledOnly keyId="api-key-other" account={space} />
        <LifecycleOverlay />
      </>,
    )
    choose('api-key-other', 'Disable…')
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Disable' }))
    expect(screen.queryByRole('button', { name: 'Actions for api-key-other' })).toBeNull()
    await act(async () => answer.reject(new AppError('PROVIDER_ERROR', 'SpaceONE answered HTTP 503: try again.')))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions for api-key-other' })).toBeTruthy())
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Could not disable api-key-other; it is unchanged: SpaceONE answered HTTP 503/,
    )
  })

  it('fires a slow copy once however often it is chosen while it runs', async () => {
    const k = key('c1', 'uuid-kept', { name: 'kept' })
    h.stores.keys.setState({ byAccount: { c1: loaded([k]) } })
    api.keys.kept.mockResolvedValue(['uuid-kept'])
    const copied = deferred<{ clearsInSec: number }>()
    api.keys.copySecret.mockReturnValue(copied.promise)
    h.view(<KeyRowActions keyRecord={k} account={cloud} />)
    await waitFor(() => expect(api.keys.kept).toHaveBeenCalledTimes(1))
    await act(async () => undefined)
    choose('kept (uuid-kept)', 'Copy API key')
    fireEvent.click(screen.getByRole('button', { name: 'Actions for kept (uuid-kept)' }))
    const busy = screen.getByRole<HTMLButtonElement>('menuitem', { name: 'Copying…' })
    expect(busy.disabled).toBe(true)
    fireEvent.click(busy)
    expect(api.keys.copySecret).toHaveBeenCalledTimes(1)
    await act(async () => copied.resolve({ clearsInSec: 30 }))
    expect((await screen.findByRole('status')).textContent).toMatch(/Copied — clears in 30 s/)
  })

  it('renames a CloudMC key after checking the name, showing the new name at once', async () => {
    const k = key('c1', 'uuid-1', { name: 'old-name' })
    h.stores.keys.setState({ byAccount: { c1: loaded([k]) } })
    api.keys.rename.mockImplementation(async ({ name }: { name: string }) => ({ ...k, name }))
    h.view(<KeyRowActions keyRecord={k} account={cloud} />)
    choose('old-name (uuid-1)', 'Rename…')
    const input = await screen.findByLabelText('Name')
    fireEvent.change(input, { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }))
    expect(await screen.findByText('Enter a name.')).toBeTruthy()
    fireEvent.change(input, { target: { value: '  deploy-bot ' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Rename' }))
    })
    expect(api.keys.rename).toHaveBeenCalledWith({ accountId: 'c1', keyId: 'uuid-1', name: 'deploy-bot' })
    expect(h.stores.keys.getState().byAccount.c1?.keys[0]?.name).toBe('deploy-bot')
  })

  it('offers copy, export, try and forget for a kept secret, and says so when KeyDesk does not hold one', async () => {
    const kept = key('c1', 'uuid-kept', { name: 'kept' })
    const other = key('c1', 'uuid-other', { name: 'other' })
    h.stores.keys.setState({ byAccount: { c1: loaded([kept, other]) } })
    api.keys.kept.mockResolvedValue(['uuid-kept'])
    api.keys.copySecret.mockResolvedValue({ clearsInSec: 30 })
    h.view(
      <>
        <RowActions keyRecord={kept} account={cloud} />
        <RowActions keyRecord={other} account={cloud} />
        <LifecycleOverlay />
      </>,
    )
    await waitFor(() => expect(api.keys.kept).toHaveBeenCalledTimes(1))
    await act(async () => undefined)
    fireEvent.click(screen.getByRole('button', { name: 'Actions for kept (uuid-kept)' }))
    const items = screen.getAllByRole('menuitem').map((i) => i.textContent)
    expect(items).toEqual([
      'Rename…',
      'Rotate…',
      'Copy API key',
      'Export API key (JSON)',
      'Try the kept secret',
      'Forget secret…',
      'Delete…',
    ])
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Copy API key' }))
    })
    expect(api.keys.copySecret).toHaveBeenCalledWith({ accountId: 'c1', keyId: 'uuid-kept', part: 'API key' })
    expect((await screen.findByRole('status')).textContent).toMatch(/Copied — clears in 30 s/)
    choose('other (uuid-other)', 'Secret not held by KeyDesk…')
    expect((await screen.findByRole('dialog')).textContent).toMatch(/services show a secret only once/)
  })

  it('shows a propagating change as a countdown, then as checking once its time has passed', () => {
    const k = key('s1', 'api-key-other', { provider: 'spaceone', state: 'disabled' })
    const now = Date.now()
    h.stores.propagation.getState().replace([
      {
        accountId: 's1',
        keyId: 'api-key-other',
        op: 'disable',
        state: 'propagating',
        requestedAt: new Date(now - 60_000).toISOString(),
        settleBy: new Date(now + 252_000).toISOString(),
      },
    ])
    const { container } = h.view(<KeyRowActions keyRecord={k} account={space} />)
    expect(container.textContent).toMatch(/4:1\d.*may still authenticate until \d\d:\d\d( [AP]M)? \(in 4 min\)/)
    act(() =>
      h.stores.propagation.getState().replace([
        {
          accountId: 's1',
          keyId: 'api-key-other',
          op: 'disable',
          state: 'propagating',
          requestedAt: new Date(now - 700_000).toISOString(),
          settleBy: new Date(now - 100_000).toISOString(),
        },
      ]),
    )
    expect(container.textContent).toMatch(/checking…/)
  })
})
