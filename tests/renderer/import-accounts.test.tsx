import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AddAccountDialog } from '../../src/renderer/src/features/accounts/AddAccountDialog'
import { ImportAccounts } from '../../src/renderer/src/features/accounts/ImportAccounts'
import { account, createFakeApi, deferred, harness, type Harness } from './fake-api'
import { anyString } from '../support/match'

const api = createFakeApi()
let h: Harness

const spacectl = 'api_key: eyJ.a.b\nendpoints:\n  identity: grpc+ssl://identity.example.com:443\n'

function pick(content: string, name: string): void {
  const input = screen.getByLabelText('Import accounts from a file', { selector: 'input' })
  fireEvent.change(input, { target: { files: [new File([content], name)] } })
}

describe('importing accounts from a file', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    api.accounts.list.mockResolvedValue([])
  })
  afterEach(cleanup)

  it('accepts files without an extension, as spacectl_config and api_key are, and names every kind it imports', () => {
    h.view(<ImportAccounts />)
    const input = screen.getByLabelText('Import accounts from a file', { selector: 'input' })
    expect(input.getAttribute('accept')).toBeNull()
    const hint = screen.getByText(/A KeyDesk export/).textContent ?? ''
    expect(hint).toMatch(/spacectl_config or api_key/)
    expect(hint).toMatch(/cloudmc_api_key\.json/)
    expect(hint).toMatch(/tenant_id and auth_key/)
  })

  it('asks for the address a spacectl_config lacks, then imports with it', async () => {
    api.accounts.import
      .mockResolvedValueOnce({
        added: [],
        skipped: [],
        needs: [{ index: 0, provider: 'spaceone', label: 'SpaceONE dev', hint: 'Enter the console-api address.' }],
        needsPassphrase: false,
      })
      .mockResolvedValueOnce({
        added: [account('s1', 'spaceone', 'SpaceONE dev')],
        skipped: [],
        needs: [],
        needsPassphrase: false,
      })
    h.view(<ImportAccounts />)
    pick(spacectl, 'spacectl_config')
    const field = await screen.findByLabelText(/Endpoint of SpaceONE dev/)
    expect(screen.getByText('Enter the console-api address.')).toBeTruthy()
    expect(screen.queryByText(/Added/)).toBeNull()
    fireEvent.change(field, { target: { value: 'https://console-api.example.com' } })
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Added 1 account'))
    expect(api.accounts.import).toHaveBeenLastCalledWith({
      content: spacectl,
      fileName: 'spacectl_config',
      endpoints: ['https://console-api.example.com'],
      requestId: anyString(),
    })
  })

  it('says how many accounts of a KeyDesk export wait for their credential', async () => {
    api.accounts.import.mockResolvedValueOnce({
      added: [
        { ...account('c1', 'cloudmc', 'Cloud'), status: 'keychain' },
        { ...account('c2', 'cloudmc', 'Cloud 2'), status: 'keychain' },
      ],
      skipped: [],
      needs: [],
      needsPassphrase: false,
    })
    h.view(<ImportAccounts />)
    pick('{"keydesk":1,"accounts":[]}', 'keydesk-accounts.json')
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/2 arrived without their credentials: enter each once/),
    )
  })

  it('asks for the passphrase of a sealed export and sends it with the same file', async () => {
    api.accounts.import
      .mockResolvedValueOnce({ added: [], skipped: [], needs: [], needsPassphrase: true })
      .mockResolvedValueOnce({
        added: [account('c1', 'cloudmc', 'Cloud')],
        skipped: [],
        needs: [],
        needsPassphrase: false,
      })
    h.view(<ImportAccounts />)
    pick('{"keydesk":1}', 'keydesk-accounts-sealed.json')
    const field = await screen.findByLabelText<HTMLInputElement>(/Passphrase of this export/)
    expect(field.type).toBe('password')
    fireEvent.change(field, { target: { value: 'correct horse battery' } })
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Added 1 account'))
    expect(api.accounts.import).toHaveBeenLastCalledWith({
      content: '{"keydesk":1}',
      fileName: 'keydesk-accounts-sealed.json',
      passphrase: 'correct horse battery',
      requestId: anyString(),
    })
    expect(screen.queryByLabelText(/Passphrase of this export/)).toBeNull()
  })

  it('Add account points to the import below its form, and that link takes focus to the file field', () => {
    h.view(<AddAccountDialog open onOpenChange={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Import accounts from a file' }))
    expect(document.activeElement).toBe(screen.getByLabelText('Import accounts from a file', { selector: 'input' }))
  })

  it('refuses a file over 1 MB before reading it, sending nothing', async () => {
    h.view(<ImportAccounts />)
    const input = screen.getByLabelText('Import accounts from a file', { selector: 'input' })
    const huge = new File(['x'], 'huge.json')
    Object.defineProperty(huge, 'size', { value: 1_000_001 })
    huge.text = () => Promise.reject(new Error('a file over the limit must not be read'))
    fireEvent.change(input, { target: { files: [huge] } })
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('larger than 1 MB'))
    expect(api.accounts.import).not.toHaveBeenCalled()
  })

  it('offers Cancel while importing, and it stops that import', async () => {
    const answer = deferred<Awaited<ReturnType<typeof api.accounts.import>>>()
    api.accounts.import.mockReturnValueOnce(answer.promise)
    api.accounts.cancel.mockResolvedValue(undefined)
    h.view(<ImportAccounts />)
    pick(spacectl, 'spacectl_config')
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel import' }))
    const sent = api.accounts.import.mock.calls[0]?.[0]
    expect(api.accounts.cancel).toHaveBeenCalledWith({ requestId: sent?.requestId })
    answer.resolve({
      added: [],
      skipped: [{ label: 'SpaceONE dev', reason: 'Not added: you cancelled the import.' }],
      needs: [],
      needsPassphrase: false,
    })
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cancel import' })).toBeNull())
    expect(screen.getByText(/you cancelled the import/)).toBeTruthy()
  })
})
