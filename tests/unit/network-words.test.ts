// Real sockets on this machine: each way a connection fails reads as what happened and what to do, never as a code.
import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttp } from '../../src/main/net/http'
import type { AppError } from '../../src/shared/errors'

const CODE = /\b(E[A-Z]{4,}|UND_ERR_[A-Z_]+|ERR_[A-Z_]+)\b/
const servers: Server[] = []

function listen(onSocket: (socket: Socket) => void): Promise<number> {
  const server = createServer(onSocket)
  servers.push(server)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  )
}

let closedPort = 0
let resetPort = 0
let silentPort = 0
let plainPort = 0

beforeAll(async () => {
  closedPort = await listen(() => undefined)
  await new Promise<void>((resolve) => servers.pop()?.close(() => resolve()))
  resetPort = await listen((socket) => socket.destroy())
  silentPort = await listen(() => undefined)
  plainPort = await listen((socket) => socket.end('HTTP/1.1 200 OK\r\n\r\nnot tls'))
})
afterAll(() => {
  for (const s of servers) s.close()
})

const http = createHttp({ retries: 0, timeoutMs: 2_000 })

async function failure(url: string, timeoutMs?: number): Promise<AppError> {
  try {
    await http.request({ method: 'GET', url, timeoutMs })
  } catch (err) {
    return err as AppError
  }
  throw new Error('the request succeeded')
}

describe('connection failures in words', () => {
  it('a host name that does not resolve says the server cannot be found and to check the endpoint', async () => {
    const err = await failure('https://no-such-host.invalid/api')
    expect(err.code).toBe('NETWORK')
    expect(err.message).toMatch(/could not find the server no-such-host\.invalid.*Check the endpoint/)
    expect(err.message).not.toMatch(CODE)
  })

  it('a closed port says the connection was refused and to check the port', async () => {
    const err = await failure(`http://127.0.0.1:${closedPort}/api`)
    expect(err.message).toMatch(/refused the connection.*port/)
    expect(err.message).not.toMatch(CODE)
  })

  it('a connection dropped by the server says it was cut off and to try again', async () => {
    const err = await failure(`http://127.0.0.1:${resetPort}/api`)
    expect(err.message).toMatch(/cut off before it answered.*Try again/)
    expect(err.message).not.toMatch(CODE)
  })

  it('https to a server that does not speak it says the secure connection failed', async () => {
    const err = await failure(`https://127.0.0.1:${plainPort}/api`)
    expect(err.message).toMatch(/secure \(https\) connection to 127\.0\.0\.1:\d+ failed/)
    expect(err.message).not.toMatch(CODE)
  })

  it('a server that never answers times out at the limit it states', async () => {
    const err = await failure(`http://127.0.0.1:${silentPort}/api`, 300)
    expect(err.code).toBe('TIMEOUT')
    expect(err.message).toMatch(/did not answer within 0\.3 s/)
  })
})
