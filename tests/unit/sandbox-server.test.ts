// The sandbox server: loopback, control routes, faults, latency, size limits and garbage on every route.
import { describe, expect, it } from 'vitest'
import { account, call, control, credential, type Answer } from './sandbox-harness'
import { sandbox, spaceoneList, cloudmcList, onqlaveList, statusOf } from './sandbox-server-harness'

describe('sandbox server', () => {
  it('binds loopback and seeds distinct accounts with plain labels', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.accounts.map((a) => a.label)).toEqual([
      'Demo SpaceONE',
      'Demo SpaceONE 2',
      'Demo CloudMC',
      'Demo CloudMC 2',
      'Demo Onqlave',
      'Demo Onqlave 2',
      'Demo Cloudforet',
    ])
    expect(new Set(sandbox.accounts.map((a) => JSON.stringify(a.credentials))).size).toBe(7)
    expect(sandbox.spaceone.users).toHaveLength(6)
  })

  it('refuses control routes without the right token', async () => {
    const none = await call(`${sandbox.url}/__sandbox/reset`, { method: 'POST' })
    expect(none.status).toBe(403)
    const wrong = await call(`${sandbox.url}/__sandbox/state`, { headers: { 'X-Sandbox-Token': 'guess' } })
    expect(wrong.status).toBe(403)
  })

  it('reports counts but no secrets from the state route', async () => {
    const res = await control(sandbox, 'state')
    expect(res.status).toBe(200)
    expect(res.json.spaceone.keys).toEqual({ ENABLED: 2, DISABLED: 0 })
    expect(res.json.cloudmc.keys).toBe(4)
    expect(res.json.onqlave.keys.active).toBe(4)
    for (const a of sandbox.accounts)
      for (const secret of Object.values(a.credentials)) if (secret.length > 30) expect(res.text).not.toContain(secret)
    for (const u of sandbox.spaceone.users) expect(res.text).not.toContain(u.password)
  })

  it('resets to the seeded state, clock and config', async () => {
    await call(`${account(sandbox, 'cloudmc').endpoint}/api_keys`, {
      method: 'POST',
      headers: { 'MC-Api-Key': credential(account(sandbox, 'cloudmc'), 'apiKey') },
      body: '{}',
    })
    await control(sandbox, 'clock', { advanceSeconds: 3600 })
    await control(sandbox, 'config', { latencyMs: 5 })
    expect((await cloudmcList()).json.data).toHaveLength(3)
    await control(sandbox, 'reset')
    expect((await cloudmcList()).json.data).toHaveLength(2)
    const state = (await control(sandbox, 'state')).json
    expect(Math.abs(state.offsetSeconds)).toBe(0)
    expect(state.config.latencyMs).toBe(0)
  })

  it('sets and advances the clock', async () => {
    const set = await control(sandbox, 'clock', { offsetSeconds: 100 })
    expect(set.json.offsetSeconds).toBe(100)
    const moved = await control(sandbox, 'clock', { advanceSeconds: 50 })
    expect(moved.json.offsetSeconds).toBe(150)
    expect(Date.parse(moved.json.now) - Date.now()).toBeGreaterThan(149_000)
    expect((await control(sandbox, 'clock', { advanceSeconds: 'soon' })).status).toBe(400)
    expect((await control(sandbox, 'clock', { advanceSeconds: 1, offsetSeconds: 1 })).status).toBe(400)
  })

  it('validates config and names an unknown account', async () => {
    expect((await control(sandbox, 'config', { faultRate: 2 })).status).toBe(400)
    expect((await control(sandbox, 'config', { latencyMs: -1 })).status).toBe(400)
    expect((await control(sandbox, 'config', { colour: 'red' })).status).toBe(400)
    const unknown = await control(sandbox, 'config', { faultRate: 1, account: 'Demo Nothing' })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error).toContain('Demo Nothing')
    expect(
      (
        await call(`${sandbox.url}/__sandbox/config`, {
          method: 'POST',
          headers: { 'X-Sandbox-Token': sandbox.controlToken },
          body: '{',
        })
      ).status,
    ).toBe(400)
    expect(
      (await call(`${sandbox.url}/__sandbox/nothing`, { headers: { 'X-Sandbox-Token': sandbox.controlToken } })).status,
    ).toBe(404)
    expect(
      (await call(`${sandbox.url}/__sandbox/reset`, { headers: { 'X-Sandbox-Token': sandbox.controlToken } })).status,
    ).toBe(405)
  })

  it('answers faults as a 503 in each service’s envelope or a dropped connection, about half each', async () => {
    await control(sandbox, 'config', { faultRate: 1 })
    const statuses = await Promise.all(Array.from({ length: 40 }, () => statusOf(cloudmcList())))
    const unavailable = statuses.filter((s) => s === 503).length
    const dropped = statuses.filter((s) => s === 0).length
    expect(unavailable + dropped).toBe(40)
    expect(unavailable).toBeGreaterThan(5)
    expect(dropped).toBeGreaterThan(5)
    const shapes = async (request: () => Promise<Answer>): Promise<Answer> => {
      for (let i = 0; i < 40; i += 1) {
        try {
          return await request()
        } catch {
          // dropped: try again until a 503 shows its body
        }
      }
      throw new Error('no 503 in 40 tries')
    }
    expect((await shapes(() => spaceoneList())).json.detail.code).toBeTruthy()
    expect((await shapes(() => cloudmcList())).json.errors[0].code).toBe('SERVICE_UNAVAILABLE')
    expect((await shapes(() => onqlaveList())).json.error.code).toBe(503)
    expect((await control(sandbox, 'state')).status).toBe(200)
  })

  it('fails one account while the others list', async () => {
    await control(sandbox, 'config', { faultRate: 1, account: 'Demo CloudMC' })
    for (let i = 0; i < 5; i += 1) {
      expect([0, 503]).toContain(await statusOf(cloudmcList(1)))
      expect((await cloudmcList(2)).status).toBe(200)
      expect((await spaceoneList()).status).toBe(200)
      expect((await onqlaveList()).status).toBe(200)
    }
  })

  it('adds latency to every service response, per account when asked', async () => {
    // A wide latency keeps "delayed" and "not delayed" apart even on a loaded machine.
    await control(sandbox, 'config', { latencyMs: 600 })
    let t = performance.now()
    await call(`${sandbox.url}/nowhere`)
    expect(performance.now() - t).toBeGreaterThanOrEqual(590)
    await control(sandbox, 'config', { latencyMs: 0 })
    await control(sandbox, 'config', { latencyMs: 600, account: 'Demo Onqlave 2' })
    t = performance.now()
    await onqlaveList(1)
    expect(performance.now() - t).toBeLessThan(590)
    t = performance.now()
    await onqlaveList(2)
    expect(performance.now() - t).toBeGreaterThanOrEqual(590)
  })

  it('handles a request halfway through its latency: the work is done before the answer arrives', async () => {
    const cloudmc = account(sandbox, 'cloudmc')
    await control(sandbox, 'reset')
    await control(sandbox, 'config', { latencyMs: 600, account: cloudmc.label })
    const keysBefore = Number((await control(sandbox, 'state')).json.cloudmc.keys)
    const t = performance.now()
    const created = call(`${cloudmc.endpoint}/api_keys`, {
      method: 'POST',
      headers: { 'MC-Api-Key': credential(cloudmc, 'apiKey') },
      body: '{}',
    }).then(() => performance.now() - t)
    // Seen through the state route, which has no latency: the key exists while its create is still on its way back.
    let seenAfter = Number.NaN
    for (let i = 0; i < 120 && Number.isNaN(seenAfter); i += 1) {
      if ((await control(sandbox, 'state')).json.cloudmc.keys === keysBefore + 1) seenAfter = performance.now() - t
      else await new Promise((r) => setTimeout(r, 10))
    }
    const answeredAfter = await created
    await control(sandbox, 'reset')
    expect(seenAfter).toBeGreaterThanOrEqual(290)
    expect(answeredAfter).toBeGreaterThanOrEqual(590)
    expect(seenAfter).toBeLessThan(answeredAfter - 100)
  })

  it('answers a body over 1 MiB with 413 in the service’s envelope and keeps serving', async () => {
    const big = `{"pad":"${'x'.repeat(1024 * 1024 + 10)}"}`
    const s = await call(`${sandbox.url}/identity/api-key/list`, { method: 'POST', body: big })
    expect(s.status).toBe(413)
    expect(s.json.detail.code).toBeTruthy()
    const c = await call(`${account(sandbox, 'cloudmc').endpoint}/api_keys`, { method: 'POST', body: big })
    expect(c.status).toBe(413)
    expect(c.json.errors).toHaveLength(1)
    const o = await call(`${sandbox.url}/oe2/keymanager/encrypt`, { method: 'POST', body: big })
    expect(o.status).toBe(413)
    expect(o.json.error.code).toBe(413)
    expect((await spaceoneList()).status).toBe(200)
  })

  it('answers paths outside every prefix with 404 and an empty object', async () => {
    for (const path of ['/', '/v1/identity', '/api/v3/users', '/tenantsx']) {
      const res = await call(`${sandbox.url}${path}`)
      expect(res.status).toBe(404)
      expect(res.json).toEqual({})
    }
  })

  it('survives wrong types and garbage on every route', async () => {
    const bodies = [
      'null',
      '[]',
      '"text"',
      '42',
      '{"query":{"filter":[null,{"k":1}]}}',
      '{"api_key":[]}',
      '\u0000\u0001',
    ]
    const paths = [
      '/identity/api-key/list',
      '/identity/api-key/create',
      '/identity/token/issue',
      '/identity/token/refresh',
      '/api/v2/api_keys',
      `/tenants/${credential(account(sandbox, 'onqlave'), 'tenantId')}/keys`,
      '/tenants/login',
      '/oe2/keymanager/decrypt',
    ]
    const headers = {
      Authorization: `Bearer ${credential(account(sandbox, 'onqlave'), 'token')}`,
      'MC-Api-Key': credential(account(sandbox, 'cloudmc'), 'apiKey'),
    }
    for (const path of paths) {
      for (const body of bodies) {
        const res = await call(`${sandbox.url}${path}`, { method: 'POST', headers, body })
        // Some of these are acceptable requests (CloudMC ignores unknown fields); none may crash the server.
        expect(res.status).toBeLessThan(500)
        expect(res.json).toBeDefined()
      }
    }
    expect((await spaceoneList()).status).toBe(200)
  })
})
