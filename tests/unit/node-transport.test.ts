// The HTTP client's own transport against a real local server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeTransport } from '../../src/main/net/node-transport'

let server: Server
let base = ''
const seen: { method?: string; headers: IncomingMessage['headers']; body: string }[] = []

function handle(req: IncomingMessage, res: ServerResponse): void {
  let body = ''
  req.setEncoding('utf8')
  req.on('data', (c: string) => (body += c))
  req.on('end', () => {
    seen.push({ method: req.method, headers: req.headers, body })
    if (req.url === '/moved') {
      res.writeHead(302, { location: 'https://elsewhere.example/' })
      return void res.end()
    }
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'application/json' })
      return void res.write('{"partial":')
    }
    // A multi-byte character cut between two chunks must arrive whole.
    const text = Buffer.from('{"name":"clé 🔑"}')
    res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'abc' })
    res.write(text.subarray(0, 12))
    setImmediate(() => res.end(text.subarray(12)))
  })
}

beforeAll(async () => {
  server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe("the HTTP client's transport", () => {
  it('sends the method, headers and body, and gives back the status, headers and whole text', async () => {
    const signal = new AbortController().signal
    const res = await nodeTransport(`${base}/keys`, {
      method: 'POST',
      headers: { 'MC-Api-Key': 'k', 'Content-Type': 'application/json' },
      body: '{"name":"clé"}',
      signal,
      redirect: 'manual',
    })
    expect(res.status).toBe(201)
    expect(await res.text()).toBe('{"name":"clé 🔑"}')
    expect(res.headers.get('x-trace')).toBe('abc')
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"name":"clé"}' })
    expect(seen.at(-1)?.headers).toMatchObject({ 'mc-api-key': 'k', 'content-length': '15' })
  })

  it('does not follow a redirect: the answer is handed back as it came', async () => {
    const res = await nodeTransport(`${base}/moved`, {
      method: 'GET',
      signal: new AbortController().signal,
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    expect(seen.at(-1)?.method).toBe('GET')
  })

  it('stops a body that stalls when the signal is aborted, and refuses to start once aborted', async () => {
    const stop = new AbortController()
    const res = await nodeTransport(`${base}/stall`, { method: 'GET', signal: stop.signal, redirect: 'manual' })
    const body = res.text()
    stop.abort()
    await expect(body).rejects.toThrow()
    await expect(
      nodeTransport(`${base}/keys`, { method: 'GET', signal: stop.signal, redirect: 'manual' }),
    ).rejects.toThrow()
  })
})

describe('the transport after its request ended', () => {
  it('takes an abort after the answer, or after the server cut the connection, without an uncaught error', async () => {
    const stop = new AbortController()
    const res = await nodeTransport(`${base}/keys`, { method: 'GET', signal: stop.signal, redirect: 'manual' })
    await res.text()
    stop.abort()
    const cut = createServer((req) => req.socket.destroy())
    await new Promise<void>((resolve) => cut.listen(0, '127.0.0.1', () => resolve()))
    const late = new AbortController()
    const port = (cut.address() as { port: number }).port
    await expect(
      nodeTransport(`http://127.0.0.1:${port}/`, { method: 'GET', signal: late.signal, redirect: 'manual' }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
    late.abort()
    await new Promise<void>((resolve) => setImmediate(resolve))
    await new Promise<void>((resolve) => cut.close(() => resolve()))
  })
})
