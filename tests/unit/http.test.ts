import { describe, expect, it } from 'vitest'
import { createHttp, requireSafeEndpoint } from '../../src/main/net/http'
import type { HttpRequest } from '../../src/main/net/http'
import { AppError } from '../../src/shared/errors'
import { objectContaining, stringContaining } from '../support/match'
import { urlOf } from '../support/fetch-input'

type Step = number | 'refuse' | 'hang'

/** A fetch that plays a script: a status, a refused connection, or a request that never answers until aborted. */
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; init?: RequestInit }[] = []
  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    calls.push({ url: urlOf(input), init })
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]
    if (step === 'refuse')
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      })
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error))
      })
    }
    return new Response(JSON.stringify({ status: step }), { status: step ?? 200 })
  }
  return { fetch: fake, calls }
}

function setup(steps: Step[], extra: { timeoutMs?: number } = {}) {
  const { fetch, calls } = scriptedFetch(steps)
  const sleeps: number[] = []
  const lines: string[] = []
  const http = createHttp({
    fetch,
    backoffMs: 100,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    log: (line) => lines.push(line),
    ...extra,
  })
  return { http, calls, sleeps, lines }
}

const get: HttpRequest = { method: 'GET', url: 'https://api.example.com/keys', idempotent: true, accountId: 'acc-1' }
const create: HttpRequest = { method: 'POST', url: 'https://api.example.com/keys', body: '{}', accountId: 'acc-1' }

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('http', () => {
  it('returns a non-2xx answer to the caller instead of throwing', async () => {
    const { http } = setup([404])
    const res = await http.request(get)
    expect(res.status).toBe(404)
    expect(JSON.parse(res.text)).toEqual({ status: 404 })
  })

  it('retries an idempotent request on 502, 503 and 504 with exponential backoff and jitter', async () => {
    const { http, calls, sleeps } = setup([503, 502, 200])
    const res = await http.request(get)
    expect(res.status).toBe(200)
    expect(calls).toHaveLength(3)
    // backoff 100·2^n plus jitter random()·100
    expect(sleeps).toEqual([150, 250])
  })

  it('gives up after the configured retries and returns the last gateway error', async () => {
    const { http, calls } = setup([504])
    const res = await http.request(get)
    expect(res.status).toBe(504)
    expect(calls).toHaveLength(3)
  })

  it('never retries a request that is not marked idempotent', async () => {
    const { http, calls, sleeps } = setup([503, 200])
    expect((await http.request(create)).status).toBe(503)
    const refused = setup(['refuse', 200])
    const err = await caught(refused.http.request(create))
    expect(err).toBeInstanceOf(AppError)
    expect(refused.calls).toHaveLength(1)
    expect(calls).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('does not retry a 500 or a 4xx even when idempotent', async () => {
    const a = setup([500, 200])
    expect((await a.http.request(get)).status).toBe(500)
    const b = setup([429, 200])
    expect((await b.http.request(get)).status).toBe(429)
    expect(a.calls.length + b.calls.length).toBe(2)
  })

  it('retries an idempotent request after a refused connection and reports NETWORK when every try fails', async () => {
    const ok = setup(['refuse', 200])
    expect((await ok.http.request(get)).status).toBe(200)
    const down = setup(['refuse'])
    const err = await caught(down.http.request(get))
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'NETWORK', retryable: true, accountId: 'acc-1' })
    expect((err as AppError).message).toContain('api.example.com')
    expect(down.calls).toHaveLength(3)
  })

  it('turns a request that outlives its timeout into a retryable TIMEOUT', async () => {
    const { http, calls } = setup(['hang'], { timeoutMs: 20 })
    const err = await caught(http.request({ ...create }))
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true })
    expect(calls).toHaveLength(1)
  })

  it("lets a per-request timeout override the default, and the limit it states is the whole request's", async () => {
    const { http, calls } = setup(['hang', 200], { timeoutMs: 60_000 })
    const err = await caught(http.request({ ...get, timeoutMs: 20 }))
    expect(err).toMatchObject({ code: 'TIMEOUT', message: stringContaining('did not answer within 0.02 s') })
    // One attempt used the whole limit: no retry runs past what the message says.
    expect(calls).toHaveLength(1)
  })

  it('a host that never answers is given up on at the stated limit, not after three of them', async () => {
    const { http, calls } = setup(['hang'], { timeoutMs: 300 })
    const err = await caught(http.request(get))
    expect(err).toMatchObject({ code: 'TIMEOUT', message: stringContaining('within 0.3 s') })
    expect(calls).toHaveLength(1)
  })

  it('a cancel from the caller ends the request at once, says so in words, and is not retried', async () => {
    const { http, calls } = setup(['hang'])
    const controller = new AbortController()
    const pending = caught(http.request({ ...get, signal: controller.signal }))
    controller.abort()
    const err = await pending
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'CANCELLED', retryable: false })
    expect(calls).toHaveLength(1)
  })

  it('logs method, URL without query, status and duration but never headers, bodies or user-info', async () => {
    const { http, lines } = setup([503, 200])
    await http.request({
      method: 'POST',
      url: 'https://bob:hunter2@api.example.com/identity/api-key/list?token=QUERYSECRET',
      headers: { Authorization: 'Bearer HEADERSECRET' },
      body: '{"password":"BODYSECRET"}',
      idempotent: true,
    })
    const log = lines.join('\n')
    expect(lines[0]).toMatch(/^POST https:\/\/api\.example\.com\/identity\/api-key\/list 503 \d+ms$/)
    expect(lines.at(-1)).toMatch(/^POST https:\/\/api\.example\.com\/identity\/api-key\/list 200 \d+ms$/)
    for (const secret of ['QUERYSECRET', 'HEADERSECRET', 'BODYSECRET', 'hunter2', 'bob'])
      expect(log).not.toContain(secret)
  })
})

describe('requireSafeEndpoint', () => {
  it('accepts https and trims trailing slashes and spaces', () => {
    expect(requireSafeEndpoint(' https://portal.example.com/api/v2// ')).toBe('https://portal.example.com/api/v2')
  })

  it('accepts plain http only for loopback hosts', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://127.4.5.6/x', 'http://localhost:3000/', 'http://[::1]:9000']) {
      expect(() => requireSafeEndpoint(url)).not.toThrow()
    }
    for (const url of ['http://example.com', 'http://10.0.0.1', 'http://128.0.0.1', 'http://127.example.com']) {
      expect(() => requireSafeEndpoint(url)).toThrowError(
        objectContaining({ code: 'INVALID_INPUT', message: stringContaining('https') }),
      )
    }
  })

  it('rejects other schemes, non-URLs and endpoints carrying a password', () => {
    for (const url of ['ftp://example.com', 'example.com', '', 'https://u:p@example.com', 'https://example.com/?k=v']) {
      expect(() => requireSafeEndpoint(url)).toThrowError(objectContaining({ code: 'INVALID_INPUT' }))
    }
  })
})
