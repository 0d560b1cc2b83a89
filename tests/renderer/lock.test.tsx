// The app lock in the renderer: a kept secret asked for while locked opens the unlock prompt and goes on after the
// right passphrase; a wrong one shows the core's words; the top bar and Settings say what the core read back.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { LockButton } from '../../src/renderer/src/features/lock/LockButton'
import { LockSettings } from '../../src/renderer/src/features/lock/LockSettings'
import { UnlockDialog } from '../../src/renderer/src/features/lock/UnlockDialog'
import { harness, type Harness } from './fake-api'

let h: Harness
const LOCKED = { enabled: true, locked: true, idleMinutes: 5 }
const UNLOCKED = { enabled: true, locked: false, idleMinutes: 5 }
const OFF = { enabled: false, locked: false, idleMinutes: 0 }
const kept = { accountId: 'a1', keyId: 'k1' }
const lockedError = (): AppError => new AppError('LOCKED', 'KeyDesk is locked: unlock it to use kept keys.')

function enter(label: RegExp | string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('the app lock in the renderer', () => {
  beforeEach(() => {
    h = harness()
    h.stores.lock.getState().set(LOCKED)
  })
  afterEach(cleanup)

  it('asks to unlock when a kept secret is copied while locked, then copies it', async () => {
    h.api.keys.copySecret.mockRejectedValueOnce(lockedError()).mockResolvedValueOnce({ clearsInSec: 30 })
    h.api.lock.unlock.mockResolvedValue(UNLOCKED)
    h.view(<UnlockDialog />)
    let said: Promise<string> = Promise.resolve('')
    act(() => {
      said = h.actions.secrets.copy(kept, 'API key')
    })
    await screen.findByText('Copying a kept secret needs KeyDesk unlocked.')
    enter('App passphrase', 'correct horse')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })))
    expect(await said).toBe('Copied — clears in 30 s')
    expect(h.api.lock.unlock).toHaveBeenCalledWith({ passphrase: 'correct horse' })
    expect(h.api.keys.copySecret).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('asks to unlock when a kept key is tried while locked, then tries it', async () => {
    h.api.keys.try.mockRejectedValueOnce(lockedError()).mockResolvedValueOnce({ ok: true, message: 'accepted' })
    h.api.lock.unlock.mockResolvedValue(UNLOCKED)
    h.view(<UnlockDialog />)
    let tried: Promise<unknown> = Promise.resolve(null)
    act(() => {
      tried = h.actions.secrets.try(kept)
    })
    await screen.findByText('Trying a kept key needs KeyDesk unlocked.')
    enter('App passphrase', 'correct horse')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })))
    expect(await tried).toEqual({ ok: true, message: 'accepted' })
    expect(h.api.keys.try).toHaveBeenCalledTimes(2)
  })

  it('keeps the prompt open with the core’s words after a wrong passphrase, and gives up when the user stays locked', async () => {
    h.api.keys.export.mockRejectedValue(lockedError())
    h.api.lock.unlock.mockRejectedValue(new AppError('AUTH_FAILED', 'That passphrase is not the one set for KeyDesk.'))
    h.view(<UnlockDialog />)
    let outcome: Promise<unknown> = Promise.resolve()
    act(() => {
      outcome = h.actions.secrets
        .export(kept, { id: 'json', fileName: 'k.json', label: 'JSON' })
        .catch((e: unknown) => e)
    })
    await screen.findByText('Exporting a kept secret needs KeyDesk unlocked.')
    enter('App passphrase', 'wrong one')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Unlock' })))
    expect(screen.getByRole('alert').textContent).toContain('not the one set for KeyDesk')
    expect(screen.getByLabelText<HTMLInputElement>('App passphrase').value).toBe('')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stay locked' })))
    expect(((await outcome) as AppError).code).toBe('LOCKED')
    expect(h.api.keys.export).toHaveBeenCalledTimes(1)
  })

  it('the top bar says locked and unlocks through the prompt, locks on demand, and is absent with the lock off', async () => {
    h.api.lock.lock.mockResolvedValue(LOCKED)
    const { rerender } = h.view(<LockButton />)
    fireEvent.click(screen.getByRole('button', { name: /Locked — Unlock/ }))
    expect(h.stores.lock.getState().prompt).toBe('')
    act(() => h.stores.lock.getState().set(UNLOCKED))
    expect(h.stores.lock.getState().prompt).toBeNull()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Lock now/ })))
    expect(h.api.lock.lock).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: /Locked — Unlock/ })).toBeTruthy()
    act(() => h.stores.lock.getState().set(OFF))
    rerender(<LockButton />)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('follows lock.changed from the core', async () => {
    h.api.lock.status.mockResolvedValue(UNLOCKED)
    const stop = h.actions.startSync()
    try {
      await waitFor(() => expect(h.stores.lock.getState().status).toEqual(UNLOCKED))
      act(() => h.api.emit('lock.changed', LOCKED))
      expect(h.stores.lock.getState().status).toEqual(LOCKED)
    } finally {
      stop()
    }
  })
})

