// Calls to a Cloudforet 2.x console-api-v2 and its errors (spaceone-apps.md §2, §6): POST with a Bearer token and
// nothing else; errors mapped by status, then by `code` (never the message, which gains a leading space).
import { AppError } from '../../shared/errors'
import type { Account } from '../../shared/model'
import type { Http, HttpResponse } from '../net/http'
import { requireSafeEndpoint } from '../net/http'
import { failureError, serviceWords, unexpectedAnswer } from './errors'
import { APP_NAME_MAX } from './spaceone-apps-descriptor'
import { ErrorBody } from './spaceone-apps-wire'
import { parseAs } from './wire'

export const SERVICE = 'Cloudforet'

export interface CallOptions {
  readonly idempotent?: boolean
  /** What a 404 ERROR_NOT_FOUND says is gone. */
  readonly subject?: string
  readonly signal?: AbortSignal
}

/** `token` null sends no Authorization (sign-in and endpoint/list need none). */
export function post2(
  http: Http,
  account: Account,
  token: string | null,
  path: string,
  body: unknown,
  opts: CallOptions = {},
): Promise<HttpResponse> {
  return http.request({
    method: 'POST',
    url: `${requireSafeEndpoint(account.endpoint)}${path}`,
    headers: {
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify(body),
    idempotent: opts.idempotent,
    signal: opts.signal,
    accountId: account.id,
  })
}

export function errorCode(res: HttpResponse): string | undefined {
  return parseAs(ErrorBody, res.text)?.detail.code ?? undefined
}

/** The service's message without console-api-v2's leading space. */
function said(res: HttpResponse): string | undefined {
  const message = parseAs(ErrorBody, res.text)?.detail.message?.trim()
  return message ? serviceWords(message) : undefined
}

export function failure2(res: HttpResponse, account: Account, path: string, subject?: string): AppError {
  const code = errorCode(res)
  const accountId = account.id
  switch (code ?? '') {
    case 'ERROR_UNSUPPORTED_API':
      return new AppError(
        'NOT_SUPPORTED',
        `${account.endpoint} does not serve Cloudforet 2.x apps (${path} is not one of its APIs). If it is a ` +
          'SpaceONE 1.x server, add it with an API key; otherwise use the console-api-v2 address.',
        { accountId },
      )
    case 'ERROR_APP_EXPIRED_LIMIT':
      return new AppError('INVALID_INPUT', 'Cloudforet refused the expiry: pick a date at most 364 days from today.', {
        accountId,
      })
    case 'ERROR_NOT_ALLOWED_ROLE_TYPE':
      return new AppError(
        'INVALID_INPUT',
        'That role does not fit the scope: a Domain Admin role makes a domain app, a Workspace Owner role a ' +
          'workspace app and a Workspace Member role a project app.',
        { accountId },
      )
    case 'ERROR_DB_QUERY':
      return new AppError(
        'INVALID_INPUT',
        `Cloudforet refused the request: ${said(res) ?? 'a value is invalid'}. Names are at most ${APP_NAME_MAX} characters.`,
        {
          accountId,
        },
      )
    case 'ERROR_MFA_REQUIRED':
      return new AppError(
        'AUTH_FAILED',
        'This user signs in with multi-factor authentication, which KeyDesk cannot do: create an app in the ' +
          'console (IAM → App) and paste its client secret instead.',
        { accountId },
      )
    case 'ERROR_UNKNOWN':
      if (res.status === 500) {
        return new AppError(
          'PROVIDER_ERROR',
          `Cloudforet could not read KeyDesk's request to ${path} (${said(res) ?? 'unknown error'}). This server's ` +
            'API differs from the one KeyDesk knows.',
          { accountId },
        )
      }
      break
    default:
      break
  }
  if (res.status === 404 && code !== 'ERROR_NOT_FOUND') {
    return new AppError(
      'PROVIDER_ERROR',
      `${SERVICE} has no ${path} at ${account.endpoint}. The endpoint must be console-api-v2's base URL with no path.`,
      { accountId },
    )
  }
  if (res.status === 403) {
    return new AppError(
      'PERMISSION_DENIED',
      `${account.label} may not do this: Cloudforet answered "Permission denied". The secret may have been ` +
        'disabled, deleted or regenerated, or its role may not manage apps (it needs Domain Admin or Workspace Owner).',
      { accountId },
    )
  }
  return failureError(
    { status: res.status, message: said(res) },
    { account, service: SERVICE, permission: 'manage apps', subject },
  )
}

export function unreadable(account: Account, what: string): AppError {
  return unexpectedAnswer({ account, service: SERVICE }, what)
}
