// A broken or hostile server that sends without end: the client stops reading at its limit and says so, instead of
// holding the answer in memory until the process dies. Against a real local server.
import { createServer, type Server, type ServerResponse } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { createHttp } from '../../src/main/net/http'
import { transportWithLimit, TOO_LARGE } from '../../src/main/net/node-transport'

const LIMIT = 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 'x')
/** The most the endless answer sends, so a client that never stops cannot hang the test. */
const MOST = 64 * 1024 * 1024

let server: Server
let base = ''
const sent: { path: string; bytes: number; closedEarly: boolean }[] = []

/** Writes chunks as fast as the client reads them, until it goes away or MOST is reached. */
function endless(res: ServerResponse, record: { bytes: number; closedEarly: boolean }): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.once('close', () => (record.closedEarly = record.bytes < MOST))
  const more = (): void => {
    while (record.bytes < MOST && !res.destroyed) {
      record.bytes += CHUNK.length
      if (!res.write(CHUNK)) return void res.once('drain', more)
    }
    res.end()
  }
  more()
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const record = { path: req.url ?? '', bytes: 0, closedEarly: false }
    sent.push(record)
    if (req.url === '/endless') return endless(res, record)
    if (req.url === '/announced') {
      // Says up front that it is too large: nothing of it need be read.
      res.writeHead(200, { 'content-length': String(LIMIT * 4) })
      return void res.write(CHUNK)
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(Buffer.alloc(LIMIT, ' '))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const transport = transportWithLimit(LIMIT)
const get = (path: string) =>
  transport(`${base}${path}`, { method: 'GET', signal: new AbortController().signal, redirect: 'manual' })

describe('an answer larger than the client reads', () => {
  it('is cut off just past the limit, with the connection closed', async () => {
    const res = await get('/endless')
    await expect(res.text()).rejects.toMatchObject({ code: TOO_LARGE })
    await expect.poll(() => sent.at(-1)?.closedEarly).toBe(true)
    expect(sent.at(-1)?.bytes).toBeLessThan(LIMIT * 8)
  })

  it('is refused before reading when its length is announced', async () => {
    const res = await get('/announced')
    await expect(res.text()).rejects.toMatchObject({ code: TOO_LARGE })
  })

  it('is read whole at exactly the limit', async () => {
    expect((await (await get('/exact')).text()).length).toBe(LIMIT)
  })

  it('becomes a service error in words, not retried, for a request that could be', async () => {
    const http = createHttp({ fetch: transport, backoffMs: 1 })
    const before = sent.length
    const err: unknown = await http
      .request({ method: 'GET', url: `${base}/endless`, idempotent: true, accountId: 'a1' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'PROVIDER_ERROR', retryable: false, accountId: 'a1' })
    expect((err as AppError).message).toMatch(/^127\.0\.0\.1:\d+ sent an answer over 128 MB/)
    expect(sent.length - before).toBe(1)
  })
})
