// A create is never retried blindly: when its outcome is unknown, a fresh listing tells whether the key exists.
import { AppError } from '../../shared/errors'
import type { KeyRecord } from '../../shared/model'
import type { CreateResult } from './provider'

export interface ReconcileSteps {
  readonly list: () => Promise<KeyRecord[]>
  readonly create: () => Promise<CreateResult>
}

export async function createWithReconcile(steps: ReconcileSteps): Promise<CreateResult> {
  const before = new Set((await steps.list()).map((k) => k.keyId))
  try {
    return await steps.create()
  } catch (err) {
    if (!outcomeUnknown(err)) throw err
    const unknown = err
    let after: KeyRecord[]
    try {
      after = await steps.list()
    } catch {
      // Neither the create nor a listing answered: creating again might make a second key.
      throw new AppError(
        unknown.code,
        `${unknown.message} KeyDesk cannot tell whether the key was created: refresh the list ` +
          'and check before creating again.',
        { accountId: unknown.accountId, retryable: false },
      )
    }
    const fresh = after.filter((k) => !before.has(k.keyId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const found = fresh.at(-1)
    if (!found) throw err
    return { key: found, reconciled: true }
  }
}

/** The request may have reached the service: it timed out, the connection broke, or a gateway gave up on it. */
function outcomeUnknown(err: unknown): err is AppError {
  if (!(err instanceof AppError)) return false
  return err.code === 'TIMEOUT' || err.code === 'NETWORK' || (err.code === 'PROVIDER_ERROR' && err.retryable)
}
