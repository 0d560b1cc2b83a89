// The SpaceONE 1.x sandbox: who may touch which key, parameter checks, and the list query.
import { describe, expect, it } from 'vitest'
import { type Answer } from './sandbox-harness'
import { anyString } from '../support/match'
import { did, aud, ownKeyId, post, user, signIn, createKey, expectError } from './sandbox-spaceone-harness'

describe('SpaceONE sandbox: access and queries', () => {
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
})
