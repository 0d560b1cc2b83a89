// The one loopback HTTP server: routing by prefix, the body limit, latency, faults and JSON replies.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Tuning } from './context'
import type { Incoming, Reply } from './http'
import type { Service } from './service'

export const BODY_LIMIT = 1024 * 1024
// Past the limit the rest of the body is read and dropped so the client still gets its 413; beyond this, hang up.
const DRAIN_LIMIT = 16 * BODY_LIMIT

export interface Routes {
  readonly services: readonly Service[]
  control(req: Incoming): Reply | Promise<Reply>
  tuning(account: string | undefined): Tuning
  /** Uniform in [0, 1): decides faults, seeded so a run can be replayed. */
  draw(): number
}

export interface Listening {
  readonly port: number
  /** Handlers are attached after listen, because they need the port for their URLs. */
  attach(routes: Routes): void
  close(): Promise<void>
}

export async function listen(port: number, log: (line: string) => void): Promise<Listening> {
  let routes: Routes | undefined
  const server = createServer((req, res) => {
    const started = Date.now()
    res.on('finish', () =>
      log(`${req.method ?? '?'} ${pathOf(req.url) ?? '?'} ${res.statusCode} ${Date.now() - started}ms`),
    )
    serve(routes, req, res, log).catch((error: unknown) => {
      log(`sandbox: request failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) send(res, { status: 500, body: {} })
      else res.destroy()
    })
  })
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    attach: (r) => {
      routes = r
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function serve(
  routes: Routes | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const path = pathOf(req.url)
  const body = await readBody(req)
  if (body === 'aborted') return
  if (!routes || path === undefined) return send(res, { status: 404, body: {} })
  const incoming: Incoming = {
    method: req.method ?? 'GET',
    path,
    headers: req.headers,
    body: body === 'too-large' ? Buffer.alloc(0) : body,
    remoteAddress: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
  }
  if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
    if (body === 'too-large') return send(res, { status: 413, body: { error: 'body over 1 MiB' } })
    return send(res, await routes.control(incoming))
  }
  const service = routes.services.find((s) => s.owns(path))
  const tuning = routes.tuning(service?.accountOf(incoming))
  // The latency is a round trip: half of it before the service handles the request, half before its answer arrives.
  // So a slow service's work (and its JSON) is done while the client waits, as a remote one's would be, instead of
  // all at once just as the client gets every answer back.
  const half = tuning.latencyMs / 2
  if (half > 0) await sleep(half)
  const answer = await handle(service, incoming, body === 'too-large', tuning, routes, log)
  if (half > 0) await sleep(half)
  if (answer === 'drop') req.socket.destroy()
  else deliver(res, answer)
}

/** What the service answers, as bytes to send; 'drop' when the connection is to be cut instead. */
async function handle(
  service: Service | undefined,
  incoming: Incoming,
  tooLarge: boolean,
  tuning: Tuning,
  routes: Routes,
  log: (line: string) => void,
): Promise<Encoded | 'drop'> {
  const path = incoming.path
  if (!service) return encode({ status: 404, body: {} })
  if (tooLarge) return encode(service.failure('too-large'))
  if (tuning.faultRate > 0 && routes.draw() < tuning.faultRate) {
    if (routes.draw() < 0.5) return encode(service.failure('unavailable'))
    log(`${incoming.method} ${path} fault: connection dropped`)
    return 'drop'
  }
  let reply: Reply
  try {
    reply = await service.handle(incoming)
  } catch (error) {
    log(`sandbox: ${service.name} handler failed: ${error instanceof Error ? error.message : String(error)}`)
    reply = service.failure('internal')
  }
  // The work is done but the answer never arrives: the client cannot tell whether its request took effect.
  if (tuning.dropAnswerRate > 0 && routes.draw() < tuning.dropAnswerRate) {
    log(`${incoming.method} ${path} fault: handled, answer dropped`)
    return 'drop'
  }
  return encode(reply)
}

/** The path of a request target, or undefined when it cannot be parsed. */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '', 'http://127.0.0.1').pathname
  } catch {
    return undefined
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
      else if (size > DRAIN_LIMIT) req.socket.destroy()
    })
    req.on('end', () => resolve(size > BODY_LIMIT ? 'too-large' : Buffer.concat(chunks)))
    req.on('close', () => resolve('aborted'))
    req.on('error', () => resolve('aborted'))
  })
}

interface Encoded {
  readonly status: number
  readonly payload?: string
}

function encode(reply: Reply): Encoded {
  return reply.body === undefined
    ? { status: reply.status }
    : { status: reply.status, payload: JSON.stringify(reply.body) }
}

function send(res: ServerResponse, reply: Reply): void {
  deliver(res, encode(reply))
}

function deliver(res: ServerResponse, { status, payload }: Encoded): void {
  if (res.destroyed || res.headersSent) return
  if (payload === undefined) {
    res.writeHead(status).end()
    return
  }
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  })
  res.end(payload)
}
