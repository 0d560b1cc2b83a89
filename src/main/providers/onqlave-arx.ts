// Onqlave's Arx data plane, as all four SDKs speak it (../shared/providers/onqlave.md §7): signed encrypt/decrypt.
import { constants, createHash, createHmac, createPrivateKey, privateDecrypt } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../../shared/errors'
import type { Http, HttpResponse } from '../net/http'
import { requireSafeEndpoint } from '../net/http'
import { parseAs } from './wire'
import { serviceWords } from './errors'

export interface ArxCredentials {
  readonly arxUrl: string
  readonly accessKey: string
  readonly signingKey: string
  /** `server_secret_key` (the management API calls it `server_crypto_access_key`): the wrapping key's passphrase. */
  readonly secretKey: string
}

export interface DataKey {
  readonly dataKey: Buffer
  readonly algo: string
}

export interface EncryptResult extends DataKey {
  /** Opaque; what decrypt takes to give the same data key back. */
  readonly encryptedDataKey: string
}

const text = z.string().nullish()

const ArxAnswer = z.object({
  wrapping_key: z.object({ encrypted_private_key: z.string().min(1), key_fingerprint: text }),
  data_key: z.object({ encrypted_data_key: text, wrapped_data_key: z.string().min(1) }),
  security_model: z.object({ algo: z.string(), wrapping_algo: text }),
})
type ArxAnswer = z.infer<typeof ArxAnswer>

const ErrorBody = z.object({ error: z.object({ message: text, error_message: text }) })

const DATA_KEY_BYTES: Readonly<Record<string, number>> = {
  'aes-gcm-128': 16,
  'aes-gcm-256': 32,
  'xcha-cha-20-poly-1305': 32,
}

/** The SDKs cut arx_url at its last '/': the base is where requests go, the rest names the Arx. */
export function splitArxUrl(arxUrl: string): { base: string; arxId: string } {
  const url = arxUrl.trim().replace(/\/+$/, '')
  const cut = url.lastIndexOf('/')
  const base = cut > 0 ? url.slice(0, cut) : ''
  const arxId = cut > 0 ? url.slice(cut + 1) : ''
  if (!arxId || !/^[a-z]+:\/\/[^/]+/i.test(base)) {
    throw new AppError('INVALID_INPUT', `"${url}" is not an Arx URL such as https://dp0.onqlave.io/cluster--….`)
  }
  return { base, arxId }
}

export function signedHeaders(creds: ArxCredentials, body: string, now: Date = new Date()): Record<string, string> {
  const { base, arxId } = splitArxUrl(creds.arxUrl)
  const signed: Record<string, string> = {
    'ONQLAVE-API-KEY': creds.accessKey,
    'ONQLAVE-ARX': arxId,
    'ONQLAVE-HOST': base,
    'User-Agent': 'Onqlave/0.1',
    'ONQLAVE-CONTEXT-LEN': String(Buffer.byteLength(body, 'utf8')),
    'ONQLAVE-DIGEST': `SHA512=${createHash('sha512').update(body, 'utf8').digest('base64')}`,
    'ONQLAVE-VERSION': '0.1',
  }
  const message = Object.keys(signed)
    .filter((name) => signed[name] !== '')
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
    .map((name) => `${name.toLowerCase()}:${signed[name]}`)
    .join('')
  const signature = createHmac('sha512', Buffer.from(creds.signingKey, 'utf8')).update(message, 'utf8').digest('base64')
  return {
    ...signed,
    'Content-Type': 'application/json',
    'ONQLAVE-REQUEST-TIME': String(Math.floor(now.getTime() / 1000)),
    'ONQLAVE-SIGNATURE': `HMAC-SHA512=${signature}`,
  }
}

export async function arxEncrypt(http: Http, creds: ArxCredentials, accountId?: string): Promise<EncryptResult> {
  const answer = await post(http, creds, 'encrypt', '{}', accountId)
  const encryptedDataKey = answer.data_key.encrypted_data_key
  if (!encryptedDataKey) throw unreadable('encrypt without encrypted_data_key')
  return { ...unwrapDataKey(answer, creds.secretKey), encryptedDataKey }
}

