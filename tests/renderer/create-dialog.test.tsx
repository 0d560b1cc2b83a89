import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CreatedKey } from '../../src/shared/model'
import { account, deferred, key, createFakeApi, harness } from './fake-api'
import { createdKey, SECRET } from './create-support'

import { CreateKeyButton } from '../../src/renderer/src/features/create/CreateKeyButton'
const api = createFakeApi()
let h = harness(api)

const loaded = (keys: ReturnType<typeof key>[]) => ({
  keys,
  loading: false,
  fetchedAt: Date.now(),
  error: null,
  again: false,
})
const space = account('s1', 'spaceone', 'Space prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')
const onq = account('o1', 'onqlave', 'Onqlave prod')
const apps = account('a1', 'spaceone-apps', 'Cloudforet prod')

describe('creating a key from the toolbar', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    h.stores.app.setState({ vault: { state: 'available' } })
    api.keys.list.mockResolvedValue({ accountId: 'x', keys: [], fetchedAt: new Date().toISOString() })
    api.keys.kept.mockResolvedValue([])
    api.secrets.release.mockResolvedValue(undefined)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('counts SpaceONE keys and turns Create off at 2 of 2, saying what to do', () => {
    h.stores.keys.setState({ byAccount: { s1: loaded([key('s1', 'a', { provider: 'spaceone' })]) } })
    const { rerender } = h.view(<CreateKeyButton account={space} />)
    const button = screen.getByRole('button', { name: /Create key/ })
    expect((button as HTMLButtonElement).disabled).toBe(false)
    const limit = document.getElementById(button.getAttribute('aria-describedby') ?? '')
    expect(limit?.textContent).toBe('1 of 2 keys')
    // What the count is a count of, for whoever wonders.
    expect(limit?.title).toBe('SpaceONE lets one user hold 2 keys at a time.')
    act(() =>
      h.stores.keys.setState({
        byAccount: {
          s1: loaded([
            key('s1', 'a', { provider: 'spaceone' }),
            key('s1', 'b', { provider: 'spaceone', state: 'disabled' }),
          ]),
        },
      }),
    )
    rerender(<CreateKeyButton account={space} />)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: /Create key/ }).disabled).toBe(true)
    expect(screen.getByText(/2 of 2 keys — delete or rotate one first/)).toBeTruthy()
  })

  it('checks a CloudMC name before sending it, and leaves a blank name to CloudMC', async () => {
    api.keys.create.mockResolvedValue(
      createdKey({
        key: key('c1', 'k1'),
        exports: [],
        endpoints: [],
        parts: [{ label: 'API key', value: SECRET, secret: true }],
      }),
    )
    h.view(<CreateKeyButton account={cloud} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    const name = screen.getByLabelText(/Name/)
    fireEvent.change(name, { target: { value: 'bad\tname' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText(/printable characters only/)).toBeTruthy()
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(api.keys.create).not.toHaveBeenCalled()
    fireEvent.change(name, { target: { value: 'x'.repeat(256) } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText(/255 characters/)).toBeTruthy()
    fireEvent.change(name, { target: { value: '   ' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    })
    expect(api.keys.create).toHaveBeenCalledTimes(1)
    const sent = api.keys.create.mock.calls[0]?.[0] as Record<string, unknown>
    expect(sent).not.toHaveProperty('name')
    expect(sent).toMatchObject({ accountId: 'c1', keep: true })
    expect(await screen.findByRole('dialog', { name: /New key/ })).toBeTruthy()
  })

  it('walks Onqlave through application, Arx, review and visible progress, creating one key however often Create is clicked', async () => {
    api.keys.createOptions.mockResolvedValue({
      applications: [{ id: 'app--1', name: 'billing', technology: 'server' }],
      clusters: [{ id: 'cluster--1', name: 'prod-arx', encryption: 'aes-gcm-256' }],
    })
    const answer = deferred<CreatedKey>()
    api.keys.create.mockReturnValue(answer.promise)
    h.view(<CreateKeyButton account={onq} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    const app = await screen.findByLabelText('Application')
    fireEvent.click(screen.getByRole('button', { name: 'Review' }))
    expect(await screen.findAllByText('Choose one.')).toHaveLength(2)
    fireEvent.change(app, { target: { value: 'app--1' } })
    fireEvent.change(screen.getByLabelText('Arx'), { target: { value: 'cluster--1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Review' }))
    const review = await screen.findByRole('region', { name: 'Review' })
    expect(review.textContent).toMatch(/billing \(server\)/)
    expect(review.textContent).toMatch(/prod-arx \(aes-gcm-256\)/)
    // The steps run on in one sentence; a name in them keeps its capital.
    expect(review.textContent).toMatch(/creating the key, then waiting for Onqlave to activate it, then fetching/)
    expect(api.keys.create).not.toHaveBeenCalled()
    const create = screen.getByRole('button', { name: 'Create key' })
    fireEvent.click(create)
    fireEvent.click(create)
    await waitFor(() => expect(api.keys.create).toHaveBeenCalledTimes(1))
    const requestId = (api.keys.create.mock.calls[0]?.[0] as { requestId: string }).requestId
    act(() =>
      api.emit('create.progress', {
        requestId,
        stage: 'activating',
        message: 'Waiting for apikey--x to become active…',
      }),
    )
    const current = screen.getByText('Waiting for Onqlave to activate it').closest('li')
    expect(current?.getAttribute('aria-current')).toBe('step')
    expect(screen.getByRole('status').textContent).toMatch(/become active/)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Creating…' }).disabled).toBe(true)
    expect(api.keys.create.mock.calls[0]?.[0]).toMatchObject({
      accountId: 'o1',
      applicationId: 'app--1',
      clusterId: 'cluster--1',
    })
    await act(async () => answer.resolve(createdKey({ handle: 'h-onq' })))
    expect(await screen.findByRole('dialog', { name: /New key/ })).toBeTruthy()
  })

  it('offers a Cloudforet app the service default expiry of 90 days, so only a name and a role are needed', async () => {
    api.keys.createOptions.mockResolvedValue({
      applications: [],
      clusters: [],
      roles: [{ id: 'role-admin', name: 'Admin', roleType: 'DOMAIN_ADMIN', scope: 'DOMAIN' }],
    })
    api.keys.create.mockResolvedValue(createdKey({ handle: 'h-app' }))
    h.view(<CreateKeyButton account={apps} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    const expected = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
    expect(screen.getByLabelText<HTMLInputElement>('Expires').value).toBe(expected)
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } })
    fireEvent.change(await screen.findByLabelText('Role'), { target: { value: 'role-admin' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    await waitFor(() => expect(api.keys.create).toHaveBeenCalledTimes(1))
    expect(api.keys.create.mock.calls[0]?.[0]).toMatchObject({
      accountId: 'a1',
      roleId: 'role-admin',
      expiresAt: `${expected}T00:00:00.000Z`,
    })
  })

  it("keeps a past expiry's message while another field changes, and drops it when the date does", async () => {
    api.keys.createOptions.mockResolvedValue({
      applications: [],
      clusters: [],
      roles: [{ id: 'role-admin', name: 'Admin', roleType: 'DOMAIN_ADMIN', scope: 'DOMAIN' }],
    })
    h.view(<CreateKeyButton account={apps} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } })
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '2020-01-01' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByText('Pick a date after today.')).toBeTruthy()
    fireEvent.change(await screen.findByLabelText('Role'), { target: { value: 'role-admin' } })
    expect(screen.getByText('Pick a date after today.')).toBeTruthy()
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: later } })
    expect(screen.queryByText('Pick a date after today.')).toBeNull()
    expect(api.keys.create).not.toHaveBeenCalled()
  })

  it('drops the created key when the reveal closes, so the secret is gone from the page', async () => {
    api.keys.create.mockResolvedValue(createdKey())
    h.view(<CreateKeyButton account={space} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Show API key' }))
    expect(document.documentElement.outerHTML).toContain(SECRET)
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.documentElement.outerHTML).not.toContain(SECRET)
    expect(api.secrets.release).toHaveBeenCalledWith({ handle: 'handle-1' })
  })

  it('cannot keep the secret when the keychain is unavailable, and says why', async () => {
    h.stores.app.setState({ vault: { state: 'unavailable' } })
    h.view(<CreateKeyButton account={cloud} />)
    fireEvent.click(screen.getByRole('button', { name: /Create key/ }))
    const keep = screen.getByLabelText<HTMLInputElement>('Keep in keychain')
    expect(keep.disabled).toBe(true)
    expect(keep.checked).toBe(false)
    expect(screen.getByText(/keychain is unavailable/)).toBeTruthy()
  })
})
