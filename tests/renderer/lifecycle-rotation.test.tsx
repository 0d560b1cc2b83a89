import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { Rotation } from '../../src/shared/model'
import { account, createFakeApi, harness } from './fake-api'

import { KeyActionDialogs } from '../../src/renderer/src/features/lifecycle/KeyActionDialogs'
import { RotationBanner } from '../../src/renderer/src/features/lifecycle/RotationBanner'
import { SlotsContext } from '../../src/renderer/src/components/slots'
const NONE = (): null => null
const DEFAULT_SLOTS = { KeyActions: NONE, KeyActionsMenu: NONE, CreateKey: NONE, Reveal: NONE }
const api = createFakeApi()
let h = harness(api)

const space = account('s1', 'spaceone', 'Space prod')
const waiting: Rotation = {
  id: 'r1',
  accountId: 's1',
  oldKeyId: 'api-key-old',
  newKeyId: 'api-key-new',
  step: 'wait',
  startedAt: '2024-05-01T00:00:00Z',
  ownCredential: true,
}

describe('rotations in progress', () => {
  beforeEach(() => {
    api.reset()
    h = harness(api)
    h.stores.app.setState({ accounts: [space] })
  })
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it('lists a rotation left mid-way and resumes its checklist at the current step', async () => {
    api.rotation.list.mockResolvedValue([waiting, { ...waiting, id: 'r2', oldKeyId: 'api-key-gone', step: 'done' }])
    api.rotation.advance.mockRejectedValue(
      new AppError('CONFLICT', 'api-key-old may still authenticate until 12:10 (about 3 more minutes).'),
    )
    await act(() => h.stores.rotations.getState().load())
    h.view(<RotationBanner />)
    const banner = await screen.findByRole('region', { name: 'Rotations in progress' })
    expect(banner.textContent).toMatch(/Rotating api-key-old in Space prod — next: wait for the disable to take effect/)
    expect(banner.textContent).not.toMatch(/api-key-gone/)
    fireEvent.click(screen.getByRole('button', { name: 'Resume rotating api-key-old' }))
    const steps = await screen.findByRole('list', { name: 'Rotation steps' })
    const current = steps.querySelector('[aria-current="step"]')
    expect(current?.textContent).toMatch(/Wait for the disable to take effect/)
    expect(steps.querySelectorAll('.step-done')).toHaveLength(3)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Continue' }))
    })
    expect((await screen.findByRole('alert')).textContent).toMatch(/may still authenticate until/)
  })

  it('ends a rotation cancelled before its new key was made, so no banner says it is under way', async () => {
    const creating: Rotation = { ...waiting, step: 'create', newKeyId: undefined }
    api.rotation.list.mockResolvedValueOnce([creating]).mockResolvedValue([])
    api.rotation.cancel.mockResolvedValue(undefined)
    await act(() => h.stores.rotations.getState().load())
    const CreateFlow = ({ onCancel }: { onCancel: () => void }) => (
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    )
    h.view(
      <SlotsContext.Provider value={{ ...DEFAULT_SLOTS, CreateFlow }}>
        <RotationBanner />
      </SlotsContext.Provider>,
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    })
    expect(api.rotation.cancel).toHaveBeenCalledWith({ id: 'r1' })
    expect(screen.queryByRole('region', { name: 'Rotations in progress' })).toBeNull()
  })

  /** The banner and the per-key toasts, with a create step that has only its Cancel and a create that never ends. */
  const CreateFlow = ({ onCancel, onRunning }: { onCancel: () => void; onRunning?: (running: boolean) => void }) => (
    <>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="button" onClick={() => onRunning?.(true)}>
        Create key
      </button>
    </>
  )
  const atCreate = (r: Rotation) => {
    api.rotation.list.mockResolvedValue([r])
    h.view(
      <SlotsContext.Provider value={{ ...DEFAULT_SLOTS, CreateFlow }}>
        <RotationBanner />
        <KeyActionDialogs />
      </SlotsContext.Provider>,
    )
    return act(() => h.stores.rotations.getState().load())
  }
  const sentAt = new Date(Date.now() - 5 * 60_000).toISOString()
  const creating: Rotation = { ...waiting, step: 'create', newKeyId: undefined }

  it('asks before stopping once a create was sent whose answer was lost, and says where its key will show', async () => {
    await atCreate({ ...creating, createSent: { requestId: 'req-1', at: sentAt }, createUnconfirmed: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(api.rotation.cancel).not.toHaveBeenCalled()
    const question = screen.getByRole('group', { name: 'Stop the rotation?' })
    expect(question.textContent).toMatch(/the answer was lost, so a new key may exist/)
    expect(question.textContent).toMatch(/it shows in Space prod's key list and KeyDesk tells you in its notifications/)
    // The time in words (today's clock time, or the date), never the ISO string.
    expect(question.textContent).toMatch(/asked for its replacement at \S.*, and the answer was lost/)
    expect(question.textContent).not.toMatch(/nothing/i)
    expect(question.textContent).not.toContain(sentAt)

    fireEvent.click(screen.getByRole('button', { name: 'Keep going' }))
    expect(screen.queryByRole('group', { name: 'Stop the rotation?' })).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Rotate api-key-old' })).toBeTruthy()
    expect(api.rotation.cancel).not.toHaveBeenCalled()

    api.rotation.cancel.mockResolvedValue(undefined)
    api.rotation.list.mockResolvedValue([])
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Stop rotation' }))
    })
    expect(api.rotation.cancel).toHaveBeenCalledWith({ id: 'r1' })
    expect(screen.queryByRole('region', { name: 'Rotations in progress' })).toBeNull()
  })

  it('asks too when a sent create failed, without claiming no key exists', async () => {
    await atCreate({ ...creating, createSent: { requestId: 'req-1', at: sentAt } })
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(api.rotation.cancel).not.toHaveBeenCalled()
    const words = screen.getByRole('group', { name: 'Stop the rotation?' }).textContent
    expect(words).toMatch(/this rotation has no new key from it/)
    expect(words).toMatch(/If the service made one anyway, it shows in Space prod's key list/)
    expect(words).toMatch(/Stopping keeps whatever was made, and api-key-old stays as it is/)
  })

  it('drops the question when a create starts, so stopping cannot close the dialog its secret comes back to', async () => {
    await atCreate({ ...creating, createSent: { requestId: 'req-1', at: sentAt } })
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('group', { name: 'Stop the rotation?' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }))
    expect(screen.queryByRole('group', { name: 'Stop the rotation?' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Stop rotation' })).toBeNull()
  })

  it('tells a failed stop in a toast and keeps showing the rotation in progress', async () => {
    await atCreate(creating)
    api.rotation.cancel.mockRejectedValue(new AppError('INTERNAL', 'The settings file could not be written.'))
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    })
    expect(api.rotation.cancel).toHaveBeenCalledWith({ id: 'r1' })
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Could not stop rotating api-key-old; it is still in progress: The settings file could not be written\./,
    )
    expect(screen.getByRole('region', { name: 'Rotations in progress' }).textContent).toMatch(/Rotating api-key-old/)
  })

  it('takes a stop the core no longer knows as done: another window ended that rotation', async () => {
    await atCreate(creating)
    api.rotation.cancel.mockRejectedValue(new AppError('NOT_FOUND', 'That rotation is no longer in progress.'))
    api.rotation.list.mockResolvedValue([])
    fireEvent.click(await screen.findByRole('button', { name: 'Resume rotating api-key-old' }))
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Rotations in progress' })).toBeNull()
  })

  it('follows rotation.updated events, so another window’s progress shows here', async () => {
    api.rotation.list.mockResolvedValue([])
    const stop = h.actions.startSync()
    h.view(<RotationBanner />)
    await act(async () => undefined)
    expect(screen.queryByRole('region', { name: 'Rotations in progress' })).toBeNull()
    act(() => api.emit('rotation.updated', { rotations: [{ ...waiting, step: 'delete' }] }))
    expect(screen.getByRole('region', { name: 'Rotations in progress' }).textContent).toMatch(
      /next: delete the old key/,
    )
    stop()
  })
})
