import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RepairDialog } from '../../src/renderer/src/features/repair/RepairDialog'
import { harness, type Harness } from './fake-api'

let h: Harness
const available = { state: 'available' } as const
const report = {
  keychain: available,
  orphans: [
    { name: 'cloudmc/gone/credential', what: 'The credential of an account that is no longer in KeyDesk.' },
    { name: 'cloudmc/gone/key/k1', what: 'The kept secret of key k1, whose account is no longer in KeyDesk.' },
  ],
  missing: [
    {
      accountId: 'a1',
      label: 'Work',
      what: 'Work has no credential in the keychain: edit the account and enter it again.',
    },
  ],
  removed: 0,
}

describe('the Repair dialog', () => {
  beforeEach(() => {
    h = harness()
    h.api.accounts.list.mockResolvedValue([])
  })
  afterEach(cleanup)

  it('removes only the entries left ticked, after a confirmation, and says how many went', async () => {
    h.api.repair.scan.mockResolvedValue(report)
    h.api.repair.fix.mockResolvedValue({ ...report, orphans: [report.orphans[1]], removed: 1 })
    h.view(<RepairDialog open onOpenChange={() => undefined} />)
    await screen.findByText('cloudmc/gone/credential')
    expect(screen.getByText(/Work has no credential/)).toBeTruthy()
    fireEvent.click(screen.getAllByRole('checkbox')[1])
    fireEvent.click(screen.getByRole('button', { name: 'Remove 1 selected…' }))
    expect(h.api.repair.fix).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Remove from keychain' }))
    await waitFor(() => expect(h.api.repair.fix).toHaveBeenCalledWith({ remove: ['cloudmc/gone/credential'] }))
    expect(await screen.findByText('Removed 1 entries from the keychain.')).toBeTruthy()
  })

  it('says the keychain is locked instead of claiming there is nothing to repair', async () => {
    h.api.repair.scan.mockResolvedValue({
      ...report,
      keychain: { state: 'locked', reason: 'The keychain is locked.', fix: 'Unlock it.' },
      orphans: [],
      missing: [],
    })
    h.view(<RepairDialog open onOpenChange={() => undefined} />)
    expect(await screen.findByText(/The keychain is locked: The keychain is locked. Unlock it./)).toBeTruthy()
    expect(screen.queryByText(/Nothing to repair/)).toBeNull()
  })
})