describe('Settings → App lock', () => {
  beforeEach(() => {
    h = harness()
  })
  afterEach(cleanup)

  it('turns the lock on only with two equal passphrases of 8+ characters, and says what the core read back', async () => {
    h.stores.lock.getState().set(OFF)
    h.api.lock.setPassphrase.mockResolvedValue({ enabled: true, locked: false, idleMinutes: 30 })
    h.view(<LockSettings />)
    expect(screen.getByRole('status').textContent).toBe('The lock is off.')
    const turnOn = screen.getByRole('button', { name: 'Turn the lock on' })
    enter('Passphrase', 'short')
    enter('Repeat it', 'short')
    expect(screen.getByRole('alert').textContent).toBe('Use at least 8 characters.')
    enter('Passphrase', 'correct horse')
    enter('Repeat it', 'correct hors')
    expect(screen.getByRole('alert').textContent).toBe('The two new passphrases differ.')
    expect(turnOn).toHaveProperty('disabled', true)
    enter('Repeat it', 'correct horse')
    fireEvent.change(screen.getByLabelText('Lock after'), { target: { value: '30' } })
    await act(async () => fireEvent.click(turnOn))
    expect(h.api.lock.setPassphrase).toHaveBeenCalledWith({ passphrase: 'correct horse', idleMinutes: 30 })
    expect(screen.getByRole('status').textContent).toBe('The lock is on: KeyDesk locks after 30 minutes without use.')
    expect(screen.getByLabelText<HTMLInputElement>(/New passphrase/).value).toBe('')
  })

  it('changes the idle time or turns the lock off with the current passphrase, and shows a refusal', async () => {
    h.stores.lock.getState().set(UNLOCKED)
    h.api.lock.setPassphrase
      .mockRejectedValueOnce(new AppError('AUTH_FAILED', 'That passphrase is not the one set for KeyDesk.'))
      .mockResolvedValueOnce({ enabled: true, locked: false, idleMinutes: 60 })
      .mockResolvedValueOnce(OFF)
    h.view(<LockSettings />)
    expect(screen.getByRole('button', { name: 'Turn the lock off' })).toHaveProperty('disabled', true)
    enter('Current passphrase', 'not it at all')
    fireEvent.change(screen.getByLabelText('Lock after'), { target: { value: '60' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save lock settings' })))
    expect(screen.getByRole('alert').textContent).toContain('not the one set for KeyDesk')
    expect(screen.getByRole('status').textContent).toBe('The lock is on: KeyDesk locks after 5 minutes without use.')
    enter('Current passphrase', 'correct horse')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save lock settings' })))
    expect(h.api.lock.setPassphrase).toHaveBeenLastCalledWith({
      passphrase: 'correct horse',
      current: 'correct horse',
      idleMinutes: 60,
    })
    expect(screen.getByRole('status').textContent).toBe('The lock is on: KeyDesk locks after 1 hour without use.')
    enter('Current passphrase', 'correct horse')
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Turn the lock off' })))
    expect(h.api.lock.setPassphrase).toHaveBeenLastCalledWith({
      passphrase: null,
      current: 'correct horse',
      idleMinutes: 60,
    })
    expect(screen.getByRole('status').textContent).toBe('The lock is off.')
  })
})
