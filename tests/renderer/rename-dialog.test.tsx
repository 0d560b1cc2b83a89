import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { AccountView, KeyRecord } from '../../src/shared/model'
import { account, createFakeApi, deferred, harness, key } from './fake-api'

import { KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
import { LifecycleOverlay } from '../../src/renderer/src/features/lifecycle/LifecycleOverlay'
const api = createFakeApi()
let h = harness(api)

const cf: AccountView = { ...account('a2', 'spaceone-apps', 'Cloudforet prod'), facts: { ownKeyId: 'app-own' } }
const app = key('a2', 'app-bf67f258d80e', { provider: 'spaceone-apps', name: 'walk-cf-renamed' })
const REFUSED = 'App names are at most 40 characters.'

function Row({ keyRecord, overlay = true }: { readonly keyRecord: KeyRecord; readonly overlay?: boolean }) {
  return (
    <>
      <KeyRowActions keyRecord={keyRecord} account={cf} />
      {overlay && <LifecycleOverlay />}
    </>
  )
}

/** Opens the Rename dialog of the app and types `name` into it. */
async function renameTo(name: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Actions for walk-cf-renamed (app-bf67f258d80e)' }))
  fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }))
  const dialog = await screen.findByRole('dialog', { name: 'Rename key' })
  fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: name } })
  return dialog
}

const nameOf = (): string | undefined => h.stores.keys.getState().byAccount.a2?.keys[0]?.name

