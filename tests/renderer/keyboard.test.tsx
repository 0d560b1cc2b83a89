// Issue 15, item 5: keyboard first — "/" searches, Ctrl/⌘+K finds any command, "?" lists the shortcuts, a skip link.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { KeyList } from '../../src/renderer/src/features/keys/KeyList'
import { account, APP_INFO, harness, key, PREFERENCES, type Harness } from './fake-api'

const space = account('s1', 'spaceone', 'Space prod')
const cloud = account('c1', 'cloudmc', 'Cloud dev')
let h: Harness

describe('keyboard first', () => {
  beforeEach(async () => {
    h = harness()
    h.api.app.info.mockResolvedValue(APP_INFO)
    h.api.vault.status.mockResolvedValue({ state: 'available' })
    h.api.accounts.list.mockResolvedValue([space, cloud])
    h.api.settings.get.mockResolvedValue(PREFERENCES)
    h.api.settings.set.mockResolvedValue(PREFERENCES)
    h.api.propagation.list.mockResolvedValue([])
    h.api.rotation.list.mockResolvedValue([])
    h.api.keys.kept.mockResolvedValue([])
    h.api.keys.list.mockImplementation(async ({ accountId }) => ({
      accountId,
      keys: accountId === 's1' ? [key('s1', 'api-key-a', { provider: 'spaceone' })] : [],
      fetchedAt: new Date().toISOString(),
    }))
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
    h.view(<App />)
    await screen.findByRole('heading', { name: 'All accounts' })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('offers a skip link to the keys, first in the page', () => {
    const links = screen.getAllByRole('link')
    expect(links[0]?.textContent).toBe('Skip to the keys')
    expect(links[0]?.getAttribute('href')).toBe('#main')
    expect(document.getElementById('main')).not.toBeNull()
  })

  it('focuses the search with "/" and lists the shortcuts with "?"', async () => {
    fireEvent.keyDown(document.body, { key: '/' })
    expect(document.activeElement).toBe(screen.getByRole('searchbox'))
    fireEvent.keyDown(document.body, { key: '?' })
    const list = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(list.textContent).toMatch(/Ctrl\+K/)
  })

  it('opens the command palette with Ctrl+K and jumps to an account from it', async () => {
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
    const palette = await screen.findByRole('dialog', { name: 'Commands' })
    const field = within(palette).getByRole('combobox', { name: 'Find a command' })
    await waitFor(() => expect(document.activeElement).toBe(field))
    fireEvent.change(field, { target: { value: 'go cloud' } })
    expect(
      within(palette)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Go to Cloud devCloudMC'])
    await act(async () => {
      fireEvent.keyDown(field, { key: 'Enter' })
    })
    expect(screen.queryByRole('dialog', { name: 'Commands' })).toBeNull()
    expect(h.stores.app.getState().view).toBe('c1')
  })

  it("says a key's actions need a key when none is picked and nothing matches", async () => {
    act(() => h.stores.app.getState().openView('c1'))
    await waitFor(() => expect(h.stores.app.getState().active).toBeNull())
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
    const palette = await screen.findByRole('dialog', { name: 'Commands' })
    fireEvent.change(within(palette).getByRole('combobox'), { target: { value: 'disab' } })
    expect(palette.textContent).toMatch(/No command matches\. A key’s actions are here once a key is picked/)
  })

  it('runs an action on the selected key and creates a key from the palette', async () => {
    h.stores.app.getState().setActive('s1/api-key-a')
    fireEvent.keyDown(document.body, { key: 'k', metaKey: true })
    const palette = await screen.findByRole('dialog', { name: 'Commands' })
    const field = within(palette).getByRole('combobox')
    fireEvent.change(field, { target: { value: 'disable api-key-a' } })
    fireEvent.keyDown(field, { key: 'Enter' })
    expect(await screen.findByRole('alertdialog', { name: 'Disable api-key-a?' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true })
    const again = await screen.findByRole('combobox', { name: 'Find a command' })
    fireEvent.change(again, { target: { value: 'create space' } })
    fireEvent.keyDown(again, { key: 'Enter' })
    expect(await screen.findByRole('dialog', { name: 'Create a SpaceONE key' })).toBeTruthy()
  })
})

describe('the key list from the keyboard', () => {
  beforeEach(() => {
    h = harness()
    h.api.keys.kept.mockResolvedValue([])
    h.stores.app.setState({ accounts: [space] })
    h.stores.keys.setState({
      byAccount: {
        s1: {
          keys: ['a', 'b', 'c'].map((id, i) =>
            key('s1', `api-key-${id}`, { provider: 'spaceone', createdAt: `2024-05-0${3 - i}T00:00:00Z` }),
          ),
          loading: false,
          fetchedAt: Date.now(),
          error: null,
          again: false,
        },
      },
    })
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('is one tab stop whose arrow keys move the active row, Space selects it and Enter opens its details', () => {
    h.view(<KeyList account={space} />)
    const grid = screen.getByRole('grid', { name: 'Keys of Space prod' })
    expect(grid.tabIndex).toBe(0)
    // Nothing inside a row takes a tab stop of its own.
    for (const row of within(grid).getAllByRole('row').slice(1))
      for (const el of row.querySelectorAll<HTMLElement>('button, input, a')) expect(el.tabIndex).toBe(-1)
    grid.focus()
    const activeRow = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '')
    expect(activeRow()?.textContent).toMatch(/api-key-a/)
    fireEvent.keyDown(grid, { key: 'ArrowDown' })
    expect(activeRow()?.textContent).toMatch(/api-key-b/)
    expect(h.stores.app.getState().active).toBe('s1/api-key-b')
    fireEvent.keyDown(grid, { key: ' ' })
    expect(h.stores.keys.getState().selected.has('s1/api-key-b')).toBe(true)
    fireEvent.keyDown(grid, { key: 'End' })
    expect(activeRow()?.textContent).toMatch(/api-key-c/)
    fireEvent.keyDown(grid, { key: 'Enter' })
    expect(screen.getByRole('heading', { name: 'api-key-c' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Close key details' }))
    expect(document.activeElement).toBe(grid)
  })

  it('selects with Shift from the row where Shift was first pressed to the row reached, and shrinks going back', () => {
    h.view(<KeyList account={space} />)
    const grid = screen.getByRole('grid', { name: 'Keys of Space prod' })
    grid.focus()
    const selected = () => [...h.stores.keys.getState().selected].sort()
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b'])
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b', 's1/api-key-c'])
    expect(screen.getByRole('row', { selected: true, name: /api-key-c/ })).toBeTruthy()
    // Back up: the range shrinks towards where Shift began.
    fireEvent.keyDown(grid, { key: 'ArrowUp', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b'])
    fireEvent.keyDown(grid, { key: 'Home', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a'])
    fireEvent.keyDown(grid, { key: 'End', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b', 's1/api-key-c'])
    // A plain arrow selects nothing, and ends the range: the next one starts where Shift is pressed again.
    act(() => h.stores.keys.setState({ selected: new Set() }))
    fireEvent.keyUp(grid, { key: 'Shift' })
    fireEvent.keyDown(grid, { key: 'ArrowUp' })
    expect(selected()).toEqual([])
    fireEvent.keyDown(grid, { key: 'ArrowUp', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b'])
  })

  it('keeps what was selected before a Shift range, even when the range shrinks over it', () => {
    h.view(<KeyList account={space} />)
    const grid = screen.getByRole('grid', { name: 'Keys of Space prod' })
    grid.focus()
    const selected = () => [...h.stores.keys.getState().selected].sort()
    fireEvent.keyDown(grid, { key: 'End' })
    fireEvent.keyDown(grid, { key: ' ' })
    fireEvent.keyDown(grid, { key: 'Home' })
    fireEvent.keyDown(grid, { key: 'End', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-b', 's1/api-key-c'])
    fireEvent.keyDown(grid, { key: 'Home', shiftKey: true })
    expect(selected()).toEqual(['s1/api-key-a', 's1/api-key-c'])
  })
})
