import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/shared/api'
import { valueFromWire } from '../../src/shared/key-list-wire'
import type { KeyRecord } from '../../src/shared/model'
import type { KeyList } from '../../src/shared/results'
import { connect, Socket } from 'node:net'
import { MAX_CONNECTIONS, startHost, type Host } from '../../src/host/server'
import { OPEN_TICKET_TTL_MS, Sessions } from '../../src/host/session'

let host: Host
let cookie: string
let now = 0
const sessions = new Sessions(() => now)
let dir: string
const calls: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-host-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>KeyDesk</title>')
  const core = {
    invoke: async (channel: string): Promise<Reply> => {
      calls.push(channel)
      // Answered in a later task, as a listing is when its service answers.
      if (channel === 'app.later') await new Promise((resolve) => setImmediate(resolve))
      return { ok: true, value: { channel } }
    },
    onEvent: () => () => undefined,
  }
  host = await startHost({ core: core, rendererDir: dir, sessions })
  const first = await send(new URL(host.openUrl).pathname, {}, 'GET')
  cookie = (first.headers['set-cookie']?.[0] ?? '').split(';')[0]!
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
  payload: string | Buffer = '{}',
): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  const url = new URL(path, host.url)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname, method, headers, agent: false },
      (res) => {
        let body = ''
        res.on('data', (c) => {
          body += c
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(method === 'POST' ? payload : undefined)
  })
}

const auth = () => ({ cookie, 'content-type': 'application/json' })

describe('browser host', () => {
  it('binds loopback only and prints a one-time launch URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(host.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]{43}$/)
  })

  it('exchanges the launch URL once for an HttpOnly, SameSite=Strict session cookie, then gives nothing', async () => {
    const url = new URL(host.launchUrl()).pathname
    const first = await send(url, {}, 'GET')
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    expect(first.headers['set-cookie']?.[0]).toMatch(/^keydesk_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/)
    const again = await send(url, {}, 'GET')
    expect(again.status).toBe(403)
    expect(again.headers['set-cookie']).toBeUndefined()
    expect(again.body).toContain('npm run web -- --open')
  })

  it('lets a launch URL meant for a browser KeyDesk opens expire after a minute', async () => {
    const url = new URL(host.launchUrl(OPEN_TICKET_TTL_MS)).pathname
    now += OPEN_TICKET_TTL_MS + 1
    expect((await send(url, {}, 'GET')).status).toBe(403)
  })

  it('refuses an API request with a wrong session, or none', async () => {
    const r = await send('/api/app.info', { cookie: 'keydesk_session=forged', 'content-type': 'application/json' })
    expect(r.status).toBe(403)
    expect(calls).not.toContain('app.info')
    expect((await send('/api/app.info', {})).status).toBe(403)
  })

  it('refuses a request from a foreign Origin even with the session', async () => {
    const r = await send('/api/app.info', { ...auth(), origin: 'https://evil.example' })
    expect(r.status).toBe(403)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await send('/', { host: 'evil.example' }, 'GET')
    expect(r.status).toBe(403)
  })

  it('answers a request with the session from its own origin', async () => {
    const r = await send('/api/app.info', { ...auth(), origin: host.url })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { channel: 'app.info' } })
  })

  it('answers 400, not 500, to malformed percent-encoding and to a body that is not UTF-8', async () => {
    expect((await send('/api/app.%E0%A4%A', auth())).status).toBe(400)
    expect((await send('/%E0%A4%A', {}, 'GET')).status).toBe(400)
    expect((await send('/launch/%E0%A4%A', {}, 'GET')).status).toBe(400)
    const notUtf8 = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])
    expect((await send('/api/app.info', auth(), 'POST', notUtf8)).status).toBe(400)
  })

  it('refuses a body over its limit', async () => {
    expect((await send('/api/app.info', auth(), 'POST', 'x'.repeat(3 * 1024 * 1024))).status).toBe(413)
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
    const batch = JSON.stringify([{ channel: 'keys.list', input: { accountId: 'a' } }, { channel: 'vault.status' }])
    const r = await send('/api/batch', auth(), 'POST', batch)
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

  it('sends the answers of a batch that are ready in the same turn in one socket write, not one write each', async () => {
    type Raw = (this: Socket & { server?: unknown }, ...args: unknown[]) => unknown
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', Raw>
    const original = { _write: proto._write, _writev: proto._writev }
    let writes = 0
    for (const name of ['_write', '_writev'] as const)
      proto[name] = function (this: Socket & { server?: unknown }, ...args: unknown[]) {
        if (this.server) writes += 1
        return original[name].apply(this, args)
      }
    try {
      const batch = JSON.stringify(Array.from({ length: 20 }, () => ({ channel: 'app.later' })))
      const r = await send('/api/batch', auth(), 'POST', batch)
      expect(r.body.trim().split('\n')).toHaveLength(20)
    } finally {
      Object.assign(proto, original)
    }
    expect(writes).toBeGreaterThan(0)
    expect(writes).toBeLessThanOrEqual(3)
  })

  it('refuses a batch without the session, and one that is not a list of calls', async () => {
    const batch = JSON.stringify([{ channel: 'app.info' }])
    expect((await send('/api/batch', { 'content-type': 'application/json' }, 'POST', batch)).status).toBe(403)
    expect((await send('/api/batch', auth(), 'POST', '{"channel":"app.info"}')).status).toBe(400)
    expect((await send('/api/batch', auth(), 'POST', '[]')).status).toBe(400)
  })
})

