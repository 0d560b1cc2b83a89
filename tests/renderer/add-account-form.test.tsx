import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { account, createFakeApi, harness } from './fake-api'

import { AddAccountForm } from '../../src/renderer/src/features/accounts/AddAccountDialog'
import { anyString } from '../support/match'
const api = createFakeApi()
let h = harness(api)

const type = (label: RegExp | string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('the add-account form', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
  })
  afterEach(cleanup)

  it('says what is missing before it asks the service anything', async () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    expect(await screen.findByText(/Give the account a label/)).toBeTruthy()
    expect(screen.getByText('Enter the console api endpoint.')).toBeTruthy()
    expect(screen.getByText('Enter the api key, client secret or access token (jwt).')).toBeTruthy()
    expect(screen.getByLabelText('API key, client secret or access token (JWT)').getAttribute('aria-invalid')).toBe(
      'true',
    )
    expect(screen.getByLabelText('Refresh token (only with an access token)').getAttribute('aria-invalid')).not.toBe(
      'true',
    )
    expect(api.accounts.add).not.toHaveBeenCalled()
    expect(api.accounts.validate).not.toHaveBeenCalled()
  })

  it("shows each provider's own fields with where to find them, and keeps credentials in password inputs", () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    expect(screen.getByText(/My Page → API Key/)).toBeTruthy()
    expect(screen.getByLabelText<HTMLInputElement>('API key, client secret or access token (JWT)').type).toBe(
      'password',
    )
    fireEvent.click(screen.getByRole('radio', { name: /Onqlave/ }))
    expect(screen.getByLabelText<HTMLInputElement>('Base URL').value).toBe('https://api.onqlave.com')
    expect(screen.getByLabelText<HTMLInputElement>('Tenant id').type).toBe('text')
    expect(screen.getByLabelText<HTMLInputElement>('Auth token').type).toBe('password')
    expect(screen.getByText(/auth_key/)).toBeTruthy()
  })

  it('rejects a CloudMC endpoint without /api/v2 and says where the right one is', () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    fireEvent.click(screen.getByRole('radio', { name: /CloudMC/ }))
    type('API endpoint', 'https://cloudmc.example.com')
    type('API key', 'k-123')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByText(/The CloudMC endpoint ends in \/api\/v2/)).toBeTruthy()
    expect(api.accounts.validate).not.toHaveBeenCalled()
  })

  it('tests the connection and shows what the service said about the account', async () => {
    api.accounts.validate.mockResolvedValue({
      summary: 'alice@acme in domain acme',
      facts: { user: 'alice@acme', domain: 'acme' },
    })
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Console API endpoint', 'https://console-api.acme.test ')
    type('API key, client secret or access token (JWT)', ' eyJhbGciOi.x.y ')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeTruthy()
    expect(await screen.findByText(/Connection works: alice@acme in domain acme/)).toBeTruthy()
    expect(screen.getByText('acme')).toBeTruthy()
    expect(api.accounts.validate).toHaveBeenCalledWith({
      provider: 'spaceone',
      endpoint: 'https://console-api.acme.test',
      credential: { provider: 'spaceone', token: 'eyJhbGciOi.x.y' },
      requestId: anyString(),
    })
  })

  it('sends a SpaceONE refresh token only when one is given', async () => {
    api.accounts.validate.mockResolvedValue({ summary: 'alice', facts: {} })
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Console API endpoint', 'https://console-api.acme.test')
    type('API key, client secret or access token (JWT)', 'eyJ.access.token')
    type('Refresh token (only with an access token)', ' eyJ.refresh.token ')
    expect(screen.getByLabelText<HTMLInputElement>('Refresh token (only with an access token)').type).toBe('password')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    await screen.findByText(/Connection works/)
    expect(api.accounts.validate).toHaveBeenCalledWith({
      provider: 'spaceone',
      endpoint: 'https://console-api.acme.test',
      credential: { provider: 'spaceone', token: 'eyJ.access.token', refreshToken: 'eyJ.refresh.token' },
      requestId: anyString(),
    })
  })

  it("shows the service's refusal in words, with what to do", async () => {
    api.accounts.validate.mockRejectedValue(
      new AppError(
        'AUTH_FAILED',
        'SpaceONE rejected this API key: it may be disabled or expired. Create a new one in My Page → API Key.',
      ),
    )
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Console API endpoint', 'https://console-api.acme.test')
    type('API key, client secret or access token (JWT)', 'bad')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect((await screen.findByRole('alert')).textContent).toContain('SpaceONE rejected this API key')
  })

  it('saves with progress, opens the new account and drops the form', async () => {
    const added = account('new-1', 'onqlave', 'Onq')
    api.accounts.add.mockResolvedValue(added)
    api.accounts.list.mockResolvedValue([added])
    const onDone = vi.fn()
    h.view(<AddAccountForm onDone={onDone} />)
    fireEvent.click(screen.getByRole('radio', { name: /Onqlave/ }))
    type('Label', 'Onq')
    type('Tenant id', 'tenant--1')
    type('Auth token', 'secret-token')
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeTruthy()
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(api.accounts.add).toHaveBeenCalledWith({
      provider: 'onqlave',
      label: 'Onq',
      endpoint: 'https://api.onqlave.com',
      credential: { provider: 'onqlave', tenantId: 'tenant--1', token: 'secret-token' },
      requestId: anyString(),
    })
    expect(h.stores.app.getState().accounts).toEqual([added])
    expect(h.stores.app.getState().view).toBe('new-1')
    expect(screen.getByLabelText<HTMLInputElement>('Auth token').value).toBe('')
  })

  it('keeps the form and shows the reason when saving fails', async () => {
    api.accounts.add.mockRejectedValue(
      new AppError(
        'KEYCHAIN_UNAVAILABLE',
        'KeyDesk keeps credentials only in the OS keychain, and it is locked. Unlock it and try again.',
      ),
    )
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Label', 'Prod')
    type('Console API endpoint', 'https://console-api.acme.test')
    type('API key, client secret or access token (JWT)', 'tok')
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Unlock it and try again')
    expect(screen.getByLabelText<HTMLInputElement>('API key, client secret or access token (JWT)').value).toBe('tok')
    expect(screen.getByRole('button', { name: 'Save account' })).toBeTruthy()
  })
})
