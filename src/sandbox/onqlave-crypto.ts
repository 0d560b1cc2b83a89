// The Arx data plane's cryptography (onqlave.md §7, §8): request signing, wrapping keys and the EDK layout.
import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  generateKeyPair,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto'

/** The signed headers, already in the sorted order the signature uses. */
export const SIGNED_HEADERS = [
  'ONQLAVE-API-KEY',
  'ONQLAVE-ARX',
  'ONQLAVE-CONTEXT-LEN',
  'ONQLAVE-DIGEST',
  'ONQLAVE-HOST',
  'ONQLAVE-VERSION',
  'User-Agent',
] as const

export function digestOf(body: Buffer): string {
  return `SHA512=${createHash('sha512').update(body).digest('base64')}`
}

/** `HMAC-SHA512=…` over `lowercase(name):value` of the non-empty signed headers, with no separator. */
export function signatureOf(value: (name: string) => string | undefined, signingKey: string): string {
  const message = SIGNED_HEADERS.map((name) => [name, value(name) ?? ''] as const)
    .filter(([, v]) => v !== '')
    .map(([name, v]) => `${name.toLowerCase()}:${v}`)
    .join('')
  return `HMAC-SHA512=${createHmac('sha512', Buffer.from(signingKey, 'utf8')).update(message, 'utf8').digest('base64')}`
}

export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

export const DATA_KEY_BYTES = { 'aes-gcm-128': 16, 'aes-gcm-256': 32, 'xcha-cha-20-poly-1305': 32 } as const
export type Encryption = keyof typeof DATA_KEY_BYTES

const EDK_VERSION = 1
const NONCE_BYTES = 12
const TAG_BYTES = 16

/** EDK = 0x01 ‖ nonce(12) ‖ AES-256-GCM(cluster master key, data key, aad = cluster id) ‖ tag(16). */
export function sealDataKey(masterKey: Buffer, clusterId: string, dataKey: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', masterKey, nonce)
  cipher.setAAD(Buffer.from(clusterId, 'utf8'))
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return Buffer.concat([Buffer.from([EDK_VERSION]), nonce, sealed, cipher.getAuthTag()])
}

/** The data key inside an EDK of this cluster, or undefined for anything malformed or foreign. */
export function openDataKey(
  masterKey: Buffer,
  clusterId: string,
  edk: Buffer,
  dataKeyBytes: number,
): Buffer | undefined {
  if (edk.length !== 1 + NONCE_BYTES + dataKeyBytes + TAG_BYTES || edk[0] !== EDK_VERSION) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, edk.subarray(1, 1 + NONCE_BYTES))
    decipher.setAAD(Buffer.from(clusterId, 'utf8'))
    decipher.setAuthTag(edk.subarray(edk.length - TAG_BYTES))
    return Buffer.concat([decipher.update(edk.subarray(1 + NONCE_BYTES, edk.length - TAG_BYTES)), decipher.final()])
  } catch {
    return undefined
  }
}

export interface WrappingKey {
  readonly publicKey: KeyObject
  /** base64 of the PKCS#8 PBES2 PEM text, encrypted with the key's secret (server_crypto_access_key). */
  readonly encryptedPrivateKey: string
  /** base64(SHA-256(PKCS#1 DER of the public key)) */
  readonly fingerprint: string
}

export function wrapDataKey(wrapping: WrappingKey, dataKey: Buffer): string {
  return publicEncrypt(
    { key: wrapping.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    dataKey,
  ).toString('base64')
}

/** RSA-2048 costs tens of milliseconds, so pairs are made on first use per key and kept (a bounded number). */
export function wrappingKeyCache(limit = 1000): (cacheKey: string, passphrase: string) => Promise<WrappingKey> {
  const cache = new Map<string, Promise<WrappingKey>>()
  return (cacheKey, passphrase) => {
    const id = `${cacheKey}\n${createHash('sha256').update(passphrase).digest('hex')}`
    const known = cache.get(id)
    if (known) return known
    const made = makeWrappingKey(passphrase)
    made.catch(() => cache.delete(id))
    cache.set(id, made)
    for (const oldest of cache.keys()) {
      if (cache.size <= limit) break
      cache.delete(oldest)
    }
    return made
  }
}

function makeWrappingKey(passphrase: string): Promise<WrappingKey> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 65537 }, (error, publicKey, privateKey) => {
      if (error) return reject(error)
      const pem = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
      const der = publicKey.export({ type: 'pkcs1', format: 'der' })
      resolve({
        publicKey,
        encryptedPrivateKey: Buffer.from(pem).toString('base64'),
        fingerprint: createHash('sha256').update(der).digest('base64'),
      })
    })
  })
}
