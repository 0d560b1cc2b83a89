import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SettingsDialog } from '../../src/renderer/src/features/settings/SettingsDialog'
import { createFakeApi, harness, type Harness } from './fake-api'

const api = createFakeApi()
let h: Harness

describe('Settings → Export accounts', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
  })
  afterEach(cleanup)

  it('shows one tab at a time, moved between with the arrow keys, General first', () => {
    h.view(<SettingsDialog open onOpenChange={() => undefined} lock={<p>lock settings</p>} />)
    const tabs = screen.getAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual(['General', 'App lock', 'Import and export'])
    expect(screen.getByRole('tabpanel').textContent).toMatch(/Preferences/)
    expect(screen.queryByText('lock settings')).toBeNull()
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('App lock')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'App lock' }))
    expect(screen.getByRole('tabpanel').textContent).toBe('lock settings')
    fireEvent.keyDown(tabs[1], { key: 'End' })
    expect(screen.getByRole('tabpanel').textContent).toMatch(/Export accounts/)
    fireEvent.keyDown(tabs[2], { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('General')
  })

  it('exports without credentials unless a passphrase is given', async () => {
    api.accounts.export.mockResolvedValue({
      fileName: 'keydesk-accounts.json',
      savedTo: '/home/u/keydesk-accounts.json',
    })
    h.view(<SettingsDialog open onOpenChange={() => undefined} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Import and export' }))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export accounts (no credentials)' })))
    expect(api.accounts.export).toHaveBeenCalledWith({})
    expect(screen.getByRole('status').textContent).toBe('Saved to /home/u/keydesk-accounts.json.')
  })

  it('seals the credentials with the passphrase given, and forgets the passphrase afterwards', async () => {
    api.accounts.export.mockResolvedValue({
      fileName: 'keydesk-accounts-sealed.json',
      savedTo: '/home/u/keydesk-accounts-sealed.json',
    })
    h.view(<SettingsDialog open onOpenChange={() => undefined} />)
    fireEvent.click(screen.getByRole('tab', { name: 'Import and export' }))
    const field = screen.getByLabelText<HTMLInputElement>(/Passphrase \(optional/)
    expect(field.type).toBe('password')
    fireEvent.change(field, { target: { value: 'correct horse battery' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export accounts with credentials' })))
    expect(api.accounts.export).toHaveBeenCalledWith({ passphrase: 'correct horse battery' })
    expect(field.value).toBe('')
    expect(screen.getByRole('status').textContent).toBe('Saved to /home/u/keydesk-accounts-sealed.json.')
  })
})
