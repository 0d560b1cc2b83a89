import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/shared/api'
import { startHost, TOKEN_HEADER, type Host } from '../../src/host/server'

const token = 'a'.repeat(43)
let host: Host
let dir: string
const calls: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-host-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>KeyDesk</title>')
  const core = {
    invoke: async (channel: string): Promise<Reply> => {
      calls.push(channel)
      return { ok: true, value: { channel } }
    },
    onEvent: () => () => undefined,
  }
  host = await startHost({ core: core, rendererDir: dir, token })
})
afterAll(async () => {
  await host.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Raw HTTP so the Host and Origin headers are exactly what a hostile page could send. */
function send(
  path: string,
  headers: Record<string, string>,
  method = 'POST',
  payload = '{}',
): Promise<{ status: number; body: string }> {
  const url = new URL(path, host.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname, method, headers }, (res) => {
      let body = ''
      res.on('data', (c) => {
        body += c
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? payload : undefined)
  })
}

describe('browser host', () => {
  it('binds loopback only and prints the token in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(host.openUrl).toBe(`${host.url}/#token=${token}`)
  })

  it('refuses an API request with a wrong token', async () => {
    const r = await send('/api/app.info', { [TOKEN_HEADER]: 'b'.repeat(43), 'content-type': 'application/json' })
    expect(r.status).toBe(403)
    expect(calls).not.toContain('app.info')
  })

  it('refuses an API request without a token', async () => {
    expect((await send('/api/app.info', {})).status).toBe(403)
  })

  it('refuses a request from a foreign Origin even with the right token', async () => {
    const r = await send('/api/app.info', { [TOKEN_HEADER]: token, origin: 'https://evil.example' })
    expect(r.status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send('/', { host: 'evil.example' }, 'GET')
    expect(r.status).toBe(403)
  })

  it('answers a request with the right token from its own origin', async () => {
    const r = await send('/api/app.info', { [TOKEN_HEADER]: token, origin: host.url })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { channel: 'app.info' } })
  })

  it('serves the renderer with a strict content security policy', async () => {
    const res = await fetch(`${host.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await res.text()).toContain('KeyDesk')
  })

  it('does not serve files outside the renderer folder', async () => {
    const r = await send('/..%2f..%2fetc%2fpasswd', {}, 'GET')
    expect(r.status).toBe(404)
  })

  it('answers a batch of calls with one line per call, each naming its place in the batch', async () => {
    const auth = { [TOKEN_HEADER]: token, 'content-type': 'application/json' }
    const batch = JSON.stringify([{ channel: 'keys.list', input: { accountId: 'a' } }, { channel: 'vault.status' }])
    const r = await send('/api/batch', auth, 'POST', batch)
    expect(r.status).toBe(200)
    const lines = r.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { i: number; reply: Reply })
    expect(lines.map((l) => [l.i, l.reply]).sort()).toEqual([
      [0, { ok: true, value: { channel: 'keys.list' } }],
      [1, { ok: true, value: { channel: 'vault.status' } }],
    ])
  })

  it('refuses a batch without the token, and one that is not a list of calls', async () => {
    const batch = JSON.stringify([{ channel: 'app.info' }])
    expect((await send('/api/batch', { 'content-type': 'application/json' }, 'POST', batch)).status).toBe(403)
    const auth = { [TOKEN_HEADER]: token, 'content-type': 'application/json' }
    expect((await send('/api/batch', auth, 'POST', '{"channel":"app.info"}')).status).toBe(400)
    expect((await send('/api/batch', auth, 'POST', '[]')).status).toBe(400)
  })
})
