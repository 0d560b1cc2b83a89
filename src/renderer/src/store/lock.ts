// The app lock as the core reports it, and the unlock prompt: open when the user asks or when a request for a kept
// secret met the lock; whoever waits on it hears whether the user unlocked or gave up.
import { createStore } from 'zustand/vanilla'
import type { AppApi, LockStatus } from '../../../shared/api'

export interface LockState {
  readonly status: LockStatus | null
  /** Open prompt: why it asks ('' when the user opened it), or null when closed. */
  readonly prompt: string | null
  readonly waiting: readonly ((unlocked: boolean) => void)[]
  readonly load: () => Promise<void>
  readonly set: (status: LockStatus) => void
  /** Opens the prompt; resolves true once unlocked, false if the user closes it first. */
  readonly ask: (why: string) => Promise<boolean>
  /** Closes the prompt: everyone waiting hears whether the app is unlocked now. */
  readonly close: () => void
}

export function createLockStore(api: AppApi) {
  return createStore<LockState>((set, get) => ({
    status: null,
    prompt: null,
    waiting: [],
    load: async () => {
      get().set(await api.lock.status())
    },
    set: (status) => {
      set({ status })
      // Unlocked elsewhere (another window, the idle timer reset by a restart): whoever waited may go on.
      if (!status.locked && get().prompt !== null) get().close()
    },
    ask: (why) =>
      new Promise<boolean>((resolve) => {
        set((s) => ({ prompt: s.prompt ?? why, waiting: [...s.waiting, resolve] }))
      }),
    close: () => {
      const unlocked = get().status?.locked === false
      const waiting = get().waiting
      set({ prompt: null, waiting: [] })
      for (const w of waiting) w(unlocked)
    },
  }))
}
