// A loopback proxy in front of the sandbox that answers some requests as a hostile or broken server would: the rest of
// the conversation stays the real sandbox's.
import { createServer, request, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Answer {
  readonly status: number
  readonly body: string
}

/** Given a request and the sandbox's own answer to it, the answer to send instead; null sends the sandbox's. */
export type Rewrite = (method: string, path: string, real: Answer) => Answer | null

export interface HostileProxy {
  readonly url: string
  rewrite: Rewrite
  close(): Promise<void>
}

function readAll(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    stream.once('error', reject)
  })
}

export async function startHostileProxy(target: string): Promise<HostileProxy> {
  const upstream = new URL(target)
  const proxy: HostileProxy = { url: '', rewrite: () => null, close: async () => undefined }
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req)
      const real = await new Promise<Answer>((resolve, reject) => {
        const out = request(
          { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => void readAll(answer).then((text) => resolve({ status: answer.statusCode ?? 502, body: text })),
        )
        out.once('error', reject)
        out.end(body)
      })
      const sent = proxy.rewrite(req.method ?? 'GET', new URL(req.url ?? '/', target).pathname, real) ?? real
      res.writeHead(sent.status, { 'content-type': 'application/json' }).end(sent.body)
    })().catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
