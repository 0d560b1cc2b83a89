// The SpaceONE 1.x sandbox: keys (JWT shape, list, create, enable/disable, the auth cache TTL) and token expiry.
import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { account, call, control } from './sandbox-harness'
import {
  sandbox,
  token,
  did,
  aud,
  ownKeyId,
  payloadOf,
  post,
  user,
  signIn,
  createKey,
  expectError,
  authenticates,
} from './sandbox-spaceone-harness'

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
})