describe('renaming a Cloudforet app', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.keys.kept.mockResolvedValue([])
    api.rotation.list.mockResolvedValue([])
    api.keys.list.mockImplementation(async ({ accountId }) => ({
      accountId,
      keys: h.stores.keys.getState().byAccount[accountId]?.keys ?? [],
      fetchedAt: new Date().toISOString(),
    }))
    h.stores.app.setState({ accounts: [cf], vault: { state: 'available' } })
    h.stores.keys.setState({
      byAccount: { a2: { keys: [app], loading: false, fetchedAt: Date.now(), error: null, again: false } },
    })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it("says the app's own limit of 40 characters and refuses 41 without asking the service", async () => {
    h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('x'.repeat(41))
    expect(dialog.textContent).toMatch(/Up to 40 characters\./)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    expect(within(dialog).getByText(/Keep the name to 40 characters \(it has 41\)\./)).toBeTruthy()
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('x'.repeat(41))
    expect(api.keys.rename).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog', { name: 'Rename key' })).toBe(dialog)
  })

  it('counts the name in characters as Cloudforet does: 40 emoji are sent, 41 refused without asking', async () => {
    api.keys.rename.mockImplementationOnce(async ({ name }) => ({ ...app, name }))
    h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('🔑'.repeat(41))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    expect(within(dialog).getByText(/Keep the name to 40 characters \(it has 41\)\./)).toBeTruthy()
    expect(api.keys.rename).not.toHaveBeenCalled()
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: '🔑'.repeat(40) } })
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    })
    expect(api.keys.rename).toHaveBeenCalledWith({ accountId: 'a2', keyId: 'app-bf67f258d80e', name: '🔑'.repeat(40) })
    expect(nameOf()).toBe('🔑'.repeat(40))
  })

  it("keeps the typed name and the service's refusal in the open dialog, then renames on a retry", async () => {
    const answer = deferred<KeyRecord>()
    api.keys.rename.mockReturnValueOnce(answer.promise)
    h.view(<Row keyRecord={app} />)
    const typed = 'walk-cf-renamed-by-the-tester'
    const dialog = await renameTo(typed)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    expect(api.keys.rename).toHaveBeenCalledWith({ accountId: 'a2', keyId: 'app-bf67f258d80e', name: typed })
    // No success word before the service has answered.
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Renaming…' }).disabled).toBe(true)
    expect(screen.queryByText(/Renamed/)).toBeNull()
    await act(async () => answer.reject(new AppError('INVALID_INPUT', REFUSED)))
    expect(screen.getByRole('dialog', { name: 'Rename key' })).toBe(dialog)
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe(typed)
    expect(within(dialog).getByText(new RegExp(`Not renamed; it is unchanged: ${REFUSED}`))).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(nameOf()).toBe('walk-cf-renamed')

    api.keys.rename.mockImplementationOnce(async ({ name }) => ({ ...app, name }))
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    })
    expect(screen.queryByRole('dialog', { name: 'Rename key' })).toBeNull()
    expect(screen.getByRole('status').textContent).toMatch(`Renamed as “${typed}”`)
    expect(nameOf()).toBe(typed)
  })

  it('tells a refusal in a toast once the dialog has been closed', async () => {
    const answer = deferred<KeyRecord>()
    api.keys.rename.mockReturnValueOnce(answer.promise)
    h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('walk-cf-second')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog', { name: 'Rename key' })).toBeNull()
    await act(async () => answer.reject(new AppError('INVALID_INPUT', REFUSED)))
    expect(screen.getByRole('alert').textContent).toMatch(
      `Could not rename walk-cf-renamed (app-bf67f258d80e); it is unchanged: ${REFUSED}`,
    )
    expect(nameOf()).toBe('walk-cf-renamed')
  })

  it('keeps its dialog when the answer was lost, saying it cannot tell rather than "unchanged"', async () => {
    const lost = 'Cloudforet did not answer within 30 s.'
    api.keys.rename.mockRejectedValueOnce(new AppError('TIMEOUT', lost))
    h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('walk-cf-slow')
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    })
    expect(screen.getByRole('dialog', { name: 'Rename key' })).toBe(dialog)
    expect(
      within(dialog).getByText(
        new RegExp(
          `KeyDesk could not tell whether it was renamed; the list shows what the service reports now: ${lost}`,
        ),
      ),
    ).toBeTruthy()
    expect(dialog.textContent).not.toMatch(/unchanged/)
    expect(within(dialog).getByLabelText<HTMLInputElement>('Name').value).toBe('walk-cf-slow')
  })

  it('says it cannot tell in the toast too, once the dialog has been closed', async () => {
    const answer = deferred<KeyRecord>()
    api.keys.rename.mockReturnValueOnce(answer.promise)
    h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('walk-cf-third')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    const lost = 'Cloudforet answered with HTTP 504. Try again in a moment.'
    await act(async () => answer.reject(new AppError('PROVIDER_ERROR', lost, { retryable: true })))
    expect(screen.getByRole('alert').textContent).toMatch(
      'KeyDesk could not tell whether walk-cf-renamed (app-bf67f258d80e) was renamed; the list shows what the ' +
        `service reports now: ${lost}`,
    )
  })

  it('tells a refusal in a toast when its dialog left the screen while the store still holds it open', async () => {
    const answer = deferred<KeyRecord>()
    api.keys.rename.mockReturnValueOnce(answer.promise)
    const view = h.view(<Row keyRecord={app} />)
    const dialog = await renameTo('walk-cf-fourth')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rename' }))
    // The workspace that draws the dialogs unmounts (no accounts to show for a moment); the store is not told.
    view.rerender(<Row keyRecord={app} overlay={false} />)
    expect(screen.queryByRole('dialog', { name: 'Rename key' })).toBeNull()
    expect(h.stores.dialogs.getState().open?.dialog.kind).toBe('rename')
    await act(async () => answer.reject(new AppError('INVALID_INPUT', REFUSED)))
    view.rerender(<Row keyRecord={app} />)
    // Its outcome is the toast: no blank copy of the dialog comes back over it.
    expect(screen.queryByRole('dialog', { name: 'Rename key' })).toBeNull()
    expect(screen.getByRole('alert').textContent).toMatch(
      `Could not rename walk-cf-renamed (app-bf67f258d80e); it is unchanged: ${REFUSED}`,
    )
    expect(nameOf()).toBe('walk-cf-renamed')
  })
})
