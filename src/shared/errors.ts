// AppError crosses every boundary (IPC, HTTP host) as plain data: { code, message, accountId?, retryable }.

export const ERROR_CODES = [
  'AUTH_FAILED',
  'PERMISSION_DENIED',
  'KEYCHAIN_UNAVAILABLE',
  'NETWORK',
  'TIMEOUT',
  'NOT_FOUND',
  'LIMIT_REACHED',
  'INVALID_INPUT',
  'CONFLICT',
  'NOT_SUPPORTED',
  'PROVIDER_ERROR',
  'UNTRUSTED_SENDER',
  'LOCKED',
  'INTERNAL',
  /** The user cancelled a long request (Test connection, Save). */
  'CANCELLED',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorData {
  readonly code: ErrorCode
  readonly message: string
  readonly accountId?: string
  readonly retryable: boolean
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['NETWORK', 'TIMEOUT'])

export class AppError extends Error {
  readonly code: ErrorCode
  readonly accountId?: string
  readonly retryable: boolean

  constructor(code: ErrorCode, message: string, opts: { accountId?: string; retryable?: boolean } = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.accountId = opts.accountId
    this.retryable = opts.retryable ?? RETRYABLE.has(code)
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.accountId ? { accountId: this.accountId } : {}),
    }
  }
}

/**
 * The request may have reached the service: it timed out, the connection broke, or a gateway gave up on it. Read
 * alike from an AppError (core) and from its data (renderer), so both sides draw the line in the same place.
 */
export function outcomeUnknown(e: Pick<AppErrorData, 'code' | 'retryable'>): boolean {
  return e.code === 'TIMEOUT' || e.code === 'NETWORK' || (e.code === 'PROVIDER_ERROR' && e.retryable)
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Any thrown value → the wire shape. Unknown errors never leak their message: it may hold a secret. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData()
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside KeyDesk. Try again; if it persists, restart the app.',
    retryable: false,
  }
}

export function fromErrorData(data: unknown): AppError {
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>
    if (isErrorCode(d.code) && typeof d.message === 'string') {
      return new AppError(d.code, d.message, {
        accountId: typeof d.accountId === 'string' ? d.accountId : undefined,
        retryable: typeof d.retryable === 'boolean' ? d.retryable : undefined,
      })
    }
  }
  return new AppError('INTERNAL', 'KeyDesk received an unreadable error.')
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`)
}
