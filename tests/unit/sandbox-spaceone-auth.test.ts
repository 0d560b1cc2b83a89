// The SpaceONE 1.x sandbox: endpoints, password sign-in, refresh tokens, and its error envelope.
import { describe, expect, it } from 'vitest'
import { call, control } from './sandbox-harness'
import {
  sandbox,
  token,
  did,
  payloadOf,
  post,
  user,
  signIn,
  expectError,
  authenticates,
} from './sandbox-spaceone-harness'

describe('SpaceONE sandbox: sign-in and envelope', () => {
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
