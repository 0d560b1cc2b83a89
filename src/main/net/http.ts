// The one HTTP client every adapter uses: timeouts, cancellation, retries for safe requests, redacted logging.
import { AppError } from '../../shared/errors'
import { codeOf, connectionFailure } from './failure-words'
import { nodeTransport, type Transport } from './node-transport'

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  url: string
  headers?: Record<string, string>
  body?: string
  timeoutMs?: number
  /** safe to repeat (GET, or a read-only POST like SpaceONE list/get) */
  idempotent?: boolean
  signal?: AbortSignal
  accountId?: string
}

export interface HttpResponse {
  status: number
  headers: Headers
  text: string
}

export interface Http {
  request(req: HttpRequest): Promise<HttpResponse>
}

export interface HttpOptions {
  /** How requests travel: Node's http and https modules unless a test hands in another (fetch fits). */
  fetch?: Transport
  /** default 15000 */
  timeoutMs?: number
  /** default 2 */
  retries?: number
  /** first backoff step; default 300 */
  backoffMs?: number
  log?: (line: string) => void
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

const RETRY_STATUSES: ReadonlySet<number> = new Set([502, 503, 504])

export function createHttp(opts: HttpOptions = {}): Http {
  const doFetch = opts.fetch ?? nodeTransport
  const defaultTimeout = opts.timeoutMs ?? 15_000
  const retries = opts.retries ?? 2
  const backoffMs = opts.backoffMs ?? 300
  const log = opts.log ?? (() => {})
  const random = opts.random ?? Math.random
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))

  /** One attempt, stopped at the request's deadline: the limit the user is told is the whole request's. */
  async function once(req: HttpRequest, where: string, deadline: number, limitMs: number): Promise<HttpResponse> {
    const timer = new AbortController()
    const handle = setTimeout(() => timer.abort(), Math.max(0, deadline - Date.now()))
    const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal
    const started = Date.now()
    try {
      // Redirects are not followed: they would carry custom auth headers (MC-Api-Key, ONQLAVE-*) to the new host.
      const res = await doFetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal,
        redirect: 'manual',
      })
      // The body can stall after the headers arrive, so it stays under the same timer.
      const text = await res.text()
      log(`${req.method} ${where} ${res.status} ${Date.now() - started}ms${suffix(req)}`)
      return {
        status: res.status,
        text,
        // Read only when asked for (building them costs a module load nothing else needs).
        get headers() {
          return res.headers
        },
      }
    } catch (err) {
      if (req.signal?.aborted) {
        log(`${req.method} ${where} cancelled ${Date.now() - started}ms${suffix(req)}`)
        throw cancelled(req)
      }
      const seconds = Number((limitMs / 1000).toPrecision(2))
      const error = timer.signal.aborted
        ? new AppError(
            'TIMEOUT',
            `${hostOf(req.url)} did not answer within ${seconds} s. Check that the endpoint is right and the service is up, then try again.`,
            { accountId: req.accountId },
          )
        : connectionFailure(err, hostOf(req.url), req.accountId)
      log(`${req.method} ${where} ${error.code}${codeSuffix(err)} ${Date.now() - started}ms${suffix(req)}`)
      throw error
    } finally {
      clearTimeout(handle)
    }
  }

  /** Waits before the next attempt; false when that attempt could not start before the deadline. */
  async function pause(attempt: number, req: HttpRequest, deadline: number): Promise<boolean> {
    const ms = Math.round(backoffMs * 2 ** attempt + random() * backoffMs)
    if (Date.now() + ms >= deadline) return false
    log(`${req.method} ${redactUrl(req.url)} retry ${attempt + 1}/${retries} in ${ms}ms${suffix(req)}`)
    await sleep(ms)
    if (req.signal?.aborted) throw cancelled(req)
    return true
  }

  return {
    async request(req) {
      const where = redactUrl(req.url)
      if (req.signal?.aborted) throw cancelled(req)
      const limitMs = req.timeoutMs ?? defaultTimeout
      const deadline = Date.now() + limitMs
      for (let attempt = 0; ; attempt++) {
        const canRetry = req.idempotent === true && attempt < retries
        let res: HttpResponse
        try {
          res = await once(req, where, deadline, limitMs)
        } catch (err) {
          if (!canRetry || !(err instanceof AppError) || !err.retryable || err.code === 'TIMEOUT') throw err
          if (!(await pause(attempt, req, deadline))) throw err
          continue
        }
        if (!canRetry || !RETRY_STATUSES.has(res.status)) return res
        if (!(await pause(attempt, req, deadline))) return res
      }
    },
  }
}

function cancelled(req: HttpRequest): AppError {
  return new AppError('CANCELLED', 'Cancelled: nothing more was sent.', { accountId: req.accountId, retryable: false })
}

/** Endpoints must be https, except on this machine (the sandbox). Returns the URL without trailing '/'. */
export function requireSafeEndpoint(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '')
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    throw new AppError('INVALID_INPUT', `"${trimmed}" is not a URL. Enter an address such as https://api.example.com.`)
  }
  if (parsed.username || parsed.password) {
    throw new AppError(
      'INVALID_INPUT',
      'The endpoint must not contain a user name or password. Remove them from the address.',
    )
  }
  if (parsed.search || parsed.hash) {
    throw new AppError(
      'INVALID_INPUT',
      'The endpoint must not contain a query (?…) or fragment (#…). Remove it from the address.',
    )
  }
  if (parsed.protocol === 'https:') return trimmed
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) return trimmed
  if (parsed.protocol === 'http:') {
    throw new AppError(
      'INVALID_INPUT',
      `${parsed.host} must be reached over https: plain http is allowed only for this machine (localhost, 127.0.0.1, [::1]).`,
    )
  }
  throw new AppError('INVALID_INPUT', `The endpoint must start with https:// (got ${parsed.protocol}).`)
}

function isLoopback(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/** Scheme, host and path only: queries and user-info may hold secrets. */
function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return '<invalid url>'
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the server'
  }
}

/** The low-level code goes to the log only, for whoever diagnoses it; the user gets words. */
function codeSuffix(err: unknown): string {
  const code = codeOf(err)
  return code && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''
}

function suffix(req: HttpRequest): string {
  return req.accountId ? ` [${req.accountId}]` : ''
}
