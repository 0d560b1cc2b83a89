// SpaceONE sign-in (§6): password → access + refresh token, and refresh with a counter.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context } from './context'
import { HttpError, isObject, type Incoming, type JsonObject } from './http'
import { signJwt } from './jwt'
import { uniqueId } from './random'
import { bearerToken, verifiedPayload } from './spaceone-auth'
import { userKey, type SpaceoneDomain, type SpaceoneUser } from './state'

const ACCESS_SECONDS = 1200
const REFRESH_SECONDS = 1800
const REFRESHES = 18
// Issued refresh keys older than this many newer ones are forgotten; they would have expired long before.
const MAX_REFRESH_KEYS = 10_000

export interface TokenPair {
  readonly access_token: string
  readonly refresh_token: string
}

export function issue(ctx: Context, body: JsonObject): TokenPair {
  const userId = required(body, 'user_id')
  const domainId = required(body, 'domain_id')
  const credentials = body.credentials
  const password = isObject(credentials) ? credentials.password : undefined
  if (typeof password !== 'string' || password === '') throw requiredError('credentials.password')
  const domain = ctx.world.spaceone.domains.get(domainId)
  const user = ctx.world.spaceone.users.get(userKey(domainId, userId))
  const userType = body.user_type ?? 'USER'
  if (!domain || !user || userType !== 'USER' || !samePassword(user.password, password)) {
    throw new HttpError(
      401,
      'ERROR_AUTHENTICATION_FAILURE',
      `A user "${userId}" is not exist or password is not correct.`,
    )
  }
  return pair(ctx, domain, user, REFRESHES)
}

export function refresh(ctx: Context, req: Incoming): TokenPair {
  const invalid = (): HttpError =>
    new HttpError(401, 'ERROR_INVALID_REFRESH_TOKEN', 'Refresh token is invalid or expired.')
  const payload = verifiedPayload(ctx, bearerToken(req), invalid)
  const { cat, did, aud, key, ttl } = payload
  if (cat !== 'REFRESH_TOKEN' || typeof did !== 'string' || typeof aud !== 'string' || typeof key !== 'string')
    throw invalid()
  const stored = ctx.world.spaceone.refreshKeys.get(key)
  const domain = ctx.world.spaceone.domains.get(did)
  const user = ctx.world.spaceone.users.get(userKey(did, aud))
  if (!stored || stored.domainId !== did || stored.userId !== aud || !domain || !user) throw invalid()
  if (typeof ttl !== 'number' || ttl <= 0)
    throw new HttpError(401, 'ERROR_REFRESH_COUNT', 'The refresh count is exhausted.')
  return pair(ctx, domain, user, ttl - 1)
}

function pair(ctx: Context, domain: SpaceoneDomain, user: SpaceoneUser, ttl: number): TokenPair {
  const privateKey = ctx.domainKeys[domain.keyIndex]
  if (!privateKey) throw new HttpError(500, 'ERROR_UNKNOWN', 'The domain has no signing key.')
  const now = ctx.clock.now()
  const iat = Math.floor(now / 1000)
  const base = { user_type: 'USER', did: domain.domainId, aud: user.userId, iat }
  const refreshKeys = ctx.world.spaceone.refreshKeys
  const key = uniqueId(
    () => ctx.random.hex(32),
    (k) => refreshKeys.has(k),
  )
  refreshKeys.set(key, { key, domainId: domain.domainId, userId: user.userId })
  for (const oldest of refreshKeys.keys()) {
    if (refreshKeys.size <= MAX_REFRESH_KEYS) break
    refreshKeys.delete(oldest)
  }
  ctx.changed()
  return {
    access_token: signJwt({ cat: 'ACCESS_TOKEN', ...base, exp: iat + ACCESS_SECONDS }, privateKey),
    refresh_token: signJwt({ cat: 'REFRESH_TOKEN', ...base, exp: iat + REFRESH_SECONDS, key, ttl }, privateKey),
  }
}

function samePassword(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}

export function required(body: JsonObject, key: string): string {
  const value = body[key]
  if (value === undefined || value === null || value === '') throw requiredError(key)
  if (typeof value !== 'string') {
    throw new HttpError(400, 'ERROR_INVALID_PARAMETER_TYPE', `Parameter type is invalid. (key = ${key}, type = str)`)
  }
  return value
}

export function requiredError(key: string): HttpError {
  return new HttpError(400, 'ERROR_REQUIRED_PARAMETER', `Required parameter. (key = ${key})`)
}
