// The Onqlave sandbox's management plane: signing, validation, the key list, create, delete, the one-time secret, sign-in, errors.
import { describe, expect, it } from 'vitest'
import { digestOf, signatureOf } from '../../src/sandbox/onqlave-crypto'
import { account, call, control, credential } from './sandbox-harness'
import { anyString, stringMatching } from '../support/match'
import { sandbox, signedHeaders, api, keys, expectError, model } from './sandbox-onqlave-harness'

describe('Onqlave sandbox', () => {
  it('reproduces the documented signing test vector, in the test’s signer and the sandbox’s', () => {
    const creds = {
      arxUrl: 'https://dp0.onqlave.io/cluster--lfGOnCmR9-niDEN5aAiBG',
      accessKey: 'access_key',
      signingKey: 'signing_key',
      secretKey: '',
    }
    const headers = signedHeaders(creds, '{}')
    expect(headers['ONQLAVE-DIGEST']).toBe(
      'SHA512=J8dGcK23UHX60FjVzq97IMTneGyDuuijL2Jvl4KvNMmjPCBG72D9Knh403jin+yFGAa72aZ4ePOp8c2kgwdj/Q==',
    )
    const expected =
      'HMAC-SHA512=IDoqO9V3J9LD+p1ygE8U1hbki7qJZpNJ0h91agfB92Sx5XfwnqNdmU+bVl+eLCTXViD2A+gs7yUemEI8e3EtLw=='
    expect(headers['ONQLAVE-SIGNATURE']).toBe(expected)
    expect(digestOf(Buffer.from('{}'))).toBe(headers['ONQLAVE-DIGEST'])
    expect(signatureOf((name) => headers[name], 'signing_key')).toBe(expected)
  })

  it('validates with keys/base: the acl and a model with a server application and an aes-gcm-256 cluster', async () => {
    const res = await api('GET', `${keys()}/base`)
    expect(res.status).toBe(200)
    expect(res.json.error.code).toBe(0)
    const { acl, model: m } = res.json.data
    expect(acl).toHaveProperty('can')
    expect(m.applications).toHaveLength(1)
    expect(m.applications[0]).toMatchObject({
      id: stringMatching(/^app--[A-Za-z0-9_-]{21}$/),
      application_technology: { id: 'server' },
    })
    expect(m.clusters.map((c: { name: string }) => c.name)).toEqual(['sandbox-arx', 'failing-arx'])
    expect(m.clusters[0]).toMatchObject({
      id: stringMatching(/^cluster--[A-Za-z0-9_-]{21}$/),
      encryption: { id: 'aes-gcm-256' },
    })
  })

  it('lists keys with the documented APIKey fields, model and insights', async () => {
    const res = await api('GET', keys())
    expect(res.status).toBe(200)
    const { api_keys: list, insights, model: m, acl } = res.json.data
    expect(acl).toBeDefined()
    expect(m.clusters).toHaveLength(2)
    expect(insights).toEqual({ total_keys: 2, total_active: 2, total_deleted: 0 })
    const [key] = list
    expect(Object.keys(key)).toEqual([
      'id',
      'access_key',
      'created_at',
      'status',
      'created_by',
      'application_id',
      'application',
      'cluster_id',
      'cluster',
      'acl',
      'arx_url',
    ])
    expect(key.id).toMatch(/^apikey--[A-Za-z0-9_-]{21}$/)
    expect(key.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(key.status).toBe('active')
    expect(key.created_by).toMatchObject({
      id: anyString(),
      full_name: anyString(),
      name: anyString(),
      email_address: anyString(),
      avatar: '',
    })
    expect(key.application).toMatchObject({ id: key.application_id, name: 'billing', label: anyString() })
    expect(key.cluster).toMatchObject({ id: key.cluster_id, name: 'sandbox-arx' })
    expect(key.acl).toEqual({ can: { delete: true }, can_not: {} })
    expect(key.arx_url).toBe(`${sandbox.url}/${key.cluster_id}`)
  })

  it('creates a key pending, then active after the activation delay on the sandbox clock', async () => {
    const { appId, clusterId } = await model()
    const res = await api('POST', keys(), {
      api_key: { application_id: appId, cluster_id: clusterId, application_technology: 'server' },
    })
    expect(res.status).toBe(200)
    const created = res.json.data
    expect(created).toMatchObject({ status: 'pending', application_id: appId, cluster_id: clusterId })
    expectError(await api('GET', `${keys()}/${created.id}/sensitive`), 409)
    await control(sandbox, 'clock', { advanceSeconds: 1.5 })
    expect((await api('GET', `${keys()}/${created.id}`)).json.data.status).toBe('pending')
    await control(sandbox, 'clock', { advanceSeconds: 0.6 })
    expect((await api('GET', `${keys()}/${created.id}`)).json.data.status).toBe('active')
  })

  it('accepts the newer create contract without application fields', async () => {
    const { clusterId } = await model()
    const created = (await api('POST', keys(), { api_key: { cluster_id: clusterId } })).json.data
    expect(created.status).toBe('pending')
    expect(created).not.toHaveProperty('application_id')
    expect(created).not.toHaveProperty('application')
  })

  it('ends a key on the failing cluster as failed', async () => {
    const { appId, failingId } = await model()
    const created = (
      await api('POST', keys(), {
        api_key: { application_id: appId, cluster_id: failingId, application_technology: 'server' },
      })
    ).json.data
    await control(sandbox, 'clock', { advanceSeconds: 3 })
    expect((await api('GET', `${keys()}/${created.id}`)).json.data.status).toBe('failed')
    expectError(await api('GET', `${keys()}/${created.id}/sensitive`), 409)
  })

  it('deletes through pending to deleted and keeps the deleted key in get and the list', async () => {
    const [first] = (await api('GET', keys())).json.data.api_keys
    const res = await api('DELETE', `${keys()}/${first.id}`)
    expect(res.status).toBe(200)
    expect(typeof res.json.data).toBe('object')
    expect((await api('GET', `${keys()}/${first.id}`)).json.data.status).toBe('pending')
    await control(sandbox, 'clock', { advanceSeconds: 2 })
    const gone = (await api('GET', `${keys()}/${first.id}`)).json.data
    expect(gone.status).toBe('deleted')
    const listed = (await api('GET', keys())).json.data
    expect(listed.api_keys.map((k: { id: string }) => k.id)).toContain(first.id)
    expect(listed.insights).toEqual({ total_keys: 2, total_active: 1, total_deleted: 1 })
  })

  it('takes the activation delay from the live config', async () => {
    await control(sandbox, 'config', { activationSeconds: 0 })
    const { clusterId } = await model()
    expect((await api('POST', keys(), { api_key: { cluster_id: clusterId } })).json.data.status).toBe('active')
  })

  it('gives the secret bundle once, then 410', async () => {
    const [first] = (await api('GET', keys())).json.data.api_keys
    const res = await api('GET', `${keys()}/${first.id}/sensitive`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.json.data)).toEqual([
      'id',
      'access_key',
      'status',
      'client_key',
      'server_signing_key',
      'server_crypto_access_key',
      'arx_url',
      'provided_at',
    ])
    expect(res.json.data).toMatchObject({
      id: first.id,
      access_key: first.access_key,
      status: 'active',
      arx_url: first.arx_url,
    })
    expectError(await api('GET', `${keys()}/${first.id}/sensitive`), 410)
    expect((await api('GET', keys())).text).not.toContain(res.json.data.server_signing_key)
  })

  it('signs in through login and status at once', async () => {
    const a = account(sandbox, 'onqlave')
    const email = (await api('GET', keys())).json.data.api_keys[0].created_by.email_address
    const login = await call(`${a.endpoint}/tenants/login`, {
      method: 'POST',
      body: JSON.stringify({ login: { user_email: email, tenant_name: '' } }),
    })
    expect(login.status).toBe(200)
    const status = await call(`${a.endpoint}/tenants/status`, {
      method: 'POST',
      body: JSON.stringify({ request: { token: login.json.data.id } }),
    })
    expect(status.json.data).toEqual({
      status: 'completed',
      token: credential(a, 'token'),
      tenant_id: credential(a, 'tenantId'),
    })
    expectError(await call(`${a.endpoint}/tenants/login`, { method: 'POST', body: JSON.stringify({ login: {} }) }), 400)
  })

  it('answers management errors in the error envelope with the inferred statuses', async () => {
    const { appId, clusterId, failingId } = await model()
    expectError(await api('GET', keys(), undefined, undefined, ''), 401)
    expectError(await api('GET', keys(), undefined, undefined, 'wrong-token'), 401)
    expectError(await api('GET', keys(account(sandbox, 'onqlave', 2)), undefined, account(sandbox, 'onqlave')), 403)
    expectError(await api('GET', `${keys()}/apikey--AAAAAAAAAAAAAAAAAAAAA`), 404)
    expectError(await api('DELETE', `${keys()}/apikey--AAAAAAAAAAAAAAAAAAAAA`), 404)
    expectError(await api('POST', keys(), { api_key: { application_id: appId } }), 400)
    expectError(await api('POST', keys(), {}), 400)
    expectError(await api('POST', keys(), { api_key: { cluster_id: 'cluster--nope' } }), 400)
    expectError(await api('POST', keys(), { api_key: { cluster_id: clusterId, application_id: 'app--nope' } }), 400)
    expectError(
      await api('POST', keys(), {
        api_key: { cluster_id: failingId, application_id: appId, application_technology: 'mobile' },
      }),
      400,
    )
    expectError(await api('POST', keys(), '{"api_key":'), 400)
    expectError(await api('PUT', keys(), {}), 405)
    expectError(await api('GET', `${keys()}/x/y/z`), 404)
    expectError(await api('GET', '/tenants/nothing-here'), 404)
  })
})
