import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/model'
import { AppError } from '../../src/shared/errors'
import { account, createFakeApi, deferred, harness } from './fake-api'
import { CredentialDialog } from '../../src/renderer/src/features/accounts/CredentialDialog'
import { EditAccountDialog } from '../../src/renderer/src/features/accounts/EditAccountDialog'

const ANY_ID = expect.any(String) as unknown as string
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
    await waitFor(() =>
      expect(api.accounts.update).toHaveBeenCalledWith({ id: 'c1', label: 'Work portal', requestId: ANY_ID }),
    )
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
        requestId: ANY_ID,
      }),
    )
  })

  it('closes on Cancel when nothing runs', () => {
    let open = true
    h.view(<EditAccountDialog account={portal} open onOpenChange={(o) => (open = o)} />)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(open).toBe(false)
  })

  it('stops a re-entered credential being checked with that very request, stays open and says nothing changed', async () => {
    const answer = deferred<AccountView>()
    api.accounts.update.mockReturnValue(answer.promise)
    api.accounts.cancel.mockImplementation(() => {
      answer.reject(new AppError('CANCELLED', 'Cancelled: nothing was changed.'))
      return Promise.resolve()
    })
    let open = true
    h.view(<CredentialDialog account={portal} open onOpenChange={(o) => (open = o)} />)
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'slow-key' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save credential' }))
    expect(screen.getByRole('button', { name: 'Checking and saving…' })).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })))
    const sent = api.accounts.update.mock.calls[0]?.[0]
    expect(sent?.requestId).toEqual(expect.any(String))
    expect(api.accounts.cancel).toHaveBeenCalledWith({ requestId: sent?.requestId })
    expect(await screen.findByText(/Cancelled: nothing was changed/)).toBeTruthy()
    expect(open).toBe(true)
  })
})
