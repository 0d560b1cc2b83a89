// The browser host: the built renderer and the core's channel map over loopback HTTP, for machines without Electron.
// Loopback only; a per-launch token on every API request; foreign Host or Origin is refused.
import { timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import type { Reply } from '../shared/api'
import type { AppCore } from '../main/core/app-core'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
}
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
const MAX_BODY = 2 * 1024 * 1024
const MAX_BATCH = 100
export const TOKEN_HEADER = 'x-keydesk-token'

export interface HostOptions {
  readonly core: Pick<AppCore, 'invoke' | 'onEvent'>
  readonly rendererDir: string
  readonly token: string
  readonly port?: number
}

export interface Host {
  readonly url: string
  /** The URL to open: the token travels once, in the fragment, never to the server's logs. */
  readonly openUrl: string
  close(): Promise<void>
}

export async function startHost(options: HostOptions): Promise<Host> {
  const clients = new Set<ServerResponse>()
  const stopEvents = options.core.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of clients) res.write(frame)
  })
  let origin = ''
  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, origin)) return send(res, 403, { error: 'forbidden host' })
    const url = new URL(req.url ?? '/', origin)
    if (!url.pathname.startsWith('/api/')) return serveStatic(res, options.rendererDir, url.pathname, req.method)
    if (req.headers.origin !== undefined && req.headers.origin !== origin)
      return send(res, 403, { error: 'forbidden origin' })
    if (!tokenMatches(req.headers[TOKEN_HEADER], options.token)) return send(res, 403, { error: 'forbidden' })
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' })
    const body = await readBody(req)
    if (body === null) return send(res, 413, { error: 'too large' })
    if (url.pathname === '/api/batch') return batch(res, options.core, body)
    let input: unknown
    try {
      input = body.length ? JSON.parse(body) : {}
    } catch {
      input = Symbol.for('unparseable')
    }
    const reply: Reply = await options.core.invoke(decodeURIComponent(url.pathname.slice('/api/'.length)), input)
    send(res, 200, reply)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  return {
    url: origin,
    openUrl: `${origin}/#token=${options.token}`,
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
  try {
    await Promise.all(
      calls.map(async ({ channel, input }, i) => {
        const reply: Reply = await core.invoke(channel, input ?? {})
        res.write(`${JSON.stringify({ i, reply })}\n`)
      }),
    )
  } finally {
    // A call without its line is reported lost by the client rather than left waiting.
    res.end()
  }
}

function hostAllowed(host: string | undefined, origin: string): boolean {
  const port = new URL(origin).port
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function serveStatic(res: ServerResponse, dir: string, pathname: string, method = 'GET'): Promise<void> {
  if (method !== 'GET' && method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '') || 'index.html'
  const file = join(dir, rel)
  if (!file.startsWith(dir)) return send(res, 404, {})
  try {
    const data = await readFile(file)
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    res.end(method === 'HEAD' ? undefined : data)
  } catch {
    send(res, 404, {})
  }
}
