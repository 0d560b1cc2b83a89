// Documented exit codes (README "Exit codes"): one per class of failure a script can act on.
import { assertNever, type ErrorCode } from '../shared/errors'

export const EXIT = {
  ok: 0,
  /** Something unexpected inside KeyDesk. */
  internal: 1,
  /** A usage mistake or invalid input: unknown option or account, missing standard input, a file that is not what it claims. */
  usage: 2,
  /** The service refused the credential, or its role may not do this. */
  auth: 3,
  /** The OS keychain is unavailable or locked, or KeyDesk itself is locked. */
  keychain: 4,
  /** The service could not be reached, did not answer in time, or `wait` ran out of time. */
  network: 5,
  /** The service refused the request (its own error, a limit, something it does not support). */
  service: 6,
  /** `wait`: the pending change failed. */
  changeFailed: 7,
  /** The confirmation was declined: nothing changed. */
  declined: 10,
} as const

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
      return EXIT.usage
    case 'AUTH_FAILED':
    case 'PERMISSION_DENIED':
    case 'UNTRUSTED_SENDER':
      return EXIT.auth
    case 'KEYCHAIN_UNAVAILABLE':
    case 'LOCKED':
      return EXIT.keychain
    case 'NETWORK':
    case 'TIMEOUT':
      return EXIT.network
    case 'PROVIDER_ERROR':
    case 'LIMIT_REACHED':
    case 'NOT_SUPPORTED':
      return EXIT.service
    case 'INTERNAL':
      return EXIT.internal
    case 'CANCELLED':
      return EXIT.declined
    default:
      return assertNever(code)
  }
}

/** An ending that is not an AppError from the core: a usage mistake, a declined prompt, a failed wait. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
    readonly code = 'USAGE',
  ) {
    super(message)
  }
}
