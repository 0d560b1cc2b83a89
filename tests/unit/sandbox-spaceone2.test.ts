import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { call, control, start } from './sandbox-harness'
import { expectError, payloadOf, post2, probe } from './sandbox-spaceone2-harness'

let sandbox: Sandbox
let secret: string
let ids: Sandbox['spaceone2']['ids']

const post = (path: string, body: unknown, bearer: string | null = secret) => post2(sandbox, path, body, bearer)
const YEAR = 365 * 86_400_000

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

describe('Cloudforet 2.x sandbox: routes and the secret', () => {
  it('serves under /spaceone2 and mints client secrets shaped like identity key_generator output', () => {
    expect(sandbox.spaceone2.endpoint).toBe(`${sandbox.url}/spaceone2`)
    const [head] = secret.split('.')
    expect(JSON.parse(Buffer.from(head ?? '', 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT' })
    const p = payloadOf(secret)
    expect(Object.keys(p)).toEqual(['iss', 'typ', 'own', 'did', 'aud', 'jti', 'iat', 'ver', 'exp', 'rol', 'wid'])
    expect(p).toMatchObject({ iss: 'spaceone.identity', typ: 'CLIENT_SECRET', own: 'APP', ver: '2.0', wid: '*' })
    expect(p).toMatchObject({ did: ids.domainId, aud: ids.credentialAppId, rol: 'DOMAIN_ADMIN' })
    expect(p.jti).toMatch(/^client-[0-9a-f]{12}$/)
    expect(p.cat).toBeUndefined()
  })

  it('answers unserved three-part paths with ERROR_UNSUPPORTED_API before authentication, others with FastAPI 404', async () => {
    expectError(
      await post('/identity/api-key/list', {}, null),
      500,
      'ERROR_UNSUPPORTED_API',
      'Call Unsupported API. (reason = method: POST, path: /identity/api-key/list)',
    )
    expectError(await post('/identity/app/check', {}, null), 500, 'ERROR_UNSUPPORTED_API')
    const other = await post('/identity/app', {}, null)
    expect(other.status).toBe(404)
    expect(other.json).toEqual({ detail: 'Not Found' })
  })

  it('leaves the 1.x routes answering /identity/app/* with 404 ERROR_UNKNOWN', async () => {
    const res = await call(`${sandbox.url}/identity/app/list`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(404)
    expect(res.json.detail.code).toBe('ERROR_UNKNOWN')
  })

  it('validates cheaply with count_only and renders an empty answer as {}', async () => {
    expect((await post('/identity/app/list', { query: { count_only: true } })).json).toEqual({ total_count: 6 })
    const none = await post('/identity/app/list', { name: 'nobody', query: { count_only: true } })
    expect(none.status).toBe(200)
    expect(none.json).toEqual({})
    expect((await post('/identity/app/list', { name: 'nobody' })).json).toEqual({})
  })

  it('lists apps newest first in proto order with defaults omitted and never a secret', async () => {
    const res = await post('/identity/app/list', { query: { sort: [{ key: 'created_at', desc: true }] } })
    const results = res.json.results as Record<string, unknown>[]
    expect(results).toHaveLength(6)
    expect(results.map((r) => r.created_at)).toEqual([...results.map((r) => r.created_at)].sort().reverse())
    const own = results.find((r) => r.app_id === ids.credentialAppId) ?? {}
    expect(Object.keys(own)).toEqual([
      'app_id',
      'name',
      'state',
      'tags',
      'role_type',
      'resource_group',
      'domain_id',
      'workspace_id',
      'role_id',
      'client_id',
      'created_at',
      'last_accessed_at',
      'expired_at',
    ])
    expect(own).toMatchObject({ name: 'keydesk', state: 'ENABLED', workspace_id: '*', tags: { owner: 'ops' } })
    expect(String(own.expired_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/)
    const managed = results.find((r) => r.app_id === ids.managedAppId) ?? {}
    expect(managed.is_managed).toBe(true)
    const disabled = results.find((r) => r.app_id === ids.disabledAppId) ?? {}
    expect(disabled).toMatchObject({ state: 'DISABLED' })
    expect('is_managed' in disabled || 'tags' in disabled || 'last_accessed_at' in disabled).toBe(false)
    expect(results.some((r) => 'client_secret' in r)).toBe(false)
  })

  it('serves minimal, keyword, paging and top-level filters', async () => {
    const minimal = await post('/identity/app/list', { query: { minimal: true, keyword: 'keydesk' } })
    expect(minimal.json.results).toHaveLength(1)
    expect(Object.keys(minimal.json.results[0])).toEqual([
      'app_id',
      'name',
      'state',
      'role_type',
      'role_id',
      'expired_at',
    ])
    const page = await post('/identity/app/list', { query: { page: { start: 2, limit: 2 } } })
    expect(page.json.results).toHaveLength(2)
    expect(page.json.total_count).toBe(6)
    const disabled = await post('/identity/app/list', { state: 'DISABLED' })
    expect(disabled.json.results.map((r: { app_id: string }) => r.app_id)).toEqual([ids.disabledAppId])
  })

  it('refuses a 1.x sort object, unknown fields and bad enums with 500 ERROR_UNKNOWN', async () => {
    expectError(await post('/identity/app/list', { query: { sort: { key: 'created_at' } } }), 500, 'ERROR_UNKNOWN')
    expectError(await post('/identity/app/list', { domain_id: ids.domainId }), 500, 'ERROR_UNKNOWN')
    expectError(await post('/identity/app/get', { app_id: ids.credentialAppId, user_id: 'x' }), 500, 'ERROR_UNKNOWN')
    expectError(await post('/identity/app/list', { state: 'GONE' }), 500, 'ERROR_UNKNOWN')
    expectError(
      await post('/identity/app/list', '{nope'),
      500,
      'ERROR_UNKNOWN',
      'JSON Parsing Error: Request body requires JSON format.',
    )
  })
})

describe('Cloudforet 2.x sandbox: app lifecycle', () => {
  it('returns the secret only from create; the new secret works at once and get never carries it', async () => {
    const created = await createApp({ tags: { team: 'ci' }, expired_at: '2027-01-01T00:00:00Z' })
    expect(Object.keys(created).slice(0, 3)).toEqual(['app_id', 'client_secret', 'name'])
    expect(created.expired_at).toBe('2027-01-01T00:00:00.000Z')
    expect(payloadOf(created.client_secret)).toMatchObject({
      aud: created.app_id,
      jti: created.client_id,
      exp: 1798761600,
    })
    expect(await probe(sandbox, created.client_secret)).toBe(200)
    const got = await post('/identity/app/get', { app_id: created.app_id })
    expect(got.json.client_secret).toBeUndefined()
    expect(got.json.tags).toEqual({ team: 'ci' })
  })

  it('hides the managed roles from create until the domain has listed roles', async () => {
    const before = await post('/identity/app/create', {
      name: 'x',
      role_id: 'managed-domain-admin',
      resource_group: 'DOMAIN',
    })
    expectError(before, 404, 'ERROR_NOT_FOUND')
    const roles = await post('/identity/role/list', {})
    expect(roles.json.results.map((r: { role_id: string }) => r.role_id)).toEqual(
      expect.arrayContaining([
        'managed-domain-admin',
        'managed-workspace-owner',
        'managed-workspace-member',
        ids.customRoleId,
      ]),
    )
    await createApp()
  })

  it('checks role type against the group, the workspace, the project and the name length', async () => {
    await post('/identity/role/list', {})
    const base = { name: 'x', role_id: 'managed-workspace-owner' }
    expectError(
      await post('/identity/app/create', { ...base, resource_group: 'DOMAIN' }),
      400,
      'ERROR_NOT_ALLOWED_ROLE_TYPE',
    )
    expectError(
      await post('/identity/app/create', { ...base, resource_group: 'WORKSPACE' }),
      400,
      'ERROR_REQUIRED_PARAMETER',
      ' Required parameter. (key = workspace_id)',
    )
    expectError(
      await post('/identity/app/create', {
        ...base,
        resource_group: 'WORKSPACE',
        workspace_id: 'workspace-000000000000',
      }),
      404,
      'ERROR_NOT_FOUND',
    )
    const ws = await createApp({ ...base, resource_group: 'WORKSPACE', workspace_id: ids.workspaceId })
    expect(ws).toMatchObject({ workspace_id: ids.workspaceId, role_type: 'WORKSPACE_OWNER' })
    const member = {
      name: 'p',
      role_id: 'managed-workspace-member',
      resource_group: 'PROJECT',
      workspace_id: ids.workspaceId,
    }
    expectError(await post('/identity/app/create', member), 400, 'ERROR_REQUIRED_PARAMETER')
    expect((await createApp({ ...member, project_id: ids.projectId })).project_id).toBe(ids.projectId)
    expect((await createApp({ ...member, project_group_id: ids.projectGroupId })).project_group_id).toBe(
      ids.projectGroupId,
    )
    expect((await createApp({ name: 'x'.repeat(40) })).name).toHaveLength(40)
    expectError(
      await post('/identity/app/create', {
        name: 'x'.repeat(41),
        role_id: 'managed-domain-admin',
        resource_group: 'DOMAIN',
      }),
      500,
      'ERROR_DB_QUERY',
    )
  })

  it('compares the expiry limit as a string, so a …Z value on the limit date is refused, and sets no minimum', async () => {
    const state = await control(sandbox, 'state')
    const now = Date.parse(state.json.now)
    const limitDay = new Date(now + YEAR).toISOString().slice(0, 10)
    const dayBefore = new Date(now + YEAR - 86_400_000).toISOString().slice(0, 10)
    await post('/identity/role/list', {})
    const body = { name: 'x', role_id: 'managed-domain-admin', resource_group: 'DOMAIN' }
    expectError(
      await post('/identity/app/create', { ...body, expired_at: `${limitDay}T00:00:00Z` }),
      400,
      'ERROR_APP_EXPIRED_LIMIT',
    )
    expect((await post('/identity/app/create', { ...body, expired_at: `${dayBefore}T23:59:59Z` })).status).toBe(200)
    const past = await createApp({ expired_at: '2020-01-01T00:00:00Z' })
    expect(await probe(sandbox, past.client_secret)).toBe(401)
  })

  it('defaults the expiry to a year and shifts exp by the server time zone when expired_at has no offset', async () => {
    const plain = await createApp()
    const p = payloadOf(plain.client_secret)
    expect(Number(p.exp) * 1000).toBe(Date.parse(plain.expired_at))
    await control(sandbox, 'config', { naiveTzOffsetHours: 9 })
    const naive = await createApp({ expired_at: '2027-03-01T00:00:00' })
    expect(naive.expired_at).toBe('2027-03-01T00:00:00.000Z')
    expect(payloadOf(naive.client_secret).exp).toBe(Date.parse('2027-03-01T00:00:00Z') / 1000 - 9 * 3600)
    const zulu = await createApp({ expired_at: '2027-03-01T00:00:00Z' })
    expect(payloadOf(zulu.client_secret).exp).toBe(Date.parse('2027-03-01T00:00:00Z') / 1000)
  })

  it('updates name and replaces all tags; enable and disable are idempotent', async () => {
    const app = await createApp({ tags: { a: '1', b: '2' } })
    const updated = await post('/identity/app/update', { app_id: app.app_id, name: 'renamed', tags: { c: '3' } })
    expect(updated.json).toMatchObject({ name: 'renamed', tags: { c: '3' } })
    for (const verb of ['disable', 'disable', 'enable', 'enable'] as const) {
      const res = await post(`/identity/app/${verb}`, { app_id: app.app_id })
      expect(res.json.state).toBe(verb === 'disable' ? 'DISABLED' : 'ENABLED')
    }
  })

  it('refuses enable, disable and delete on a managed app but lets update and regenerate through', async () => {
    for (const verb of ['enable', 'disable', 'delete']) {
      expectError(
        await post(`/identity/app/${verb}`, { app_id: ids.managedAppId }),
        403,
        'ERROR_PERMISSION_DENIED',
        'Permission denied.',
      )
    }
    expect((await post('/identity/app/update', { app_id: ids.managedAppId, name: 'agent' })).status).toBe(200)
    expect((await post('/identity/app/generate-client-secret', { app_id: ids.managedAppId })).status).toBe(200)
  })
})
