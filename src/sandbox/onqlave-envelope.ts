// Onqlave's `{"data","error"}` envelope (onqlave.md §1, §5), shared by the management and data planes.
import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import { HttpError, type Reply } from './http'
import type { FailureKind } from './service'
import type { OnqlaveKey } from './state'

export type KeyStatus = 'pending' | 'active' | 'disabled' | 'deleted' | 'failed'

/** Status follows from timestamps and the clock, so nothing has to run when a delay ends. */
export function statusOf(key: OnqlaveKey, now: number): KeyStatus {
  if (key.deletedAt !== null) return now >= key.deletedAt ? 'deleted' : 'pending'
  if (now < key.readyAt) return 'pending'
  return key.fails ? 'failed' : 'active'
}

export function ok(data: unknown): Reply {
  // A success still carries a zero-valued error, as the real service does.
  return { status: 200, body: { data, error: { code: 0, status: '', message: '', correlation_id: '', details: [] } } }
}

export function onqlaveError(status: number, message: string): HttpError {
  return new HttpError(status, String(status), message)
}

export function envelope(error: HttpError): Reply {
  const body = {
    error: {
      code: error.status,
      status: STATUS_CODES[error.status] ?? '',
      message: error.message,
      correlation_id: randomUUID(),
      details: [],
    },
  }
  return { status: error.status, body }
}

export function failure(kind: FailureKind): Reply {
  switch (kind) {
    case 'too-large':
      return envelope(onqlaveError(413, 'request body too large'))
    case 'unavailable':
      return envelope(onqlaveError(503, 'service unavailable'))
    case 'internal':
      return envelope(onqlaveError(500, 'internal error'))
  }
}

/** Runs a handler and renders its HttpError, if any, in the envelope. */
export async function rendered(run: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof HttpError) return envelope(error)
    throw error
  }
}
