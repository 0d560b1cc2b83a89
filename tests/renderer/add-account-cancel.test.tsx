import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { AddAccountForm } from '../../src/renderer/src/features/accounts/AddAccountDialog'
import { createFakeApi, deferred, harness, type Harness } from './fake-api'

const api = createFakeApi()
let h: Harness

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('a long network action in the add-account form', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
  })
  afterEach(cleanup)

  it('Test connection shows progress, offers Cancel, and cancels that very request in the core', async () => {
    const answer = deferred<never>()
    api.accounts.validate.mockReturnValue(answer.promise)
    api.accounts.cancel.mockImplementation(() => {
      answer.reject(new AppError('CANCELLED', 'Cancelled: nothing more was sent.'))
      return Promise.resolve()
    })
    h.view(<AddAccountForm onDone={() => undefined} />)
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    type('Console API endpoint', 'https://console-api.never-answers.test')
    type('API key, client secret or access token (JWT)', 'eyJ.a.b')
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }))
    expect(screen.getByRole('button', { name: 'Testing…' })).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })))
    const sent = api.accounts.validate.mock.calls[0]?.[0]
    expect(sent?.requestId).toEqual(expect.any(String))
    expect(api.accounts.cancel).toHaveBeenCalledWith({ requestId: sent?.requestId })
    expect(await screen.findByText(/Cancelled: nothing more was sent/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Test connection' }))
  })

  it('Save can be cancelled too, and then nothing is added', async () => {
    const answer = deferred<never>()
    api.accounts.add.mockReturnValue(answer.promise)
    api.accounts.cancel.mockImplementation(() => {
      answer.reject(new AppError('CANCELLED', 'Cancelled: nothing more was sent.'))
      return Promise.resolve()
    })
    let done = false
    h.view(<AddAccountForm onDone={() => (done = true)} />)
    type('Label', 'Slow')
    type('Console API endpoint', 'https://console-api.never-answers.test')
    type('API key, client secret or access token (JWT)', 'eyJ.a.b')
    fireEvent.click(screen.getByRole('button', { name: 'Save account' }))
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })))
    const sent = api.accounts.add.mock.calls[0]?.[0]
    expect(api.accounts.cancel).toHaveBeenCalledWith({ requestId: sent?.requestId })
    expect(await screen.findByText(/Cancelled: nothing more was sent/)).toBeTruthy()
    expect(done).toBe(false)
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save account' }).disabled).toBe(false)
  })
})
