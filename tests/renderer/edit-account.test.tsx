import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { account, createFakeApi, harness } from './fake-api'

import { EditAccountDialog } from '../../src/renderer/src/features/accounts/EditAccountDialog'
const api = createFakeApi()
let h = harness(api)
const portal = { ...account('c1', 'cloudmc', 'Work'), endpoint: 'https://portal.example.test/api/v2' }

describe('editing an account', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.accounts.update.mockResolvedValue(portal)
    api.accounts.list.mockResolvedValue([portal])
  })
  afterEach(cleanup)

  it('saves a new label and a path on the same server without asking for the credential', async () => {
    h.view(<EditAccountDialog account={portal} open onOpenChange={() => undefined} />)
    expect(screen.queryByLabelText('API key')).toBeNull()
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Work portal' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.accounts.update).toHaveBeenCalledWith({ id: 'c1', label: 'Work portal' }))
  })

  it('asks for the credential when the endpoint moves to another server, and sends it with the move', async () => {
    h.view(<EditAccountDialog account={portal} open onOpenChange={() => undefined} />)
    fireEvent.change(screen.getByLabelText('API endpoint'), { target: { value: 'https://other.example.test/api/v2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Enter the api key.')).toBeTruthy()
    expect(api.accounts.update).not.toHaveBeenCalled()
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'new-key' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(api.accounts.update).toHaveBeenCalledWith({
        id: 'c1',
        label: 'Work',
        endpoint: 'https://other.example.test/api/v2',
        credential: { provider: 'cloudmc', apiKey: 'new-key' },
      }),
    )
  })
})
