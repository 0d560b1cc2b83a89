import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { PREFERENCES, harness } from './fake-api'

afterEach(() => {
  vi.useRealTimers()
})

describe('preferences are written by their actions', () => {
  it('shows a theme at once and persists it through settings.set', async () => {
    const { api, stores, actions } = harness()
    api.settings.set.mockResolvedValue({ ...PREFERENCES, theme: 'dark' })
    actions.prefs.setTheme('dark')
    expect(stores.prefs.getState().theme).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    await vi.waitFor(() => expect(api.settings.set).toHaveBeenCalledWith({ theme: 'dark' }))
    expect(stores.prefs.getState().saveError).toBeNull()
  })

  it('saves the search once the user stops typing, with what was typed last', async () => {
    vi.useFakeTimers()
    const { api, stores, actions } = harness()
    api.settings.set.mockResolvedValue(PREFERENCES)
    actions.prefs.setList({ search: 'a' })
    actions.prefs.setList({ search: 'ab' })
    expect(stores.prefs.getState().list.search).toBe('ab')
    expect(api.settings.set).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(400)
    expect(api.settings.set).toHaveBeenCalledTimes(1)
    expect(api.settings.set).toHaveBeenCalledWith({ list: { ...PREFERENCES.list, search: 'ab' } })
  })

  it('says so when a preference could not be saved', async () => {
    const { api, stores, actions } = harness()
    api.settings.set.mockRejectedValue(new AppError('PERMISSION_DENIED', 'The settings file is read-only.'))
    await actions.prefs.save({ clipboardClearSec: 60 })
    expect(stores.prefs.getState().clipboardClearSec).toBe(60)
    expect(stores.prefs.getState().saveError).toMatch(/^Your preference was not saved: .*read-only/)
  })

  it('writes dragged column widths once the drag rests, and at once when the page goes', async () => {
    vi.useFakeTimers()
    const { api, stores, actions } = harness()
    api.settings.set.mockResolvedValue(PREFERENCES)
    for (const px of [150, 160, 170]) actions.prefs.setColumnWidths({ keyId: px })
    expect(stores.prefs.getState().columnWidths).toEqual({ keyId: 170 })
    await vi.advanceTimersByTimeAsync(399)
    expect(api.settings.set).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(api.settings.set.mock.calls).toEqual([[{ columnWidths: { keyId: 170 } }]])
    actions.prefs.setColumnWidths({ keyId: 170, name: 300 })
    window.dispatchEvent(new Event('pagehide'))
    expect(api.settings.set).toHaveBeenLastCalledWith({ columnWidths: { keyId: 170, name: 300 } })
    // The save left with the page: the timer does not write it a second time.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.settings.set).toHaveBeenCalledTimes(2)
  })
})

describe('a drag that ends', () => {
  it('writes its width at once, once, and a later pagehide writes nothing more', async () => {
    vi.useFakeTimers()
    const { api, actions } = harness()
    api.settings.set.mockResolvedValue(PREFERENCES)
    actions.prefs.setColumnWidths({ keyId: 210 })
    actions.prefs.saveColumnWidths()
    expect(api.settings.set.mock.calls).toEqual([[{ columnWidths: { keyId: 210 } }]])
    window.dispatchEvent(new Event('pagehide'))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(api.settings.set).toHaveBeenCalledTimes(1)
  })

  it('with nothing changed since the last write, writes nothing', () => {
    const { api, actions } = harness()
    actions.prefs.saveColumnWidths()
    expect(api.settings.set).not.toHaveBeenCalled()
  })

  it('still saves the search when the page goes before the search has rested', () => {
    vi.useFakeTimers()
    const { api, actions } = harness()
    api.settings.set.mockResolvedValue(PREFERENCES)
    actions.prefs.setList({ search: 'nightly' })
    window.dispatchEvent(new Event('pagehide'))
    expect(api.settings.set).toHaveBeenCalledWith({ list: { ...PREFERENCES.list, search: 'nightly' } })
  })
})

describe('column widths from the settings file', () => {
  it('are the ones that are widths of columns: a damaged or hand-edited entry is left out', async () => {
    const { api, stores } = harness()
    api.settings.get.mockResolvedValue({
      ...PREFERENCES,
      columnWidths: { keyId: 180, name: -5, account: 1e9, state: 12.5, flags: '90', 'x y': 100, createdAt: 120 },
    } as unknown as typeof PREFERENCES)
    await stores.prefs.getState().load()
    expect(stores.prefs.getState().columnWidths).toEqual({ keyId: 180, createdAt: 120 })
  })

  it('are not crowded out by junk entries before them', async () => {
    const { api, stores } = harness()
    const junk = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`junk${'x'.repeat(i)}`, -1]))
    api.settings.get.mockResolvedValue({
      ...PREFERENCES,
      columnWidths: { ...junk, keyId: 180 },
    })
    await stores.prefs.getState().load()
    expect(stores.prefs.getState().columnWidths).toEqual({ keyId: 180 })
  })

  it('are none in a file written before they were kept, or when they are not a record', async () => {
    const { api, stores } = harness()
    api.settings.get.mockResolvedValue(PREFERENCES)
    await stores.prefs.getState().load()
    expect(stores.prefs.getState().columnWidths).toEqual({})
    api.settings.get.mockResolvedValue({ ...PREFERENCES, columnWidths: [200] } as unknown as typeof PREFERENCES)
    await stores.prefs.getState().load()
    expect(stores.prefs.getState().columnWidths).toEqual({})
  })
})