export async function arxDecrypt(
  http: Http,
  creds: ArxCredentials,
  encryptedDataKey: string,
  accountId?: string,
): Promise<DataKey> {
  const answer = await post(http, creds, 'decrypt', JSON.stringify({ encrypted_data_key: encryptedDataKey }), accountId)
  return unwrapDataKey(answer, creds.secretKey)
}

/** Opens the wrapping key with the secret key, then the data key with the wrapping key (RSA-OAEP, SHA-256). */
export function unwrapDataKey(answer: ArxAnswer, secretKey: string): DataKey {
  let dataKey: Buffer
  try {
    const pem = Buffer.from(answer.wrapping_key.encrypted_private_key, 'base64').toString('utf8')
    const key = createPrivateKey({ key: pem, format: 'pem', passphrase: secretKey })
    dataKey = privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(answer.data_key.wrapped_data_key, 'base64'),
    )
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'The server secret key does not open the data key: it does not belong to this access key.',
    )
  }
  const algo = answer.security_model.algo
  const expected = DATA_KEY_BYTES[algo]
  if (expected === undefined || dataKey.length !== expected) {
    throw unreadable(`a ${dataKey.length}-byte data key for "${algo}"`)
  }
  return { dataKey, algo }
}

async function post(
  http: Http,
  creds: ArxCredentials,
  op: 'encrypt' | 'decrypt',
  body: string,
  accountId?: string,
): Promise<ArxAnswer> {
  const { base } = splitArxUrl(creds.arxUrl)
  const res = await http.request({
    method: 'POST',
    url: `${requireSafeEndpoint(base)}/oe2/keymanager/${op}`,
    headers: signedHeaders(creds, body),
    body,
    // Neither call changes state, and the SDKs retry both on 5xx.
    idempotent: true,
    accountId,
  })
  if (res.status !== 200) throw failure(res)
  const answer = parseAs(ArxAnswer, res.text)
  if (!answer) throw unreadable(`${op} without a wrapping key and data key`)
  return answer
}

function failure(res: HttpResponse): AppError {
  const error = parseAs(ErrorBody, res.text)?.error
  const said = error?.message ?? error?.error_message
  const detail = said ? `: ${serviceWords(said)}` : ''
  if (res.status === 401 || res.status === 403) {
    return new AppError('AUTH_FAILED', `Onqlave's data plane rejected the access key or its signature${detail}.`)
  }
  if (res.status === 400) return new AppError('INVALID_INPUT', `Onqlave's data plane refused the request${detail}.`)
  return new AppError('PROVIDER_ERROR', `Onqlave's data plane answered with HTTP ${res.status}${detail}.`, {
    retryable: res.status >= 500,
  })
}

function unreadable(what: string): AppError {
  return new AppError('PROVIDER_ERROR', `Onqlave's data plane sent an answer KeyDesk cannot read (${what}).`)
}

/** credentials.json as the SDKs read it: the flat form, or onqlave-go's `{"credentials":[{…}]}`. */
export function credentialsFromJson(json: string): ArxCredentials {
  const Flat = z.object({
    arx_url: z.string(),
    access_key: z.string(),
    server_signing_key: z.string(),
    server_secret_key: z.string(),
  })
  const parsed = parseAs(
    z.union([Flat, z.object({ credentials: z.array(Flat).min(1) }).transform((w) => w.credentials[0])]),
    json,
  )
  if (!parsed)
    throw new AppError(
      'INVALID_INPUT',
      'This is not an Onqlave credentials.json (arx_url, access_key, server_signing_key, server_secret_key).',
    )
  return {
    arxUrl: parsed.arx_url,
    accessKey: parsed.access_key,
    signingKey: parsed.server_signing_key,
    secretKey: parsed.server_secret_key,
  }
}
