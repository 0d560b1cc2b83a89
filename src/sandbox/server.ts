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
  if (tuning.latencyMs > 0) await sleep(tuning.latencyMs)
  if (!service) return send(res, { status: 404, body: {} })
  if (body === 'too-large') return send(res, service.failure('too-large'))
  if (tuning.faultRate > 0 && routes.draw() < tuning.faultRate) {
    if (routes.draw() < 0.5) return send(res, service.failure('unavailable'))
    log(`${incoming.method} ${path} fault: connection dropped`)
    req.socket.destroy()
    return
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
    req.socket.destroy()
    return
  }
  send(res, reply)
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

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return
  if (reply.body === undefined) {
    res.writeHead(reply.status).end()
    return
  }
  const payload = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  })
  res.end(payload)
}
