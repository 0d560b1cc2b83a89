import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFakeApi, harness } from './fake-api'

import { AddAccountForm } from '../../src/renderer/src/features/accounts/AddAccountDialog'
const api = createFakeApi()
let h = harness(api)

const type = (label: RegExp | string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('the SpaceONE / Cloudforet choice of the add-account form', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
  })
  afterEach(cleanup)

  it('offers one SpaceONE / Cloudforet choice and no separate Cloudforet 2.x one', () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    const choices = screen
      .getAllByRole('radio')
      .map((r) => r.closest('label')?.querySelector('.provider-name')?.textContent)
    expect(choices).toEqual(['SpaceONE / Cloudforet', 'CloudMC', 'Onqlave'])
  })

  it('shows the sign-in fields together under their own title, the password masked', () => {
    h.view(<AddAccountForm onDone={() => undefined} />)
    const group = screen.getByRole('group', { name: 'Or sign in (Cloudforet 2.x)' })
    expect(within(group).getByLabelText<HTMLInputElement>('Domain name').type).toBe('text')
    expect(within(group).getByLabelText<HTMLInputElement>('Password').type).toBe('password')
    expect(within(group).queryByLabelText(/client secret/)).toBeNull()
  })

  it('signs in without a token, and asks for the rest of the sign-in once one part is given', async () => {
    api.accounts.validate.mockResolvedValue({ summary: 'Cloudforet 2.x: admin in acme', facts: { version: '2.x' } })
    h.view(<AddAccountForm onDone={() => undefined} />)
    type('Console API endpoint', 'https://console-v2.acme.test')
    type('Domain name', 'acme')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByText('Enter the user id.')).toBeTruthy()
    expect(screen.getByText('Enter the password.')).toBeTruthy()
    expect(screen.queryByText(/Enter the api key/)).toBeNull()
    expect(api.accounts.validate).not.toHaveBeenCalled()
    type('User ID', 'admin')
    type('Password', 'pw 1')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(await screen.findByText(/Connection works: Cloudforet 2.x: admin in acme/)).toBeTruthy()
    expect(api.accounts.validate).toHaveBeenCalledWith(
      expect.objectContaining({
        provider: 'spaceone',
        endpoint: 'https://console-v2.acme.test',
        credential: { provider: 'spaceone', domainName: 'acme', userId: 'admin', password: 'pw 1' },
      }),
    )
  })
})
