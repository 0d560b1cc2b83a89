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
})
