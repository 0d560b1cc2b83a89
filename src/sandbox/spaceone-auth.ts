// SpaceONE's token check, including the API-key auth cache that makes disable and delete propagate slowly (§5, §8).
import type { Context } from './context'
import { header, HttpError, type Incoming } from './http'
import { decodeJwt } from './jwt'
import { userKey, type SpaceoneDomain, type SpaceoneUser } from './state'

export interface Caller {
  readonly domain: SpaceoneDomain
  readonly user: SpaceoneUser
}

export function authFailure(message: string): HttpError {
  return new HttpError(401, 'ERROR_AUTHENTICATE_FAILURE', message)
}

const INVALID = 'Authenticate failure. (message = Token is invalid or expired.)'

export function bearerToken(req: Incoming): string {
  const value = header(req, 'authorization')
  if (value === undefined || value === '')
    throw authFailure('Token is not set. (Headers.authorization: Bearer <token>)')
  const match = /^Bearer (\S+)$/.exec(value.trim())
  if (!match?.[1]) throw authFailure('Token format is invalid.')
  return match[1]
}

/** A verified payload: RS256 with the key of the domain in `did`, and `exp` when present. */
export function verifiedPayload(
  ctx: Context,
  token: string,
  invalid: () => HttpError,
): Readonly<Record<string, unknown>> {
  const jwt = decodeJwt(token)
  if (!jwt) throw authFailure('Token is invalid or expired.')
  const { did, exp } = jwt.payload
  const domain = typeof did === 'string' ? ctx.world.spaceone.domains.get(did) : undefined
  const publicKey = domain ? ctx.domainPublicKeys[domain.keyIndex] : undefined
  if (!publicKey || !jwt.verify(publicKey)) throw invalid()
  if (exp !== undefined && (typeof exp !== 'number' || exp * 1000 <= ctx.clock.now())) throw invalid()
  return jwt.payload
}

export function authenticate(ctx: Context, req: Incoming): Caller {
  const payload = verifiedPayload(ctx, bearerToken(req), () => authFailure(INVALID))
  const { did, aud, cat } = payload
  if (typeof did !== 'string' || typeof aud !== 'string') throw authFailure(INVALID)
  if (cat === 'API_KEY') checkApiKey(ctx, did, payload.api_key_id)
  else if (cat !== 'ACCESS_TOKEN') throw authFailure(INVALID)
  const domain = ctx.world.spaceone.domains.get(did)
  const user = ctx.world.spaceone.users.get(userKey(did, aud))
  if (!domain || !user) throw authFailure(INVALID)
  return { domain, user }
}

function checkApiKey(ctx: Context, domainId: string, apiKeyId: unknown): void {
  if (typeof apiKeyId !== 'string') throw authFailure('Authenticate failure. (message = API key is invalid.)')
  const cache = ctx.world.spaceone.authCache
  const entry = `api-key:${domainId}:${apiKeyId}`
  const now = ctx.clock.now()
  const cachedAt = cache.get(entry)
  if (cachedAt !== undefined && now - cachedAt < ctx.config.propagationSeconds * 1000) return
  cache.delete(entry)
  const key = ctx.world.spaceone.keys.get(apiKeyId)
  if (!key || key.domainId !== domainId) throw authFailure('Authenticate failure. (message = API key is invalid.)')
  if (key.state === 'DISABLED')
    throw authFailure('Authenticate failure. (message = The state of the API key has been disabled.)')
  // Only successes are cached, which is why enable takes effect at once and disable does not.
  cache.set(entry, now)
}
