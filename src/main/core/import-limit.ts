// An import's bounds: each account is checked with its service, so a long file on a slow network could run for an
// hour. It stops at the user's cancel or after IMPORT_LIMIT_MS on the core's clock, and says which accounts it left.
import type { ImportStop } from './account-files'
import type { Clock } from './ports'

export const IMPORT_LIMIT_MS = 3 * 60_000

export async function withImportLimit<T>(
  clock: Clock,
  cancel: AbortSignal | undefined,
  run: (stop: ImportStop) => Promise<T>,
): Promise<T> {
  const controller = new AbortController()
  let reason = 'Not added: you cancelled the import.'
  const timer = clock.setTimeout(() => {
    reason =
      `Not added: the import stopped after ${IMPORT_LIMIT_MS / 60_000} minutes. Import the file again for the ` +
      'rest; the accounts already added are skipped.'
    controller.abort()
  }, IMPORT_LIMIT_MS)
  const onCancel = (): void => controller.abort()
  if (cancel?.aborted) controller.abort()
  cancel?.addEventListener('abort', onCancel)
  try {
    return await run({ signal: controller.signal, reason: () => reason })
  } finally {
    clock.clearTimeout(timer)
    cancel?.removeEventListener('abort', onCancel)
  }
}
