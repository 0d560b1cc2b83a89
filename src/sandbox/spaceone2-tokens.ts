// Cloudforet 2.x JWTs (spaceone-apps.md §2, §5) and the expiry arithmetic of §4 and §7.
import type { KeyObject } from 'node:crypto'
import { HttpError } from './http'
import { signJwt } from './jwt'
import type { Cf2App } from './spaceone2-state'

const HEADER = { alg: 'RS256', typ: 'JWT' }
const DAY = 86_400_000

/** The app's client secret, exactly as identity's key_generator builds it; re-minted identically from the app. */
export function clientSecret(app: Cf2App, privateKey: KeyObject): string {
  const payload = {
    iss: 'spaceone.identity',
    typ: 'CLIENT_SECRET',
    own: 'APP',
    did: app.domainId,
    aud: app.appId,
    jti: app.clientId,
    iat: app.iat,
    ver: '2.0',
    exp: app.exp,
    rol: app.roleType,
    wid: app.workspaceId,
  }
  return signJwt(payload, privateKey, HEADER)
}

export interface UserTokenFacts {
  readonly domainId: string
  readonly userId: string
  readonly jti: string
  readonly nowMs: number
  readonly seconds: number
}

export function accessToken(
  f: UserTokenFacts,
  scope: { rol: string; wid?: string; permissions?: readonly string[] },
  privateKey: KeyObject,
): string {
  const iat = Math.floor(f.nowMs / 1000)
  const payload = {
    iss: 'spaceone.identity',
    typ: 'ACCESS_TOKEN',
    own: 'USER',
    did: f.domainId,
    aud: f.userId,
    jti: f.jti,
    iat,
    ver: '2.0',
    exp: iat + f.seconds,
    rol: scope.rol,
    ...(scope.wid ? { wid: scope.wid } : {}),
    ...(scope.permissions && scope.permissions.length > 0 ? { permissions: scope.permissions } : {}),
  }
  return signJwt(payload, privateKey, HEADER)
}

export function refreshToken(f: UserTokenFacts, privateKey: KeyObject): string {
  const iat = Math.floor(f.nowMs / 1000)
  const payload = {
    iss: 'spaceone.identity',
    typ: 'REFRESH_TOKEN',
    own: 'USER',
    did: f.domainId,
    aud: f.userId,
    jti: f.jti,
    iat,
    ver: '2.0',
    exp: iat + f.seconds,
  }
  return signJwt(payload, privateKey, HEADER)
}

export interface Expiry {
  /** As rendered, `….000Z`. */
  readonly expiredAt: string
  /** The secret's `exp`, epoch seconds. */
  readonly exp: number
}

const STAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * An `expired_at` as identity stores it. With an offset it is exact; without one the stored value is naive and
 * `exp` comes from a naive `timestamp()`, read in the server's time zone (§7): `naiveTzOffsetHours` before it.
 */
export function parseExpiry(value: string, naiveTzOffsetHours: number): Expiry {
  const m = STAMP.exec(value)
  const ms = m ? Date.parse(`${m[1]}T${m[2]}${m[3] ?? ''}${m[4] ?? 'Z'}`) : Number.NaN
  if (!m || Number.isNaN(ms)) {
    throw new HttpError(400, 'ERROR_INVALID_PARAMETER', ` Parameter is invalid. (key = expired_at, reason = ${value})`)
  }
  if (m[4]) return { expiredAt: new Date(ms).toISOString(), exp: Math.floor(ms / 1000) }
  return { expiredAt: new Date(ms).toISOString(), exp: Math.floor(ms / 1000) - naiveTzOffsetHours * 3600 }
}

/** The server's default: utcnow() + 365 d, naive. */
export function defaultExpiry(nowMs: number, naiveTzOffsetHours: number): Expiry {
  const ms = Math.floor((nowMs + 365 * DAY) / 1000) * 1000
  return { expiredAt: new Date(ms).toISOString(), exp: ms / 1000 - naiveTzOffsetHours * 3600 }
}

/** identity compares the request string with `str(utcnow() + 365 d)`: `YYYY-MM-DD HH:MM:SS.ffffff` (§4). */
export function checkExpiryLimit(value: string, nowMs: number): void {
  const limit = new Date(nowMs + 365 * DAY).toISOString().replace('T', ' ').replace('Z', '000')
  if (value > limit) {
    throw new HttpError(
      400,
      'ERROR_APP_EXPIRED_LIMIT',
      ` The maximum expiration limit for apps is 365 days. (expired_at = ${value})`,
    )
  }
}
