import { constants, createHash, createHmac, createPrivateKey, privateDecrypt } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox, SandboxAccount } from '../../src/sandbox/index'
import { digestOf, signatureOf } from '../../src/sandbox/onqlave-crypto'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'
import { anyString, stringMatching } from '../support/match'

let sandbox: Sandbox

interface Creds {
  readonly arxUrl: string
  readonly accessKey: string
  readonly signingKey: string
  readonly secretKey: string
}

/** The request the SDKs send, written from onqlave.md §7 (not from the sandbox's code). */
function signedHeaders(creds: Creds, body: string): Record<string, string> {
  const cut = creds.arxUrl.lastIndexOf('/')
  const bytes = Buffer.from(body, 'utf8')
  const signed: Record<string, string> = {
    'ONQLAVE-API-KEY': creds.accessKey,
    'ONQLAVE-ARX': creds.arxUrl.slice(cut + 1),
    'ONQLAVE-HOST': creds.arxUrl.slice(0, cut),
    'User-Agent': 'Onqlave/0.1',
    'ONQLAVE-CONTEXT-LEN': String(bytes.length),
    'ONQLAVE-DIGEST': `SHA512=${createHash('sha512').update(bytes).digest('base64')}`,
    'ONQLAVE-VERSION': '0.1',
  }
  const message = Object.keys(signed)
    .filter((name) => signed[name] !== '')
    .sort()
    .map((name) => `${name.toLowerCase()}:${signed[name]}`)
    .join('')
  const signature = createHmac('sha512', Buffer.from(creds.signingKey, 'utf8')).update(message).digest('base64')
  return {
    ...signed,
    'Content-Type': 'application/json',
    'ONQLAVE-REQUEST-TIME': String(Math.floor(Date.now() / 1000)),
    'ONQLAVE-SIGNATURE': `HMAC-SHA512=${signature}`,
  }
}

function arx(
  creds: Creds,
  op: 'encrypt' | 'decrypt',
  body: string,
  change: (h: Record<string, string>) => void = () => undefined,
  path?: string,
): Promise<Answer> {
  const headers = signedHeaders(creds, body)
  change(headers)
  const base = creds.arxUrl.slice(0, creds.arxUrl.lastIndexOf('/'))
  return call(path ?? `${base}/oe2/keymanager/${op}`, { method: 'POST', headers, body })
}

function unwrap(res: Answer, secretKey: string): Buffer {
  const pem = Buffer.from(res.json.wrapping_key.encrypted_private_key, 'base64').toString('utf8')
  const key = createPrivateKey({ key: pem, format: 'pem', passphrase: secretKey })
  return privateDecrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(res.json.data_key.wrapped_data_key, 'base64'),
  )
}

