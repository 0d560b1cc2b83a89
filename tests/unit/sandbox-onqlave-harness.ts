// Shared by the Onqlave sandbox tests: one sandbox per file, reset before each test, signed calls and their helpers.
import { constants, createHash, createHmac, createPrivateKey, privateDecrypt } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { Sandbox, SandboxAccount } from '../../src/sandbox/index'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'
import { anyString } from '../support/match'

export let sandbox: Sandbox

export interface Creds {
  readonly arxUrl: string
  readonly accessKey: string
  readonly signingKey: string
  readonly secretKey: string
}

/** The request the SDKs send, written from onqlave.md §7 (not from the sandbox's code). */
export function signedHeaders(creds: Creds, body: string): Record<string, string> {
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

export function arx(
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

export function unwrap(res: Answer, secretKey: string): Buffer {
  const pem = Buffer.from(res.json.wrapping_key.encrypted_private_key, 'base64').toString('utf8')
  const key = createPrivateKey({ key: pem, format: 'pem', passphrase: secretKey })
  return privateDecrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(res.json.data_key.wrapped_data_key, 'base64'),
  )
}

export function api(
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

export function keys(a: SandboxAccount = account(sandbox, 'onqlave')): string {
  return `/tenants/${credential(a, 'tenantId')}/keys`
}

export function expectError(res: Answer, status: number): void {
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

export async function model(a?: SandboxAccount): Promise<{ appId: string; clusterId: string; failingId: string }> {
  const { applications, clusters } = (await api('GET', `${keys(a)}/base`, undefined, a)).json.data.model
  const byName = (name: string): string => clusters.find((c: { name: string }) => c.name === name).id
  return { appId: applications[0].id, clusterId: byName('sandbox-arx'), failingId: byName('failing-arx') }
}

export async function sensitive(id: string, a?: SandboxAccount): Promise<Creds> {
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

export async function seededCreds(a?: SandboxAccount, index = 0): Promise<Creds> {
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
