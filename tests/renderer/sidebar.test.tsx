import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { account, createFakeApi, harness } from './fake-api'

import { Sidebar } from '../../src/renderer/src/features/accounts/Sidebar'
const api = createFakeApi()
let h = harness(api)

describe('the accounts sidebar', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    h.stores.app.setState({
      accounts: [
        {
          ...account('s1', 'spaceone', 'Space prod'),
          status: 'rejected',
          statusMessage: 'SpaceONE rejected the API key: re-enter it.',
        },
        { ...account('c1', 'cloudmc', 'Cloud demo'), demo: true },
        { ...account('o1', 'onqlave', 'Onq'), status: 'unreachable' },
      ],
    })
  })
  afterEach(cleanup)

  it('groups accounts by provider, with status in words and a Demo badge', () => {
    h.view(<Sidebar onAdd={() => undefined} />)
    const nav = screen.getByRole('navigation', { name: 'Accounts' })
    expect(within(nav).getByRole('heading', { name: 'SpaceONE' })).toBeTruthy()
    expect(within(nav).getByRole('heading', { name: 'CloudMC' })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: /^Space prod.*Credential rejected/ })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: /^Cloud demo.*Demo.*OK/ })).toBeTruthy()
    expect(within(nav).getByRole('button', { name: /^Onq.*Unreachable/ })).toBeTruthy()
    fireEvent.click(within(nav).getByRole('button', { name: /^Onq/ }))
    expect(h.stores.app.getState().view).toBe('o1')
    expect(within(nav).getByRole('button', { name: /^Onq/ }).getAttribute('aria-current')).toBe('page')
  })

  it('asks before removing an account, and says the service is untouched', async () => {
    api.accounts.remove.mockResolvedValue(undefined)
    api.accounts.list.mockResolvedValue([])
    h.view(<Sidebar onAdd={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Onq' }))
    const menu = screen.getByRole('menu', { name: 'Actions for Onq' })
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => m.textContent),
    ).toEqual([
      'Edit label and endpoint…',
      'Re-enter credential…',
      'Refresh and propagation settings…',
      'Remove account…',
    ])
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Remove account…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Onq from KeyDesk?' })
    expect(dialog.textContent).toContain('Nothing changes at Onqlave')
    expect(api.accounts.remove).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove account' }))
    await vi.waitFor(() => expect(api.accounts.remove).toHaveBeenCalledWith({ id: 'o1' }))
  })

  it('moves through the account menu with the arrow keys and closes it with Escape', () => {
    h.view(<Sidebar onAdd={() => undefined} />)
    const trigger = screen.getByRole('button', { name: 'Actions for Space prod' })
    fireEvent.click(trigger)
    const items = screen.getAllByRole('menuitem')
    expect(document.activeElement).toBe(items[0])
    fireEvent.keyDown(items[0], { key: 'ArrowDown' })
    expect(document.activeElement).toBe(items[1])
    fireEvent.keyDown(items[1], { key: 'ArrowUp' })
    fireEvent.keyDown(items[0], { key: 'ArrowUp' })
    expect(document.activeElement).toBe(items[3])
    fireEvent.keyDown(items[3], { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })
  it('gives the keyboard back to its button when a resize closes the menu it was in', () => {
    h.view(<Sidebar onAdd={() => undefined} />)
    const trigger = screen.getByRole('button', { name: 'Actions for Space prod' })
    fireEvent.click(trigger)
    expect(document.activeElement).toBe(screen.getAllByRole('menuitem')[0])
    fireEvent(window, new Event('resize'))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(trigger)
  })

  it('leaves the keyboard where it is when a resize closes a menu it was not in', () => {
    h.view(<Sidebar onAdd={() => undefined} />)
    fireEvent.click(screen.getByRole('button', { name: 'Actions for Space prod' }))
    const all = screen.getByRole('button', { name: /All accounts/ })
    all.focus()
    fireEvent(window, new Event('resize'))
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(all)
  })
})
