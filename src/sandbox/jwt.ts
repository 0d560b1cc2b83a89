// RS256 JWTs with node:crypto. SpaceONE signs `{"alg":"RS256"}` headers with a per-domain RSA key.
import { sign, verify, type KeyObject } from 'node:crypto'

const RS256: Readonly<Record<string, string>> = { alg: 'RS256' }

/** `header` is `{"alg":"RS256"}` for 1.x; Cloudforet 2.x (python-jose) adds `"typ":"JWT"`. */
export function signJwt(
  payload: Readonly<Record<string, unknown>>,
  privateKey: KeyObject,
  header: Readonly<Record<string, string>> = RS256,
): string {
  const head = Buffer.from(JSON.stringify(header)).toString('base64url')
  const input = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`
}

export interface DecodedJwt {
  readonly payload: Readonly<Record<string, unknown>>
  verify(publicKey: KeyObject): boolean
}

/** The parts of a compact JWT, or undefined when it is not one. Says nothing about the signature. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const [head = '', body = '', signature = ''] = parts
  const header = parseObject(head)
  const payload = parseObject(body)
  if (!header || !payload || header.alg !== 'RS256' || !signature) return undefined
  return {
    payload,
    verify: (publicKey) =>
      verify('sha256', Buffer.from(`${head}.${body}`), publicKey, Buffer.from(signature, 'base64url')),
  }
}

function parseObject(part: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}
