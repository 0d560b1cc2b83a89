import { generateKeyPairSync, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox, SandboxSpaceoneUser } from '../../src/sandbox/index'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'
import { anyString } from '../support/match'

let sandbox: Sandbox
let token: string
let did: string
let aud: string
let ownKeyId: string

function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

/** `bearer` null sends no Authorization header. */
function post(path: string, body: unknown, bearer: string | null = token): Promise<Answer> {
  return call(`${sandbox.url}/identity/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function user(role: SandboxSpaceoneUser['role'], n = 0): SandboxSpaceoneUser {
  const found = sandbox.spaceone.users.filter((u) => u.role === role)[n]
  if (!found) throw new Error(`no ${role} user`)
  return found
}

async function signIn(u: SandboxSpaceoneUser): Promise<{ access_token: string; refresh_token: string }> {
  const res = await post(
    'token/issue',
    { user_id: u.userId, credentials: { password: u.password }, user_type: 'USER', domain_id: u.domainId },
    null,
  )
  expect(res.status).toBe(200)
  return res.json
}

async function createKey(): Promise<{ api_key_id: string; api_key: string }> {
  const res = await post('api-key/create', { user_id: aud, domain_id: did })
  expect(res.status).toBe(200)
  return res.json
}

function expectError(res: Answer, status: number, code: string, message?: string): void {
  expect(res.status).toBe(status)
  expect(res.json.detail.code).toBe(code)
  expect(res.json.detail.fail_items).toEqual({})
  if (message !== undefined) expect(res.json.detail.message).toBe(message)
}

const authenticates = async (bearer: string): Promise<number> => (await post('endpoint/list', {}, bearer)).status

beforeAll(async () => {
  sandbox = await start({ accountsPerProvider: 2 })
  token = credential(account(sandbox, 'spaceone'), 'token')
  const payload = payloadOf(token)
  did = String(payload.did)
  aud = String(payload.aud)
  ownKeyId = String(payload.api_key_id)
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})

describe('SpaceONE sandbox', () => {
  it('hands out an API-key JWT shaped exactly like identity key_generator output', () => {
    const [header] = token.split('.')
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toEqual({ alg: 'RS256' })
    const payload = payloadOf(token)
    expect(Object.keys(payload)).toEqual(['cat', 'user_type', 'did', 'aud', 'iat', 'api_key_id', 'ver'])
    expect(payload).toMatchObject({ cat: 'API_KEY', user_type: 'USER', ver: '2020-12-07' })
    expect(payload.did).toMatch(/^domain-[0-9a-f]{12}$/)
    expect(payload.api_key_id).toMatch(/^api-key-[0-9a-f]{12}$/)
    expect(account(sandbox, 'spaceone').endpoint).toBe(sandbox.url)
  })

  it('validates cheaply with a count_only list and seeds one key so the two-key rule can be shown', async () => {
    const res = await post('api-key/list', { user_id: aud, domain_id: did, query: { count_only: true } })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ results: [], total_count: 1 })
  })

  it('lists APIKeyInfo with every field rendered and the secret blank', async () => {
    const res = await post('api-key/list', { user_id: aud, domain_id: did, query: { sort: { key: 'created_at' } } })
    expect(res.status).toBe(200)
    expect(res.json.total_count).toBe(1)
    const [info] = res.json.results
    expect(Object.keys(info)).toEqual([
      'api_key_id',
      'api_key',
      'state',
      'user_id',
      'domain_id',
      'last_accessed_at',
      'created_at',
    ])
    expect(info).toMatchObject({
      api_key_id: ownKeyId,
      api_key: '',
      state: 'ENABLED',
      user_id: aud,
      domain_id: did,
      last_accessed_at: '',
    })
    expect(info.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('returns the secret only in the create response, and the new key works at once', async () => {
    const created = await createKey()
    expect(created.api_key_id).toMatch(/^api-key-[0-9a-f]{12}$/)
    expect(payloadOf(created.api_key)).toMatchObject({ cat: 'API_KEY', did, aud, api_key_id: created.api_key_id })
    expect(payloadOf(created.api_key).exp).toBeUndefined()
    const got = await post('api-key/get', { api_key_id: created.api_key_id, domain_id: did })
    expect(got.json.api_key).toBe('')
    expect(await authenticates(created.api_key)).toBe(200)
  })

  it('does not enforce the two-key limit', async () => {
    await createKey()
    await createKey()
    const res = await post('api-key/list', { user_id: aud, domain_id: did, query: { count_only: true } })
    expect(res.json.total_count).toBe(3)
  })

  it('enables and disables idempotently and shows the new state at once', async () => {
    const { api_key_id } = await createKey()
    const first = await post('api-key/disable', { api_key_id, domain_id: did })
    expect(first.json).toMatchObject({ api_key_id, state: 'DISABLED', api_key: '' })
    expect((await post('api-key/disable', { api_key_id, domain_id: did })).json.state).toBe('DISABLED')
    expect((await post('api-key/get', { api_key_id, domain_id: did })).json.state).toBe('DISABLED')
    expect((await post('api-key/enable', { api_key_id, domain_id: did })).json.state).toBe('ENABLED')
    expect((await post('api-key/enable', { api_key_id, domain_id: did })).json.state).toBe('ENABLED')
  })

  it('keeps a recently used key authenticating after disable until the cache TTL passes', async () => {
    const { api_key_id, api_key } = await createKey()
    expect(await authenticates(api_key)).toBe(200)
    await post('api-key/disable', { api_key_id, domain_id: did })
    await control(sandbox, 'clock', { advanceSeconds: 299 })
    expect(await authenticates(api_key)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 2 })
    expectError(
      await post('endpoint/list', {}, api_key),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Authenticate failure. (message = The state of the API key has been disabled.)',
    )
  })

  it('rejects a disabled key at once when it was not cached, and accepts it at once after enable', async () => {
    const { api_key_id, api_key } = await createKey()
    await post('api-key/disable', { api_key_id, domain_id: did })
    expect(await authenticates(api_key)).toBe(401)
    await post('api-key/enable', { api_key_id, domain_id: did })
    expect(await authenticates(api_key)).toBe(200)
  })

  it('keeps a deleted key authenticating until the TTL, then calls it invalid, and get gives 404', async () => {
    const { api_key_id, api_key } = await createKey()
    expect(await authenticates(api_key)).toBe(200)
    expect((await post('api-key/delete', { api_key_id, domain_id: did })).json).toEqual({})
    expectError(
      await post('api-key/get', { api_key_id, domain_id: did }),
      404,
      'ERROR_NOT_FOUND',
      `Value not found. (('api_key_id', 'domain_id') = ('${api_key_id}', '${did}'))`,
    )
    expect(await authenticates(api_key)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 301 })
    expectError(
      await post('endpoint/list', {}, api_key),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Authenticate failure. (message = API key is invalid.)',
    )
  })

  it('takes the propagation window from the configured TTL in real time', async () => {
    await control(sandbox, 'config', { propagationSeconds: 1 })
    const { api_key_id, api_key } = await createKey()
    expect(await authenticates(api_key)).toBe(200)
    await post('api-key/disable', { api_key_id, domain_id: did })
    expect(await authenticates(api_key)).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(await authenticates(api_key)).toBe(401)
  })

  it('answers each bad credential with the documented authenticate-failure message', async () => {
    expectError(
      await post('endpoint/list', {}, null),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Token is not set. (Headers.authorization: Bearer <token>)',
    )
    const basic = await call(`${sandbox.url}/identity/endpoint/list`, {
      method: 'POST',
      headers: { Authorization: 'Basic abc' },
      body: '{}',
    })
    expectError(basic, 401, 'ERROR_AUTHENTICATE_FAILURE', 'Token format is invalid.')
    expectError(
      await post('endpoint/list', {}, 'not-a-jwt'),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Token is invalid or expired.',
    )
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const [head, body] = token.split('.')
    const forged = `${head}.${body}.${sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`
    expectError(
      await post('endpoint/list', {}, forged),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Authenticate failure. (message = Token is invalid or expired.)',
    )
  })

  it('expires access tokens after 1200 seconds on the sandbox clock', async () => {
    const { access_token } = await signIn(user('USER'))
    expect(payloadOf(access_token)).toMatchObject({ cat: 'ACCESS_TOKEN', user_type: 'USER', did, aud })
    expect(await authenticates(access_token)).toBe(200)
    await control(sandbox, 'clock', { advanceSeconds: 1201 })
    expectError(
      await post('endpoint/list', {}, access_token),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      'Authenticate failure. (message = Token is invalid or expired.)',
    )
  })

  it('holds a normal user to their own keys', async () => {
    const admin = user('DOMAIN_ADMIN')
    expectError(
      await post('api-key/list', { user_id: admin.userId, domain_id: did }),
      403,
      'ERROR_PERMISSION_DENIED',
      'Permission denied.',
    )
    expectError(await post('api-key/create', { user_id: admin.userId, domain_id: did }), 403, 'ERROR_PERMISSION_DENIED')
    const forced = await post('api-key/list', { domain_id: did })
    expect(forced.json.results.every((r: { user_id: string }) => r.user_id === aud)).toBe(true)
  })

  it('refuses a foreign domain_id', async () => {
    const other = user('USER', 1)
    expect(other.domainId).not.toBe(did)
    expectError(await post('api-key/list', { user_id: aud, domain_id: other.domainId }), 403, 'ERROR_PERMISSION_DENIED')
    expectError(
      await post('api-key/get', { api_key_id: ownKeyId, domain_id: other.domainId }),
      403,
      'ERROR_PERMISSION_DENIED',
    )
  })

  it('refuses every key call to a user without key permission, who may still list endpoints', async () => {
    const { access_token } = await signIn(user('NO_PERMISSION'))
    expectError(await post('api-key/list', { domain_id: did }, access_token), 403, 'ERROR_PERMISSION_DENIED')
    expectError(
      await post('api-key/create', { user_id: user('NO_PERMISSION').userId, domain_id: did }, access_token),
      403,
      'ERROR_PERMISSION_DENIED',
    )
    expectError(
      await post('api-key/get', { api_key_id: ownKeyId, domain_id: did }, access_token),
      403,
      'ERROR_PERMISSION_DENIED',
    )
    expect((await post('endpoint/list', {}, access_token)).status).toBe(200)
  })

  it('lets a domain admin see every user, act on other users’ keys and get 404 for an unknown user', async () => {
    const { access_token } = await signIn(user('DOMAIN_ADMIN'))
    const created = await post('api-key/create', { user_id: user('DOMAIN_ADMIN').userId, domain_id: did }, access_token)
    expect(created.status).toBe(200)
    const all = await post('api-key/list', { domain_id: did }, access_token)
    expect(all.json.total_count).toBe(2)
    expect((await post('api-key/disable', { api_key_id: ownKeyId, domain_id: did }, access_token)).json.state).toBe(
      'DISABLED',
    )
    expectError(
      await post('api-key/create', { user_id: 'nobody@sandbox.test', domain_id: did }, access_token),
      404,
      'ERROR_NOT_FOUND',
    )
  })

  it('forbids a normal user to touch another user’s key', async () => {
    const { access_token } = await signIn(user('DOMAIN_ADMIN'))
    const created = await post('api-key/create', { user_id: user('DOMAIN_ADMIN').userId, domain_id: did }, access_token)
    expectError(
      await post('api-key/disable', { api_key_id: created.json.api_key_id, domain_id: did }),
      403,
      'ERROR_PERMISSION_DENIED',
    )
  })

  it('requires api_key_id everywhere, domain_id on get, and strings as strings', async () => {
    expectError(
      await post('api-key/enable', { domain_id: did }),
      400,
      'ERROR_REQUIRED_PARAMETER',
      'Required parameter. (key = api_key_id)',
    )
    expectError(
      await post('api-key/get', { api_key_id: ownKeyId }),
      400,
      'ERROR_REQUIRED_PARAMETER',
      'Required parameter. (key = domain_id)',
    )
    expectError(
      await post('api-key/create', { domain_id: did }),
      400,
      'ERROR_REQUIRED_PARAMETER',
      'Required parameter. (key = user_id)',
    )
    expect((await post('api-key/disable', { api_key_id: ownKeyId })).status).toBe(200)
    expectError(await post('api-key/delete', { api_key_id: 42, domain_id: did }), 400, 'ERROR_INVALID_PARAMETER_TYPE')
    expectError(
      await post('api-key/enable', { api_key_id: 'api-key-000000000000', domain_id: did }),
      404,
      'ERROR_NOT_FOUND',
    )
  })

  it('serves get with an only projection', async () => {
    const res = await post('api-key/get', { api_key_id: ownKeyId, domain_id: did, only: ['api_key_id', 'state'] })
    expect(res.json).toEqual({ api_key_id: ownKeyId, state: 'ENABLED' })
  })

  it('filters, sorts, pages and projects list results', async () => {
    const a = await createKey()
    const b = await createKey()
    await post('api-key/disable', { api_key_id: b.api_key_id, domain_id: did })
    const ids = [ownKeyId, a.api_key_id, b.api_key_id]
    const list = async (query: unknown, extra: object = {}): Promise<Answer> =>
      post('api-key/list', { user_id: aud, domain_id: did, query, ...extra })
    const idsOf = (res: Answer): string[] => res.json.results.map((r: { api_key_id: string }) => r.api_key_id)

    expect(idsOf(await list({}))).toEqual([...ids].sort())
    expect(idsOf(await list({ sort: { key: 'api_key_id', desc: true } }))).toEqual([...ids].sort().reverse())
    expect(idsOf(await list({ filter: [{ k: 'state', v: 'DISABLED', o: 'eq' }] }))).toEqual([b.api_key_id])
    expect(idsOf(await list({ filter: [{ k: 'state', v: 'DISABLED', o: 'not' }] })).sort()).toEqual(
      [ownKeyId, a.api_key_id].sort(),
    )
    expect(
      idsOf(await list({ filter: [{ k: 'api_key_id', v: [a.api_key_id, b.api_key_id], o: 'in' }] })).sort(),
    ).toEqual([a.api_key_id, b.api_key_id].sort())
    expect(idsOf(await list({ filter: [{ k: 'api_key_id', v: [a.api_key_id], o: 'not_in' }] })).sort()).toEqual(
      [ownKeyId, b.api_key_id].sort(),
    )
    expect(
      idsOf(await list({ filter: [{ k: 'api_key_id', v: a.api_key_id.slice(-6).toUpperCase(), o: 'contain' }] })),
    ).toEqual([a.api_key_id])
    expect((await list({ filter: [{ k: 'nothing', v: true, o: 'exists' }] })).json.total_count).toBe(0)
    expect((await list({ filter: [{ k: 'api_key_id', v: true, o: 'exists' }] })).json.total_count).toBe(3)
    const either = await list({
      filter_or: [
        { k: 'api_key_id', v: a.api_key_id, o: 'eq' },
        { k: 'api_key_id', v: b.api_key_id, o: 'eq' },
      ],
    })
    expect(idsOf(either).sort()).toEqual([a.api_key_id, b.api_key_id].sort())
    const paged = await list({ sort: { key: 'api_key_id' }, page: { start: 2, limit: 1 } })
    expect(paged.json.total_count).toBe(3)
    expect(idsOf(paged)).toEqual([[...ids].sort()[1]])
    expect((await list({ page: { start: 1, limit: 0 } })).json.results).toHaveLength(3)
    expect(Object.keys((await list({ minimal: true })).json.results[0])).toEqual(['api_key_id', 'state', 'user_id'])
    expect((await list({ only: ['created_at'] })).json.results[0]).toEqual({ created_at: anyString() })
    expect(idsOf(await list({ keyword: a.api_key_id.slice(-5) }))).toEqual([a.api_key_id])
    expect(idsOf(await list({}, { state: 'DISABLED' }))).toEqual([b.api_key_id])
    expect(idsOf(await list({}, { api_key_id: a.api_key_id }))).toEqual([a.api_key_id])
  })

  it('rejects an in filter with a scalar and an unknown operator as documented', async () => {
    const base = { user_id: aud, domain_id: did }
    expectError(
      await post('api-key/list', { ...base, query: { filter: [{ k: 'state', v: 'ENABLED', o: 'in' }] } }),
      400,
      'ERROR_OPERATOR_LIST_VALUE_TYPE',
    )
    expectError(
      await post('api-key/list', { ...base, query: { filter: [{ k: 'state', v: 'x', o: 'sounds_like' }] } }),
      500,
      'ERROR_DB_QUERY',
    )
    expectError(await post('api-key/list', { ...base, query: 'everything' }), 400, 'ERROR_INVALID_PARAMETER_TYPE')
  })

  it('lists the helm services as endpoints for any valid token', async () => {
    const res = await post('endpoint/list', {})
    expect(res.status).toBe(200)
    expect(res.json.total_count).toBe(11)
    expect(res.json.results.map((e: { service: string }) => e.service)).toEqual([
      'identity',
      'inventory',
      'plugin',
      'repository',
      'secret',
      'monitoring',
      'config',
      'power_scheduler',
      'statistics',
      'billing',
      'notification',
    ])
    expect(res.json.results[0]).toEqual({
      service: 'identity',
      name: 'Identity Service',
      endpoint: 'grpc+ssl://identity.api.sandbox.test:443/v1',
      state: 'NONE',
      version: '',
    })
  })

  it('issues tokens for a correct password only', async () => {
    const u = user('USER')
    const wrong = await post(
      'token/issue',
      { user_id: u.userId, credentials: { password: 'nope' }, user_type: 'USER', domain_id: did },
      null,
    )
    expectError(
      wrong,
      401,
      'ERROR_AUTHENTICATION_FAILURE',
      `A user "${u.userId}" is not exist or password is not correct.`,
    )
    const pair = await signIn(u)
    expect(Object.keys(payloadOf(pair.refresh_token))).toEqual([
      'cat',
      'user_type',
      'did',
      'aud',
      'iat',
      'exp',
      'key',
      'ttl',
    ])
    expect(payloadOf(pair.refresh_token)).toMatchObject({ cat: 'REFRESH_TOKEN', ttl: 18 })
    const access = payloadOf(pair.access_token)
    expect(Number(access.exp) - Number(access.iat)).toBe(1200)
  })

  it('refreshes 18 times, then reports the count exhausted', async () => {
    let pair = await signIn(user('USER'))
    for (let i = 0; i < 18; i += 1) {
      const res = await post('token/refresh', {}, pair.refresh_token)
      expect(res.status).toBe(200)
      pair = res.json
    }
    expect(await authenticates(pair.access_token)).toBe(200)
    expectError(
      await post('token/refresh', {}, pair.refresh_token),
      401,
      'ERROR_REFRESH_COUNT',
      'The refresh count is exhausted.',
    )
  })

  it('refuses an access token, an expired or a forgotten refresh token for refresh', async () => {
    const pair = await signIn(user('USER'))
    expectError(
      await post('token/refresh', {}, pair.access_token),
      401,
      'ERROR_INVALID_REFRESH_TOKEN',
      'Refresh token is invalid or expired.',
    )
    await control(sandbox, 'reset')
    expectError(await post('token/refresh', {}, pair.refresh_token), 401, 'ERROR_INVALID_REFRESH_TOKEN')
    const fresh = await signIn(user('USER'))
    await control(sandbox, 'clock', { advanceSeconds: 1801 })
    expectError(await post('token/refresh', {}, fresh.refresh_token), 401, 'ERROR_INVALID_REFRESH_TOKEN')
  })

  it('answers malformed JSON, unknown paths and other methods in its own envelope', async () => {
    expectError(await post('api-key/list', '{"user_id":'), 400, 'ERROR_UNKNOWN')
    expectError(await post('api-key/rotate', {}), 404, 'ERROR_UNKNOWN', 'Not Found')
    expectError(await post('v1/api-key/list', {}), 404, 'ERROR_UNKNOWN')
    const get = await call(`${sandbox.url}/identity/api-key/list`, { headers: { Authorization: `Bearer ${token}` } })
    expect(get.status).toBe(405)
    expect(get.json.detail.code).toBe('ERROR_UNKNOWN')
  })
})
