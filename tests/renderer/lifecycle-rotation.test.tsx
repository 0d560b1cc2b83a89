import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import type { Rotation } from '../../src/shared/model'
import { account, createFakeApi, harness } from './fake-api'

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