describe('a key listing through the browser host', () => {
  it('reaches the page as the core listed it, asked alone or in a batch, in fewer bytes', async () => {
    const keys: KeyRecord[] = Array.from({ length: 50 }, (_, i) => ({
      provider: 'cloudmc',
      accountId: 'acct-1',
      keyId: `key-${i}`,
      name: `Key ${i}`,
      state: 'enabled',
      createdAt: '2026-11-30T10:00:00.000Z',
      extra: {},
      ...(i % 2 ? { lastUsedAt: '2026-11-30T11:00:00.000Z', lastUsedIp: '127.0.0.1' } : {}),
    }))
    const listed: KeyList = { accountId: 'acct-1', keys, fetchedAt: '2026-11-30T12:00:00.000Z' }
    const own = await startHost({
      core: { invoke: async () => ({ ok: true, value: listed }), onEvent: () => () => undefined },
      rendererDir: dir,
      sessions,
    })
    try {
      const ticket = await fetch(own.launchUrl(), { redirect: 'manual' })
      const headers = { cookie: ticket.headers.get('set-cookie')!.split(';')[0], 'content-type': 'application/json' }
      const alone = await fetch(`${own.url}/api/keys.list`, { method: 'POST', headers, body: '{"accountId":"acct-1"}' })
      const text = await alone.text()
      expect(text.length).toBeLessThan(JSON.stringify({ ok: true, value: listed }).length * 0.7)
      const reply = JSON.parse(text) as Reply
      expect(reply.ok && valueFromWire('keys.list', reply.value)).toEqual(listed)
      const body = JSON.stringify([{ channel: 'keys.list', input: { accountId: 'acct-1' } }])
      const inBatch = await (await fetch(`${own.url}/api/batch`, { method: 'POST', headers, body })).text()
      const line = JSON.parse(inBatch.trim()) as { reply: Reply }
      expect(line.reply.ok && valueFromWire('keys.list', line.reply.value)).toEqual(listed)
    } finally {
      await own.close()
    }
  })
})

describe('browser host under a connection flood', () => {
  it('caps its connections so one local user cannot hold every socket', async () => {
    const own = await startHost({
      core: { invoke: async () => ({ ok: true, value: null }), onEvent: () => () => undefined },
      rendererDir: dir,
    })
    let closed = 0
    let enough: () => void = () => undefined
    const fiveClosed = new Promise<void>((resolve) => {
      enough = resolve
    })
    const sockets = Array.from({ length: MAX_CONNECTIONS + 5 }, () => {
      const s = connect(Number(new URL(own.url).port), '127.0.0.1')
      s.on('error', () => undefined)
      s.on('close', () => {
        closed++
        if (closed >= 5) enough()
      })
      return s
    })
    // The server drops what is over its cap as soon as it accepts it.
    await fiveClosed
    for (const s of sockets) s.destroy()
    await own.close()
    expect(closed).toBeGreaterThanOrEqual(5)
  })
})
