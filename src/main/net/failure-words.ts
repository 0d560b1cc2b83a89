// A connection that failed, in words: what happened and what to do. Never Node's or undici's codes (ENOTFOUND,
// ECONNRESET, UND_ERR_SOCKET): the user cannot act on them.
import { AppError, assertNever } from '../../shared/errors'
import { MAX_ANSWER_BYTES, TOO_LARGE } from './node-transport'

type Kind = 'not-found' | 'refused' | 'reset' | 'tls' | 'unreachable' | 'timeout' | 'too-large' | 'other'

const KINDS: Readonly<Record<string, Kind>> = {
  ENOTFOUND: 'not-found',
  EAI_AGAIN: 'not-found',
  EAI_NONAME: 'not-found',
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  [TOO_LARGE]: 'too-large',
}

/** The first code found on the error, its causes, or an AggregateError's errors (several addresses tried). */
export function codeOf(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 5) return undefined
  const own = 'code' in err && typeof err.code === 'string' ? err.code : undefined
  if (own && own !== 'ERR_INVALID_STATE') return own
  const cause = 'cause' in err ? codeOf(err.cause, depth + 1) : undefined
  if (cause) return cause
  const errors = 'errors' in err && Array.isArray(err.errors) ? err.errors : []
  for (const e of errors) {
    const c = codeOf(e, depth + 1)
    if (c) return c
  }
  return undefined
}

function kindOf(code: string | undefined): Kind {
  if (!code) return 'other'
  const known = KINDS[code]
  if (known) return known
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO|HOSTNAME/.test(code)) return 'tls'
  return 'other'
}

export function connectionFailure(err: unknown, host: string, accountId?: string): AppError {
  const kind = kindOf(codeOf(err))
  const opts = { accountId }
  switch (kind) {
    case 'not-found':
      return new AppError(
        'NETWORK',
        `KeyDesk could not find the server ${host}: the name does not resolve. Check the endpoint for a typo; on a company network, check that the VPN is connected.`,
        opts,
      )
    case 'refused':
      return new AppError(
        'NETWORK',
        `${host} refused the connection: nothing answers at that address and port. Check the endpoint's port, and that the service is running.`,
        opts,
      )
    case 'reset':
      return new AppError(
        'NETWORK',
        `The connection to ${host} was cut off before it answered. Try again; if it keeps happening, a proxy or firewall may be closing it.`,
        opts,
      )
    case 'tls':
      return new AppError(
        'NETWORK',
        `The secure (https) connection to ${host} failed: its certificate is not trusted for that name, or it does not speak https at that port. Check the endpoint; behind a company proxy, the proxy's certificate must be installed on this computer.`,
        opts,
      )
    case 'unreachable':
      return new AppError('NETWORK', `${host} cannot be reached from this network. Check your connection or VPN.`, opts)
    case 'timeout':
      return new AppError(
        'TIMEOUT',
        `${host} did not accept the connection in time. Check the endpoint and your connection, then try again.`,
        opts,
      )
    case 'too-large':
      // Not retried: the same request would bring the same answer.
      return new AppError(
        'PROVIDER_ERROR',
        `${host} sent an answer over ${MAX_ANSWER_BYTES / 1024 / 1024} MB, far more than a list of keys, and KeyDesk stopped reading it. Check that the endpoint is the service's API.`,
        { accountId, retryable: false },
      )
    case 'other':
      return new AppError('NETWORK', `KeyDesk could not reach ${host}. Check the endpoint and your connection.`, opts)
    default:
      return assertNever(kind)
  }
}
