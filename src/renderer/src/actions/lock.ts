// The app lock from the renderer: unlock, lock now, the passphrase and idle time, and the gate that asks the user to
// unlock when a request for a kept secret met the lock, then sends it once more.
import type { AppApi, RequestInput } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import type { Stores } from '../store/stores'

export function createLockActions(api: AppApi, stores: Stores) {
  const lock = stores.lock
  const ask = (why: string): Promise<boolean> => lock.getState().ask(why)
  return {
    ask,
    /** A wrong passphrase rejects with the core's words and leaves the prompt open. */
    unlock: async (passphrase: string): Promise<void> => {
      lock.getState().set(await api.lock.unlock({ passphrase }))
      lock.getState().close()
    },
    cancel: (): void => lock.getState().close(),
    lockNow: async (): Promise<void> => {
      lock.getState().set(await api.lock.lock())
    },
    /** Sets, changes or (passphrase null) removes the passphrase; the status read back says what holds now. */
    configure: async (input: RequestInput<'lock.setPassphrase'>): Promise<void> => {
      lock.getState().set(await api.lock.setPassphrase(input))
    },
    whenUnlocked: async <T>(why: string, work: () => Promise<T>): Promise<T> => {
      try {
        return await work()
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'LOCKED') throw err
        if (!(await ask(why))) throw err
        return work()
      }
    },
  }
}

export type LockActions = ReturnType<typeof createLockActions>