function api(
  method: string,
  path: string,
  body?: unknown,
  a: SandboxAccount = account(sandbox, 'onqlave'),
  token?: string,
): Promise<Answer> {
  return call(`${a.endpoint}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'ONQLAVE-API-KEY': '',
      ...(token === '' ? {} : { Authorization: `Bearer ${token ?? credential(a, 'token')}` }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function keys(a: SandboxAccount = account(sandbox, 'onqlave')): string {
  return `/tenants/${credential(a, 'tenantId')}/keys`
}

function expectError(res: Answer, status: number): void {
  expect(res.status).toBe(status)
  expect(res.json.error).toMatchObject({
    code: status,
    status: anyString(),
    message: anyString(),
    details: [],
  })
  expect(res.json.error.message).not.toBe('')
  expect(typeof res.json.error.correlation_id).toBe('string')
}

async function model(a?: SandboxAccount): Promise<{ appId: string; clusterId: string; failingId: string }> {
  const { applications, clusters } = (await api('GET', `${keys(a)}/base`, undefined, a)).json.data.model
  const byName = (name: string): string => clusters.find((c: { name: string }) => c.name === name).id
  return { appId: applications[0].id, clusterId: byName('sandbox-arx'), failingId: byName('failing-arx') }
}

async function sensitive(id: string, a?: SandboxAccount): Promise<Creds> {
  const res = await api('GET', `${keys(a)}/${id}/sensitive`, undefined, a)
  expect(res.status).toBe(200)
  const d = res.json.data
  return {
    arxUrl: d.arx_url,
    accessKey: d.access_key,
    signingKey: d.server_signing_key,
    secretKey: d.server_crypto_access_key,
  }
}

async function seededCreds(a?: SandboxAccount, index = 0): Promise<Creds> {
  const listed = (await api('GET', keys(a), undefined, a)).json.data.api_keys
  return sensitive(listed[index].id, a)
}

beforeAll(async () => {
  sandbox = await start({ accountsPerProvider: 2 })
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})

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

  it('completes an encrypt → decrypt round trip as the SDKs do', async () => {
    const { clusterId } = await model()
    const created = (await api('POST', keys(), { api_key: { cluster_id: clusterId } })).json.data
    await control(sandbox, 'clock', { advanceSeconds: 2 })
    const creds = await sensitive(created.id)
    const encrypted = await arx(creds, 'encrypt', '{}')
    expect(encrypted.status).toBe(200)
    expect(encrypted.json.security_model).toEqual({
      algo: 'aes-gcm-256',
      wrapping_algo: 'RSA_SSA_PKCS1_2048_SHA256_F4',
    })
    expect(encrypted.json.max_uses).toBe(100)
    const pem = Buffer.from(encrypted.json.wrapping_key.encrypted_private_key, 'base64').toString('utf8')
    expect(pem.startsWith('-----BEGIN ENCRYPTED PRIVATE KEY-----\n')).toBe(true)
    expect(pem.endsWith('-----END ENCRYPTED PRIVATE KEY-----\n')).toBe(true)
    const der = Buffer.from(
      pem
        .split('\n')
        .filter((l) => !l.startsWith('-----'))
        .join(''),
      'base64',
    ).toString('hex')
    for (const oid of ['2a864886f70d01050d', '2a864886f70d01050c', '2a864886f70d0209', '60864801650304012a'])
      expect(der).toContain(oid)
    const dataKey = unwrap(encrypted, creds.secretKey)
    expect(dataKey).toHaveLength(32)
    const edk = encrypted.json.data_key.encrypted_data_key
    expect(Buffer.from(edk, 'base64').length).toBeLessThanOrEqual(255)
    const decrypted = await arx(creds, 'decrypt', JSON.stringify({ encrypted_data_key: edk }))
    expect(decrypted.status).toBe(200)
    expect(decrypted.json.data_key).not.toHaveProperty('encrypted_data_key')
    expect(decrypted.json).not.toHaveProperty('max_uses')
    expect(decrypted.json.security_model.wrapping_algo).toBe('RSA_SSA_PKCS1_2048_SHA256_F4')
    expect(unwrap(decrypted, creds.secretKey).equals(dataKey)).toBe(true)
  })

  it('hashes the raw bytes, takes the arx alias path, and ignores request time and host value', async () => {
    const creds = await seededCreds()
    const edk = (await arx(creds, 'encrypt', '{}')).json.data_key.encrypted_data_key
    const spaced = await arx(creds, 'decrypt', `{"encrypted_data_key": "${edk}"}`)
    expect(spaced.status).toBe(200)
    expect((await arx(creds, 'encrypt', '{}', undefined, `${creds.arxUrl}/oe2/keymanager/encrypt`)).status).toBe(200)
    const stale = await arx(
      { ...creds, arxUrl: creds.arxUrl.replace(sandbox.url, 'https://dp0.onqlave.io') },
      'encrypt',
      '{}',
      (h) => {
        h['ONQLAVE-REQUEST-TIME'] = '1'
      },
      `${sandbox.url}/oe2/keymanager/encrypt`,
    )
    expect(stale.status).toBe(200)
  })

  it('lets any active key of the same cluster decrypt, and refuses malformed or foreign EDKs with 400', async () => {
    const creds = await seededCreds(undefined, 0)
    const sibling = await seededCreds(undefined, 1)
    const encrypted = await arx(creds, 'encrypt', '{}')
    const edk = encrypted.json.data_key.encrypted_data_key
    const bySibling = await arx(sibling, 'decrypt', JSON.stringify({ encrypted_data_key: edk }))
    expect(unwrap(bySibling, sibling.secretKey).equals(unwrap(encrypted, creds.secretKey))).toBe(true)
    const foreign = await seededCreds(account(sandbox, 'onqlave', 2))
    expectError(await arx(foreign, 'decrypt', JSON.stringify({ encrypted_data_key: edk })), 400)
    expectError(await arx(creds, 'decrypt', JSON.stringify({ encrypted_data_key: 'AAAA' })), 400)
    expectError(await arx(creds, 'decrypt', JSON.stringify({ encrypted_data_key: '%%%' })), 400)
    expectError(await arx(creds, 'decrypt', '{}'), 400)
    const flipped = Buffer.from(edk, 'base64')
    flipped[20] = (flipped[20] ?? 0) ^ 1
    expectError(await arx(creds, 'decrypt', JSON.stringify({ encrypted_data_key: flipped.toString('base64') })), 400)
  })

  it('rejects a wrong signing key, a tampered body and stale or missing headers', async () => {
    const creds = await seededCreds()
    expectError(await arx({ ...creds, signingKey: 'not-the-signing-key' }, 'encrypt', '{}'), 401)
    const tamperedHeaders = signedHeaders(creds, '{}')
    expectError(
      await call(`${sandbox.url}/oe2/keymanager/encrypt`, { method: 'POST', headers: tamperedHeaders, body: '[]' }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        h['ONQLAVE-VERSION'] = '0.2'
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        h['User-Agent'] = 'curl/8'
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        delete h['ONQLAVE-SIGNATURE']
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        delete h['ONQLAVE-DIGEST']
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        delete h['ONQLAVE-API-KEY']
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        h['ONQLAVE-CONTEXT-LEN'] = '3'
      }),
      400,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        delete h['ONQLAVE-CONTEXT-LEN']
      }),
      400,
    )
  })

  it('refuses a key that is pending, deleted or used with another arx id', async () => {
    const creds = await seededCreds()
    expectError(
      await arx(creds, 'encrypt', '{}', (h) => {
        h['ONQLAVE-ARX'] = 'cluster--other'
      }),
      401,
    )
    expectError(
      await arx(creds, 'encrypt', '{}', undefined, `${sandbox.url}/cluster--other/oe2/keymanager/encrypt`),
      401,
    )
    const { clusterId } = await model()
    const created = (await api('POST', keys(), { api_key: { cluster_id: clusterId } })).json.data
    const pending = { ...creds, accessKey: created.access_key }
    expectError(await arx(pending, 'encrypt', '{}'), 401)
    const id = (await api('GET', keys())).json.data.api_keys.find(
      (k: { access_key: string }) => k.access_key === creds.accessKey,
    ).id
    await api('DELETE', `${keys()}/${id}`)
    expectError(await arx(creds, 'encrypt', '{}'), 401)
  })

  it('answers other data-plane paths and methods in the error envelope', async () => {
    expectError(await call(`${sandbox.url}/oe2/keymanager/rotate`, { method: 'POST', body: '{}' }), 404)
    expectError(await call(`${sandbox.url}/oe2/keymanager/encrypt`), 405)
  })
})
