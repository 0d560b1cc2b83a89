// The Onqlave sandbox's data plane (Arx): encrypt and decrypt as the SDKs do, the signature checks, and which keys may use it.
import { describe, expect, it } from 'vitest'
import { account, call, control } from './sandbox-harness'
import {
  sandbox,
  signedHeaders,
  arx,
  unwrap,
  api,
  keys,
  expectError,
  model,
  sensitive,
  seededCreds,
} from './sandbox-onqlave-harness'

describe('Onqlave sandbox: Arx data plane', () => {
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
