import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccountView, KeyRecord } from '../../src/shared/model'
import { createdKey, SECRET } from './create-support'
import { account, createFakeApi, deferred, harness, key } from './fake-api'

import { SlotsContext, type Slots } from '../../src/renderer/src/components/slots'
import { RevealDialog } from '../../src/renderer/src/features/create/RevealDialog'
import { KeyRowActions } from '../../src/renderer/src/features/lifecycle/KeyRowActions'
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
const cf: AccountView = { ...account('a2', 'spaceone-apps', 'Cloudforet prod'), facts: { ownKeyId: 'app-own' } }
const app = (keyId: string, over: Partial<KeyRecord> = {}): KeyRecord =>
  key('a2', keyId, { provider: 'spaceone-apps', name: keyId, ...over })
const SLOTS = { Reveal: RevealDialog } as Partial<Slots> as Slots

function Row({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  return (
    <SlotsContext.Provider value={SLOTS}>
      <KeyRowActions keyRecord={keyRecord} account={cf} />
      <LifecycleOverlay />
    </SlotsContext.Provider>
  )
}

const items = (name: string): string[] => {
  fireEvent.click(screen.getByRole('button', { name: `Actions for ${name}` }))
  return screen.getAllByRole('menuitem').map((m) => m.textContent ?? '')
}

describe('Cloudforet 2.x apps in the key actions', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.keys.kept.mockResolvedValue([])
    api.rotation.list.mockResolvedValue([])
    api.secrets.release.mockResolvedValue(undefined)
    api.keys.list.mockImplementation(async ({ accountId }) => ({
      accountId,
      keys: h.stores.keys.getState().byAccount[accountId]?.keys ?? [],
      fetchedAt: new Date().toISOString(),
    }))
    h.stores.app.setState({ accounts: [cf], vault: { state: 'available' } })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('offers Regenerate for an app, from the descriptor', () => {
    const k = app('app-ci')
    h.stores.keys.setState({ byAccount: { a2: loaded([k]) } })
    h.view(<Row keyRecord={k} />)
    expect(items('app-ci')).toEqual(['Disable…', 'Rename…', 'Rotate…', 'Regenerate secret…', 'Delete…'])
  })

  it('offers no change at all for a managed app', async () => {
    const k = app('app-agent', { extra: { isManaged: 'true' } })
    h.stores.keys.setState({ byAccount: { a2: loaded([k]) } })
    h.view(<Row keyRecord={k} />)
    // Once KeyDesk knows it holds no secret for it, that is all the app's menu says.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Actions for app-agent' })).toBeTruthy())
    expect(items('app-agent')).toEqual(['Secret not held by KeyDesk…'])
  })

  it("asks before regenerating the account's own app, then shows the new secret once", async () => {
    const k = app('app-own')
    h.stores.keys.setState({ byAccount: { a2: loaded([k]) } })
    const answer = deferred<ReturnType<typeof createdKey>>()
    api.keys.regenerate.mockReturnValue(answer.promise)
    h.view(<Row keyRecord={k} />)
    fireEvent.click(screen.getByRole('button', { name: 'Actions for app-own' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Regenerate secret…' }))
    const ask = await screen.findByRole('alertdialog')
    expect(ask.textContent).toContain('KeyDesk itself signs in with for Cloudforet prod')
    expect(ask.textContent).toContain('up to 10 minutes')
    expect(api.keys.regenerate).not.toHaveBeenCalled()
    fireEvent.click(within(ask).getByRole('button', { name: 'Regenerate' }))
    expect(await screen.findByText('Asking the service for a new secret…')).toBeTruthy()
    expect(api.keys.regenerate).toHaveBeenCalledWith(
      expect.objectContaining({ accountId: 'a2', keyId: 'app-own', keep: true }),
    )
    answer.resolve(
      createdKey({
        key: { ...k, extra: { clientId: 'client-new' } },
        parts: [
          { label: 'App ID', value: 'app-own', secret: false },
          { label: 'Client secret', value: SECRET, secret: true },
        ],
        kept: true,
      }),
    )
    const reveal = await screen.findByRole('dialog', { name: /New key/ })
    expect(within(reveal).getByText(/this is the only time KeyDesk can show this secret/)).toBeTruthy()
    expect(document.documentElement.outerHTML).not.toContain(SECRET)
    fireEvent.click(within(reveal).getByRole('button', { name: 'Show Client secret' }))
    expect(within(reveal).getByText(SECRET)).toBeTruthy()
  })

  it('says why a regenerate failed, without a reveal', async () => {
    const k = app('app-ci')
    h.stores.keys.setState({ byAccount: { a2: loaded([k]) } })
    api.keys.regenerate.mockRejectedValue(new Error('Cloudforet refused: ERROR_PERMISSION_DENIED'))
    h.view(<Row keyRecord={k} />)
    fireEvent.click(screen.getByRole('button', { name: 'Actions for app-ci' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Regenerate secret…' }))
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Regenerate' }))
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Could not regenerate app-ci' })).toBeTruthy())
    expect(screen.queryByRole('dialog', { name: /New key/ })).toBeNull()
  })
})
