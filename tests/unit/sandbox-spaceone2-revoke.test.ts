import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { call, control, start } from './sandbox-harness'
import { expectError, post2, probe } from './sandbox-spaceone2-harness'

let sandbox: Sandbox
let secret: string
let ids: Sandbox['spaceone2']['ids']

const post = (path: string, body: unknown, bearer: string | null = secret) => post2(sandbox, path, body, bearer)

async function createApp(body: Record<string, unknown> = {}): Promise<Record<string, any>> {
  await post('/identity/role/list', {})
  const res = await post('/identity/app/create', {
    name: 'ci',
    role_id: 'managed-domain-admin',
    resource_group: 'DOMAIN',
    ...body,
  })
  expect(res.status).toBe(200)
  return res.json
}

beforeAll(async () => {
  sandbox = await start()
  secret = sandbox.spaceone2.secrets.credential
  ids = sandbox.spaceone2.ids
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})

describe('Cloudforet 2.x sandbox: revocation and the check cache', () => {
  it('keeps a disabled secret working until the check cache TTL, then answers 403; enable works at once', async () => {
    const app = await createApp()
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    await post('/identity/app/disable', { app_id: app.app_id })
    await control(sandbox, 'clock', { advanceSeconds: 299 })
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 2 })
    expectError(
      await post('/identity/role/list', {}, app.client_secret),
      403,
      'ERROR_PERMISSION_DENIED',
      'Permission denied.',
    )
    await post('/identity/app/enable', { app_id: app.app_id })
    expect(await probe(sandbox, app.client_secret)).toBe(200)
  })

  it('deletes hard: get gives 404 at once while the cached secret lives until the TTL', async () => {
    const app = await createApp()
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    expect((await post('/identity/app/delete', { app_id: app.app_id })).json).toEqual({})
    expectError(
      await post('/identity/app/get', { app_id: app.app_id }),
      404,
      'ERROR_NOT_FOUND',
      ` Resource cannot be found or access is denied. (('app_id', 'domain_id') = ('${app.app_id}', '${ids.domainId}'))`,
    )
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 301 })
    expect(await probe(sandbox, app.client_secret)).toBe(403)
  })

  it('regenerates a new client id and secret; the old one dies after the TTL and a disabled app stays refused', async () => {
    const app = await createApp()
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    const next = await post('/identity/app/generate-client-secret', {
      app_id: app.app_id,
      expired_at: '2027-02-01T00:00:00Z',
    })
    expect(next.json.client_id).not.toBe(app.client_id)
    expect(next.json.expired_at).toBe('2027-02-01T00:00:00.000Z')
    expect(await probe(sandbox, next.json.client_secret)).toBe(200)
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 301 })
    expect(await probe(sandbox, app.client_secret)).toBe(403)
    await post('/identity/app/disable', { app_id: app.app_id })
    const again = await post('/identity/app/generate-client-secret', { app_id: app.app_id })
    expect(again.json.state).toBe('DISABLED')
    expect(await probe(sandbox, again.json.client_secret)).toBe(403)
  })

  it('takes the check cache TTL from --propagation-seconds and records last use on a cache miss', async () => {
    await control(sandbox, 'config', { propagationSeconds: 10 })
    const app = await createApp()
    expect(app.last_accessed_at).toBeUndefined()
    expect(await probe(sandbox, app.client_secret)).toBe(200)
    expect((await post('/identity/app/get', { app_id: app.app_id })).json.last_accessed_at).toMatch(/Z$/)
    await post('/identity/app/disable', { app_id: app.app_id })
    await control(sandbox, 'clock', { advanceSeconds: 11 })
    expect(await probe(sandbox, app.client_secret)).toBe(403)
  })
})

describe('Cloudforet 2.x sandbox: expiry reminders', () => {
  it('lists, instead of mailing, the apps expiring on the 1st, 7th and 30th day from UTC midnight', async () => {
    const reminders = () =>
      call(`${sandbox.url}/__sandbox/spaceone2/reminders`, { headers: { 'X-Sandbox-Token': sandbox.controlToken } })
    const first = await reminders()
    expect(first.status).toBe(200)
    expect(first.json.days).toEqual([1, 7, 30])
    const ids = sandbox.spaceone2.ids
    expect(first.json.due.some((d: { app_id: string }) => d.app_id === ids.expiringAppId)).toBe(false)
    await control(sandbox, 'clock', { advanceSeconds: 5 * 86_400 })
    const later = await reminders()
    expect(later.json.due).toContainEqual(
      expect.objectContaining({ app_id: ids.expiringAppId, name: 'report-bot', days: 1 }),
    )
    await post('/identity/app/disable', { app_id: ids.expiringAppId })
    expect((await reminders()).json.due).toContainEqual(expect.objectContaining({ app_id: ids.expiringAppId }))
  })
})
