// Where the keyboard goes when a key list row's actions menu closes: back where it was before the menu opened.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { account, APP_INFO, harness, key, PREFERENCES, type Harness } from './fake-api'

const space = account('s1', 'spaceone', 'Space prod')
let h: Harness

const grid = (): HTMLElement => screen.getByRole('grid', { name: /Keys/ })
const activeRow = (): HTMLElement | null => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '')

describe("a key list row's actions menu and the keyboard", () => {
  beforeEach(async () => {
    h = harness()
    h.api.app.info.mockResolvedValue(APP_INFO)
    h.api.vault.status.mockResolvedValue({ state: 'available' })
    h.api.accounts.list.mockResolvedValue([space])
    h.api.settings.get.mockResolvedValue(PREFERENCES)
    h.api.settings.set.mockResolvedValue(PREFERENCES)
    h.api.propagation.list.mockResolvedValue([])
    h.api.rotation.list.mockResolvedValue([])
    h.api.keys.kept.mockResolvedValue([])
    h.api.keys.list.mockResolvedValue({
      accountId: 's1',
      keys: ['a', 'b', 'c'].map((id, i) =>
        key('s1', `api-key-${id}`, { provider: 'spaceone', createdAt: `2024-05-0${3 - i}T00:00:00Z` }),
      ),
      fetchedAt: new Date().toISOString(),
    })
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600)
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200)
    h.view(<App />)
    await screen.findByRole('button', { name: 'Actions for api-key-c' })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('opened with Shift+F10, gives the grid the keyboard back on Escape, and arrow keys move on', () => {
    grid().focus()
    fireEvent.keyDown(grid(), { key: 'F10', shiftKey: true })
    const menu = screen.getByRole('menu', { name: 'Actions for api-key-a' })
    expect(menu.contains(document.activeElement)).toBe(true)
    fireEvent.keyDown(menu, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(grid())
    expect(activeRow()?.textContent).toMatch(/api-key-a/)
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    expect(activeRow()?.textContent).toMatch(/api-key-b/)
  })

  it('opened with a click, gives its button the keyboard back on Escape, and arrow keys go on from that row', () => {
    const button = screen.getByRole('button', { name: 'Actions for api-key-b' })
    fireEvent.click(button)
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' })
    expect(document.activeElement).toBe(button)
    fireEvent.keyDown(button, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(grid())
    expect(activeRow()?.textContent).toMatch(/api-key-c/)
  })

  it('gives the grid the keyboard back, on the same row, when a dialog chosen from the menu closes', async () => {
    grid().focus()
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    fireEvent.keyDown(grid(), { key: 'ContextMenu' })
    fireEvent.click(screen.getByRole('menuitem', { name: 'Disable…' }))
    expect(await screen.findByRole('alertdialog', { name: 'Disable api-key-b?' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(document.activeElement).toBe(grid()))
    expect(activeRow()?.textContent).toMatch(/api-key-b/)
  })
})
