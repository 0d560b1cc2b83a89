// Wire failures → AppError, by HTTP status first (providers/README.md "Errors"). Adapters add their own codes on top.
import { AppError } from '../../shared/errors'
import type { Account } from '../../shared/model'
import { printable } from '../../shared/printable'

export interface Failure {
  readonly status: number
  /** The service's own message, if its error envelope could be read. */
  readonly message?: string
}

export interface FailureContext {
  readonly account: Account
  /** The service's name, e.g. "SpaceONE". */
  readonly service: string
  /** What the caller lacks permission to do, e.g. "manage API keys". */
  readonly permission: string
  /** What a 404 means is gone, e.g. "API key api-key-…". */
  readonly subject?: string
}

export function failureError(f: Failure, ctx: FailureContext): AppError {
  const accountId = ctx.account.id
  const said = f.message ? `: ${serviceWords(f.message)}` : ''
  const label = ctx.account.label
  if (f.status === 401) {
    return new AppError('AUTH_FAILED', `The credential for ${label} was rejected: sign in again or re-enter it.`, {
      accountId,
    })
  }
  if (f.status === 403) {
    return new AppError(
      'PERMISSION_DENIED',
      `${label} is not allowed to ${ctx.permission} (${ctx.service} said${said || ': permission denied'}). Ask an administrator for that permission.`,
      { accountId },
    )
  }
  if (f.status === 404) {
    return new AppError('NOT_FOUND', `${ctx.subject ?? 'The item'} is gone from ${label}. Refresh the list.`, {
      accountId,
    })
  }
  if (f.status === 400) {
    return new AppError('INVALID_INPUT', `${ctx.service} refused the request${said || ' as invalid'}.`, { accountId })
  }
  if (f.status === 501) return notSupported(ctx)
  const retryable = f.status >= 500
  return new AppError(
    'PROVIDER_ERROR',
    `${ctx.service} answered with HTTP ${f.status}${said}.${retryable ? ' Try again in a moment.' : ''}`,
    { accountId, retryable },
  )
}

export function notSupported(ctx: { account: Account; service: string }, detail = ''): AppError {
  return new AppError(
    'NOT_SUPPORTED',
    `Key management is not supported by this server${detail} (${ctx.service}, ${ctx.account.label}).`,
    {
      accountId: ctx.account.id,
    },
  )
}

export function unexpectedAnswer(ctx: { account: Account; service: string }, what: string): AppError {
  return new AppError(
    'PROVIDER_ERROR',
    `${ctx.service} sent an answer KeyDesk cannot read (${what}). Check the endpoint of ${ctx.account.label}.`,
    {
      accountId: ctx.account.id,
    },
  )
}

export function wrongCredential(expected: string): AppError {
  return new AppError('INTERNAL', `This account holds a credential for another service than ${expected}.`)
}

/** A service's own message as one printable line of at most 300 characters: a hostile server may send anything. */
export function serviceWords(message: string): string {
  const oneLine = printable(message.replace(/\s+/g, ' ').trim())
  return oneLine.length > 300 ? `${oneLine.slice(0, 300)}…` : oneLine
}
