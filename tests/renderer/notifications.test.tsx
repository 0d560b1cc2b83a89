import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppInfo } from '../../src/shared/api'
import type { Propagation } from '../../src/shared/model'
import { startNotes } from '../../src/renderer/src/actions/notes'
import { Notifications } from '../../src/renderer/src/features/notifications/Notifications'
import { APP_INFO, createFakeApi, harness, type Harness } from './fake-api'

const api = createFakeApi()
let h: Harness
let stop: () => void = () => undefined

/** A stand-in for the browser's Notification constructor, recording what was shown. */
function fakeNotification(initial: NotificationPermission) {
  const shown: { title: string; body?: string }[] = []
  const ctor = Object.assign(
    function (this: unknown, title: string, opts?: NotificationOptions) {
      shown.push({ title, body: opts?.body })
    },
    {
      permission: initial,
      requestPermission: vi.fn(() => {
        ctor.permission = 'granted'
        return Promise.resolve('granted' as const)
      }),
    },
  )
  vi.stubGlobal('Notification', ctor)
  return { ctor, shown }
}

const propagating: Propagation = {
  accountId: 'a1',
  keyId: 'api-key-1',
  op: 'disable',
  requestedAt: '2026-11-30T06:00:00.000Z',
  settleBy: '2026-11-30T06:10:00.000Z',
  state: 'propagating',
}

function show(host: AppInfo['host']): void {
  h.stores.app.setState({ info: { ...APP_INFO, host } })
  stop = startNotes(api as never, h.stores)
  h.view(<Notifications />)
}

describe('notifications', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
  })
  afterEach(() => {
    stop()
    cleanup()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('lists a settled change in the app, counted as new until the list is opened', () => {
    fakeNotification('denied')
    show('browser')
    act(() =>
      api.emit('notify', {
        title: 'Key api-key-1 disabled',
        body: 'Demo SpaceONE: it no longer authenticates.',
        outcome: 'settled',
      }),
    )
    const button = screen.getByRole('button', { name: /Notifications/ })
    expect(button.textContent).toContain('1 new')
    fireEvent.click(button)
    const panel = screen.getByRole('region', { name: 'Notifications' })
    expect(within(panel).getByText('Key api-key-1 disabled')).toBeTruthy()
    expect(within(panel).getByText('Demo SpaceONE: it no longer authenticates.')).toBeTruthy()
    expect(within(panel).getByText('just now')).toBeTruthy()
    expect(button.textContent).not.toContain('new')
  })

  it('closes the list with Escape from anywhere and gives focus back to its button', () => {
    fakeNotification('denied')
    show('browser')
    const button = screen.getByRole('button', { name: /Notifications/ })
    fireEvent.click(button)
    const panel = screen.getByRole('region', { name: 'Notifications' })
    expect(document.activeElement).toBe(panel)
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull()
    expect(document.activeElement).toBe(button)
  })

  it('offers system notifications when a change starts propagating, and asks the browser only on a click', async () => {
    const { ctor } = fakeNotification('default')
    show('browser')
    expect(screen.queryByRole('region', { name: 'System notifications' })).toBeNull()
    act(() => api.emit('propagation.updated', { records: [propagating] }))
    const offer = screen.getByRole('region', { name: 'System notifications' })
    expect(ctor.requestPermission).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(within(offer).getByRole('button', { name: 'Notify me' })))
    expect(ctor.requestPermission).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('region', { name: 'System notifications' })).toBeNull()
  })

  it('does not offer again this session after "Not now"', () => {
    fakeNotification('default')
    show('browser')
    act(() => api.emit('propagation.updated', { records: [propagating] }))
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }))
    act(() => api.emit('propagation.updated', { records: [propagating] }))
    expect(screen.queryByRole('region', { name: 'System notifications' })).toBeNull()
  })

  it('shows a system notification in the browser host when permitted and KeyDesk is not in front', () => {
    const { shown } = fakeNotification('granted')
    const focused = vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    show('browser')
    act(() =>
      api.emit('notify', { title: 'Disable of api-key-1 failed', body: 'Demo: still enabled.', outcome: 'failed' }),
    )
    expect(shown).toEqual([{ title: 'Disable of api-key-1 failed', body: 'Demo: still enabled.' }])
    focused.mockReturnValue(true)
    act(() => api.emit('notify', { title: 'Key api-key-2 deleted', body: 'Demo: gone.', outcome: 'settled' }))
    expect(shown).toHaveLength(1)
  })

  it('leaves system notifications to the desktop shell in Electron, and never offers them there', () => {
    const { shown } = fakeNotification('default')
    vi.spyOn(document, 'hasFocus').mockReturnValue(false)
    show('electron')
    act(() => api.emit('propagation.updated', { records: [propagating] }))
    act(() => api.emit('notify', { title: 'Key api-key-1 disabled', body: 'Demo.', outcome: 'settled' }))
    expect(screen.queryByRole('region', { name: 'System notifications' })).toBeNull()
    expect(shown).toEqual([])
    expect(screen.getByRole('button', { name: /Notifications/ }).textContent).toContain('1 new')
  })
})
