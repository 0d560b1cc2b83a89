import { constants, createHmac, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { credentialsFromJson, signedHeaders, splitArxUrl, unwrapDataKey } from '../../src/main/providers/onqlave-arx'
import { objectContaining, stringMatching } from '../support/match'

const vector = {
  arxUrl: 'https://dp0.onqlave.io/cluster--lfGOnCmR9-niDEN5aAiBG',
  accessKey: 'access_key',
  signingKey: 'signing_key',
  secretKey: 'unused',
}

describe('Onqlave data-plane signing', () => {
  it('reproduces the documented test vector exactly', () => {
    const h = signedHeaders(vector, '{}', new Date('2023-08-21T03:12:44Z'))
    expect(h['ONQLAVE-DIGEST']).toBe(
      'SHA512=J8dGcK23UHX60FjVzq97IMTneGyDuuijL2Jvl4KvNMmjPCBG72D9Knh403jin+yFGAa72aZ4ePOp8c2kgwdj/Q==',
    )
    expect(h['ONQLAVE-SIGNATURE']).toBe(
      'HMAC-SHA512=IDoqO9V3J9LD+p1ygE8U1hbki7qJZpNJ0h91agfB92Sx5XfwnqNdmU+bVl+eLCTXViD2A+gs7yUemEI8e3EtLw==',
    )
  })

  it('sends every header of the contract with the documented values', () => {
    const h = signedHeaders(vector, '{}', new Date('2023-08-21T03:12:44Z'))
    expect(h).toEqual({
      'ONQLAVE-API-KEY': 'access_key',
      'ONQLAVE-ARX': 'cluster--lfGOnCmR9-niDEN5aAiBG',
      'ONQLAVE-HOST': 'https://dp0.onqlave.io',
      'User-Agent': 'Onqlave/0.1',
      'ONQLAVE-CONTEXT-LEN': '2',
      'ONQLAVE-DIGEST': stringMatching(/^SHA512=/),
      'ONQLAVE-VERSION': '0.1',
      'Content-Type': 'application/json',
      'ONQLAVE-REQUEST-TIME': String(Date.parse('2023-08-21T03:12:44Z') / 1000),
      'ONQLAVE-SIGNATURE': stringMatching(/^HMAC-SHA512=/),
    })
  })

  it('signs the sorted, lower-cased signed headers concatenated without separators', () => {
    const body = '{"encrypted_data_key": "AAEC"}'
    const h = signedHeaders(vector, body)
    const names = [
      'ONQLAVE-API-KEY',
      'ONQLAVE-ARX',
      'ONQLAVE-CONTEXT-LEN',
      'ONQLAVE-DIGEST',
      'ONQLAVE-HOST',
      'ONQLAVE-VERSION',
      'User-Agent',
    ]
    const message = names.map((n) => `${n.toLowerCase()}:${h[n]}`).join('')
    const expected = createHmac('sha512', 'signing_key').update(message).digest('base64')
    expect(h['ONQLAVE-SIGNATURE']).toBe(`HMAC-SHA512=${expected}`)
    expect(h['ONQLAVE-CONTEXT-LEN']).toBe(String(Buffer.byteLength(body)))
  })

  it('counts the body length in bytes, not characters', () => {
    expect(signedHeaders(vector, '{"k":"é"}')['ONQLAVE-CONTEXT-LEN']).toBe('10')
  })

  it('leaves a header with an empty value out of the signed message', () => {
    const withEmptyKey = signedHeaders({ ...vector, accessKey: '' }, '{}')
    const names = [
      'ONQLAVE-ARX',
      'ONQLAVE-CONTEXT-LEN',
      'ONQLAVE-DIGEST',
      'ONQLAVE-HOST',
      'ONQLAVE-VERSION',
      'User-Agent',
    ]
    const message = names.map((n) => `${n.toLowerCase()}:${withEmptyKey[n]}`).join('')
    expect(withEmptyKey['ONQLAVE-SIGNATURE']).toBe(
      `HMAC-SHA512=${createHmac('sha512', 'signing_key').update(message).digest('base64')}`,
    )
  })

  it('splits the Arx URL at its last slash', () => {
    expect(splitArxUrl('http://127.0.0.1:8080/cluster--abc')).toEqual({
      base: 'http://127.0.0.1:8080',
      arxId: 'cluster--abc',
    })
    expect(splitArxUrl('https://dp.example.com/a/b/cluster--x')).toEqual({
      base: 'https://dp.example.com/a/b',
      arxId: 'cluster--x',
    })
    expect(() => splitArxUrl('cluster--x')).toThrowError(objectContaining({ code: 'INVALID_INPUT' }))
  })
})

describe('Onqlave data-key unwrapping', () => {
  const passphrase = 'server-secret-key'
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase },
  })
  const dataKey = randomBytes(32)
  const answer = {
    wrapping_key: { encrypted_private_key: Buffer.from(privateKey).toString('base64'), key_fingerprint: '' },
    data_key: {
      encrypted_data_key: 'AQID',
      wrapped_data_key: publicEncrypt(
        { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
        dataKey,
      ).toString('base64'),
    },
    security_model: { algo: 'aes-gcm-256', wrapping_algo: 'RSA_SSA_PKCS1_2048_SHA256_F4' },
  }

  it('opens the encrypted PEM with the secret key and unwraps the data key with RSA-OAEP SHA-256', () => {
    expect(unwrapDataKey(answer, passphrase).dataKey.equals(dataKey)).toBe(true)
  })

  it('reports a wrong secret key as INVALID_INPUT', () => {
    expect(() => unwrapDataKey(answer, 'wrong')).toThrowError(objectContaining({ code: 'INVALID_INPUT' }))
  })

  it('rejects a data key whose length does not fit the algorithm', () => {
    const short = { ...answer, security_model: { algo: 'aes-gcm-128', wrapping_algo: null } }
    expect(() => unwrapDataKey(short, passphrase)).toThrowError(objectContaining({ code: 'PROVIDER_ERROR' }))
  })
})

describe('credentials.json', () => {
  const flat = {
    arx_url: 'https://dp0.onqlave.io/cluster--x',
    access_key: 'a',
    server_signing_key: 's',
    server_secret_key: 'k',
  }
  const expected = { arxUrl: flat.arx_url, accessKey: 'a', signingKey: 's', secretKey: 'k' }

  it('reads the flat form and the onqlave-go wrapped form', () => {
    expect(credentialsFromJson(JSON.stringify(flat))).toEqual(expected)
    expect(credentialsFromJson(JSON.stringify({ credentials: [flat] }))).toEqual(expected)
  })

  it('rejects a file without the four fields', () => {
    expect(() => credentialsFromJson('{"arx_url":"x"}')).toThrowError(objectContaining({ code: 'INVALID_INPUT' }))
  })
})
