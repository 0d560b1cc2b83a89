// The browser host: the built renderer and the core's channel map over loopback HTTP, for machines without Electron.
// Loopback only; a one-time launch URL redeemed for a session cookie; foreign Host or Origin is refused; bounded
// connections, bodies and waits; a request that cannot be decoded gets 400.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Reply } from '../shared/api'
import { valueToWire } from '../shared/key-list-wire'
import type { AppCore } from '../main/core/app-core'
import { CSP, RendererFiles } from '../main/renderer-files'
import { sessionCookie, Sessions } from './session'

const MAX_BODY = 2 * 1024 * 1024
const MAX_BATCH = 100
/** A browser uses six; the rest is headroom. Idle and slow connections are dropped by the timeouts below. */
export const MAX_CONNECTIONS = 64
const HEADERS_TIMEOUT_MS = 10_000
const KEEP_ALIVE_MS = 5_000

export interface HostOptions {
  readonly core: Pick<AppCore, 'invoke' | 'onEvent'>
  readonly rendererDir: string
  readonly port?: number
  readonly sessions?: Sessions
}

export interface Host {
  readonly url: string
  /** The URL printed to the terminal: grants one browser a session, once. */
  readonly openUrl: string
  /** A fresh one-time launch URL, expiring after ttlMs (for a browser KeyDesk starts itself). */
  launchUrl(ttlMs?: number): string
  close(): Promise<void>
}

const SPENT_PAGE =
  '<!doctype html><meta charset="utf-8"><title>KeyDesk</title><h1>This KeyDesk link was already used or has expired</h1>' +
  '<p>Each link KeyDesk prints opens one browser session, once. In the terminal where KeyDesk runs, start it again with ' +
  '<code>npm run web -- --open</code>, or open the newest link it printed.</p>'

export async function startHost(options: HostOptions): Promise<Host> {
  const sessions = options.sessions ?? new Sessions()
  const files = RendererFiles.load(options.rendererDir)
  const clients = new Set<ServerResponse>()
  const stopEvents = options.core.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of clients) res.write(frame)
  })
  let origin = ''
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return
      if (err instanceof URIError || err instanceof TypeError) send(res, 400, { error: 'bad encoding' })
      else send(res, 500, { error: 'internal' })
    })
  })
  server.maxConnections = MAX_CONNECTIONS
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = 60_000
  server.keepAliveTimeout = KEEP_ALIVE_MS

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, origin)) return send(res, 403, { error: 'forbidden host' })
    const url = new URL(req.url ?? '/', origin)
    if (url.pathname.startsWith('/launch/')) return launch(res, decodeURIComponent(url.pathname.slice(8)), req.method)
    if (!url.pathname.startsWith('/api/')) return serveStatic(res, files, url.pathname, req.method)
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return send(res, 403, { error: 'forbidden origin' })
    if (!sessions.valid(req.headers.cookie)) return send(res, 403, { error: 'session' })
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' })
    const body = await readBody(req)
    if (body === null) {
      // The rest of the body is not read: this connection cannot carry another request.
      res.setHeader('connection', 'close')
      return send(res, 413, { error: 'too large' })
    }
    if (body === undefined) return send(res, 400, { error: 'the body is not UTF-8' })
    if (url.pathname === '/api/batch') return batch(res, options.core, body)
    let input: unknown
    try {
      input = body.length ? JSON.parse(body) : {}
    } catch {
      input = Symbol.for('unparseable')
    }
    const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
    send(res, 200, toWire(channel, await options.core.invoke(channel, input)))
  }

  function launch(res: ServerResponse, ticket: string, method = 'GET'): void {
    if (method !== 'GET') return send(res, 405, { error: 'method not allowed' })
    const session = sessions.redeem(ticket)
    if (!session) {
      res.writeHead(403, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(SPENT_PAGE)
      return
    }
    // The redirect leaves the spent ticket behind in history, where it opens nothing.
    res.writeHead(303, {
      location: '/',
      'set-cookie': sessionCookie(session),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    })
    res.end()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  const launchUrl = (ttlMs?: number): string => `${origin}/launch/${sessions.ticket(ttlMs)}`
  return {
    url: origin,
    openUrl: launchUrl(),
    launchUrl,
    close: async () => {
      stopEvents()
      for (const res of clients) res.end()
      clients.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

interface BatchCall {
  readonly channel: string
  readonly input: unknown
}

function batchCalls(body: string): readonly BatchCall[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_BATCH) return null
  const ok = parsed.every(
    (c: unknown) => typeof c === 'object' && c !== null && typeof (c as { channel?: unknown }).channel === 'string',
  )
  return ok ? (parsed as BatchCall[]) : null
}

/**
 * Several calls in one request (the renderer's transport sends calls made together this way, since a browser opens
 * only six connections to a host). Each answer is written as its own line as soon as the core has it, so one slow
 * account does not hold back the others.
 */
async function batch(res: ServerResponse, core: HostOptions['core'], body: string): Promise<void> {
  const calls = batchCalls(body)
  if (!calls) return send(res, 400, { error: `a batch is a list of 1 to ${MAX_BATCH} {channel, input}` })
  res.writeHead(200, {
    'content-type': 'application/x-ndjson',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  // Answers ready in the same turn of the event loop (a refresh's listings arrive together) leave in one write: a
  // socket write per answer cost the host about a quarter of its work on a refresh of thirty accounts.
  let corked = false
  const flush = (): void => {
    if (!corked) return
    corked = false
    res.uncork()
  }
  const write = (line: string): void => {
    if (!corked) {
      corked = true
      res.cork()
      setImmediate(flush)
    }
    res.write(line)
  }
  try {
    await Promise.all(
      calls.map(async ({ channel, input }, i) => {
        const reply = toWire(channel, await core.invoke(channel, input ?? {}))
        write(`${JSON.stringify({ i, reply })}\n`)
      }),
    )
  } finally {
    // A call without its line is reported lost by the client rather than left waiting.
    flush()
    res.end()
  }
}

function hostAllowed(host: string | undefined, origin: string): boolean {
  const port = new URL(origin).port
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** A reply as it travels (src/shared/key-list-wire.ts). */
function toWire(channel: string, reply: Reply): Reply {
  return reply.ok ? { ok: true, value: valueToWire(channel, reply.value) } : reply
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // Encoded once: given a string, Node would measure its UTF-8 length for the header and then encode it again.
  const bytes = Buffer.from(JSON.stringify(body))
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': bytes.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(bytes)
}

/** The body as text; null when too large, undefined when it is not UTF-8. */
async function readBody(req: IncomingMessage): Promise<string | null | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    return undefined
  }
}

function serveStatic(res: ServerResponse, files: RendererFiles, pathname: string, method = 'GET'): void {
  if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
  const file = files.find(pathname)
  if (!file) return send(res, 404, {})
  res.writeHead(200, {
    'content-type': file.type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  })
  res.end(method === 'HEAD' ? undefined : file.body)
}
