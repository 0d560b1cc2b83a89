// Any failure → words for the user. AppError messages from the core already say what to do.
import { AppError, type ErrorCode } from '../../../shared/errors'

export interface Problem {
  readonly code: ErrorCode
  readonly message: string
  readonly retryable: boolean
}

export function toProblem(err: unknown): Problem {
  if (err instanceof AppError) return { code: err.code, message: err.message, retryable: err.retryable }
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside KeyDesk. Try again; if it persists, restart the app.',
    retryable: true,
  }
}
