// A loopback reverse proxy in front of the sandbox that writes down every request KeyDesk sends to a service, so rows
// can count requests per user action without touching the sandbox. Accounts added through it talk to the proxy.
import { createServer, request, Agent, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  readonly method: string
  /** Path without the query (queries may carry secrets; the bench never prints them either way). */
  readonly path: string
  /** performance.now() of this process when the request arrived. */
  readonly at: number
}

export interface CountingProxy {
  readonly url: string
  /** Every request since the last take, oldest first; the list is emptied. */
  take(): Seen[]
  /** Resolves once no request has arrived for `quietMs` (bounded by `limitMs`). */
  quiet(quietMs: number, limitMs: number): Promise<void>
  close(): Promise<void>
}

const MAX_SEEN = 100_000

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const to = new URL(target)
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  let seen: Seen[] = []
  let last = performance.now()
  const server = createServer((req: IncomingMessage, res) => {
    last = performance.now()
    if (seen.length < MAX_SEEN)
      seen.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', at: last })
    const out = request(
      {
        agent,
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(out)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const out = seen
      seen = []
      return out
    },
    quiet: async (quietMs, limitMs) => {
      const deadline = performance.now() + limitMs
      while (performance.now() < deadline && performance.now() - last < quietMs)
        await new Promise((r) => setTimeout(r, Math.max(10, quietMs - (performance.now() - last))))
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        agent.destroy()
        server.close(() => resolve())
      }),
  }
}
