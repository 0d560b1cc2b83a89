// SpaceONE 1.x identity under /identity/ (spaceone.md §2, §4, §6, §8).
import { isoMillis } from './clock'
import type { Context } from './context'
import { header, HttpError, jsonObject, type Incoming, type JsonObject, type Reply } from './http'
import { decodeJwt, signJwt } from './jwt'
import { uniqueId } from './random'
import type { FailureKind, Service } from './service'
import { authenticate, type Caller } from './spaceone-auth'
import { eq, pick, projection, runQuery, type Row } from './spaceone-query'
import { issue, refresh, required } from './spaceone-token'
import { userKey, type SpaceoneKey } from './state'

const PREFIX = '/identity/'

type Route = (ctx: Context, req: Incoming, body: JsonObject) => unknown

const ROUTES: Readonly<Record<string, Route>> = {
  'api-key/create': (ctx, req, body) => create(ctx, authenticate(ctx, req), body),
  'api-key/enable': (ctx, req, body) => setState(ctx, authenticate(ctx, req), body, 'ENABLED'),
  'api-key/disable': (ctx, req, body) => setState(ctx, authenticate(ctx, req), body, 'DISABLED'),
  'api-key/delete': (ctx, req, body) => remove(ctx, authenticate(ctx, req), body),
  'api-key/get': (ctx, req, body) => get(ctx, authenticate(ctx, req), body),
  'api-key/list': (ctx, req, body) => list(ctx, authenticate(ctx, req), body),
  'endpoint/list': (ctx, req) => {
    authenticate(ctx, req)
    return endpoints(ctx)
  },
  'token/issue': (ctx, _req, body) => issue(ctx, body),
  'token/refresh': (ctx, req) => refresh(ctx, req),
}

export function spaceoneService(ctx: Context): Service {
  return {
    name: 'spaceone',
    owns: (path) => path === '/identity' || path.startsWith(PREFIX),
    accountOf: (req) => accountOf(ctx, req),
    handle: (req) => {
      try {
        return { status: 200, body: route(ctx, req) }
      } catch (error) {
        if (error instanceof HttpError) return envelope(error)
        throw error
      }
    },
    failure: (kind) => envelope(failure(kind)),
  }
}

function route(ctx: Context, req: Incoming): unknown {
  const name = req.path.slice(PREFIX.length)
  const handler = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined
  if (!handler) throw new HttpError(404, 'ERROR_UNKNOWN', 'Not Found')
  if (req.method !== 'POST') throw new HttpError(405, 'ERROR_UNKNOWN', 'Method Not Allowed')
  const body = jsonObject(req.body)
  if (!body) throw new HttpError(400, 'ERROR_UNKNOWN', 'Unexpected token in JSON body.')
  return handler(ctx, req, body)
}

function envelope(error: HttpError): Reply {
  return { status: error.status, body: { detail: { message: error.message, code: error.code, fail_items: {} } } }
}

function failure(kind: FailureKind): HttpError {
  switch (kind) {
    case 'too-large':
      return new HttpError(413, 'ERROR_UNKNOWN', 'Request entity too large.')
    case 'unavailable':
      return new HttpError(503, 'ERROR_GRPC_CONNECTION', 'Server is unavailable. (channel = identity)')
    case 'internal':
      return new HttpError(500, 'ERROR_UNKNOWN', 'Internal Server Error')
  }
}

function accountOf(ctx: Context, req: Incoming): string | undefined {
  const token = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '')?.[1]
  const did = token ? decodeJwt(token)?.payload.did : jsonObject(req.body)?.domain_id
  return typeof did === 'string' ? ctx.world.spaceone.domains.get(did)?.label : undefined
}

function info(key: SpaceoneKey, apiKey = ''): Row {
  return {
    api_key_id: key.apiKeyId,
    api_key: apiKey,
    state: key.state,
    user_id: key.userId,
    domain_id: key.domainId,
    last_accessed_at: '',
    created_at: isoMillis(key.createdAt),
  }
}

const denied = (): HttpError => new HttpError(403, 'ERROR_PERMISSION_DENIED', 'Permission denied.')

function mayManage(caller: Caller, userId: string): void {
  if (caller.user.role === 'NO_PERMISSION') throw denied()
  if (caller.user.role === 'USER' && userId !== caller.user.userId) throw denied()
}

/** The server takes domain_id from the token; naming another domain is refused. */
function checkDomain(caller: Caller, body: JsonObject): void {
  const domainId = body.domain_id
  if (domainId === undefined || domainId === null || domainId === '') return
  if (typeof domainId !== 'string')
    throw new HttpError(400, 'ERROR_INVALID_PARAMETER_TYPE', 'Parameter type is invalid. (key = domain_id, type = str)')
  if (domainId !== caller.domain.domainId) throw denied()
}

function notFound(keys: readonly string[], values: readonly string[]): HttpError {
  const k = `(${keys.map((x) => `'${x}'`).join(', ')})`
  const v = `(${values.map((x) => `'${x}'`).join(', ')})`
  return new HttpError(404, 'ERROR_NOT_FOUND', `Value not found. (${k} = ${v})`)
}

function create(ctx: Context, caller: Caller, body: JsonObject): Row {
  if (caller.user.role === 'NO_PERMISSION') throw denied()
  const userId = required(body, 'user_id')
  checkDomain(caller, body)
  mayManage(caller, userId)
  const domainId = caller.domain.domainId
  if (!ctx.world.spaceone.users.has(userKey(domainId, userId)))
    throw notFound(['user_id', 'domain_id'], [userId, domainId])
  const keys = ctx.world.spaceone.keys
  const now = ctx.clock.now()
  const key: SpaceoneKey = {
    apiKeyId: uniqueId(
      () => `api-key-${ctx.random.hex(12)}`,
      (id) => keys.has(id),
    ),
    domainId,
    userId,
    state: 'ENABLED',
    createdAt: now,
  }
  keys.set(key.apiKeyId, key)
  ctx.changed()
  return info(key, apiKeyJwt(ctx, key))
}

/** The secret of a key, exactly as identity's key_generator builds it: no `exp`. */
export function apiKeyJwt(ctx: Pick<Context, 'world' | 'domainKeys'>, key: SpaceoneKey): string {
  const domain = ctx.world.spaceone.domains.get(key.domainId)
  const privateKey = domain ? ctx.domainKeys[domain.keyIndex] : undefined
  if (!privateKey) throw new HttpError(500, 'ERROR_UNKNOWN', 'The domain has no signing key.')
  const payload = {
    cat: 'API_KEY',
    user_type: 'USER',
    did: key.domainId,
    aud: key.userId,
    iat: Math.floor(key.createdAt / 1000),
    api_key_id: key.apiKeyId,
    ver: '2020-12-07',
  }
  return signJwt(payload, privateKey)
}

function ownedKey(ctx: Context, caller: Caller, body: JsonObject, domainRequired: boolean): SpaceoneKey {
  if (caller.user.role === 'NO_PERMISSION') throw denied()
  const apiKeyId = required(body, 'api_key_id')
  if (domainRequired) required(body, 'domain_id')
  checkDomain(caller, body)
  const key = ctx.world.spaceone.keys.get(apiKeyId)
  if (!key || key.domainId !== caller.domain.domainId)
    throw notFound(['api_key_id', 'domain_id'], [apiKeyId, caller.domain.domainId])
  mayManage(caller, key.userId)
  return key
}

function setState(ctx: Context, caller: Caller, body: JsonObject, state: SpaceoneKey['state']): Row {
  const key = ownedKey(ctx, caller, body, false)
  if (key.state === state) return info(key)
  const changed = { ...key, state }
  ctx.world.spaceone.keys.set(key.apiKeyId, changed)
  ctx.changed()
  return info(changed)
}

function remove(ctx: Context, caller: Caller, body: JsonObject): JsonObject {
  const key = ownedKey(ctx, caller, body, false)
  // The auth cache keeps its entry: a recently used key still authenticates until the TTL runs out.
  ctx.world.spaceone.keys.delete(key.apiKeyId)
  ctx.changed()
  return {}
}

function get(ctx: Context, caller: Caller, body: JsonObject): Row {
  const key = ownedKey(ctx, caller, body, true)
  const fields = projection(body.only, false)
  return fields ? pick(info(key), fields) : info(key)
}

function list(ctx: Context, caller: Caller, body: JsonObject): unknown {
  if (caller.user.role === 'NO_PERMISSION') throw denied()
  checkDomain(caller, body)
  const userId = optional(body, 'user_id')
  const state = optional(body, 'state')
  const apiKeyId = optional(body, 'api_key_id')
  if (userId !== undefined) mayManage(caller, userId)
  if (state !== undefined && state !== 'ENABLED' && state !== 'DISABLED') {
    throw new HttpError(
      400,
      'ERROR_INVALID_PARAMETER',
      `Parameter is invalid. (key = state, reason = ${state} is not ENABLED or DISABLED)`,
    )
  }
  // A normal user is held to their own keys; only a domain admin without user_id sees every user's.
  const owner = userId ?? (caller.user.role === 'DOMAIN_ADMIN' ? undefined : caller.user.userId)
  const fixed = [
    ...(owner !== undefined ? [eq('user_id', owner)] : []),
    ...(state !== undefined ? [eq('state', state)] : []),
    ...(apiKeyId !== undefined ? [eq('api_key_id', apiKeyId)] : []),
  ]
  const domainId = caller.domain.domainId
  const rows: Row[] = []
  for (const key of ctx.world.spaceone.keys.values()) if (key.domainId === domainId) rows.push(info(key))
  return runQuery(rows, body.query, fixed)
}

function optional(body: JsonObject, key: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string')
    throw new HttpError(400, 'ERROR_INVALID_PARAMETER_TYPE', `Parameter type is invalid. (key = ${key}, type = str)`)
  return value
}

const SERVICE_NAMES: Readonly<Record<string, string>> = { power_scheduler: 'Power Scheduler' }

function endpoints(ctx: Context): unknown {
  const results = ctx.spaceoneServices.map((service) => ({
    service,
    name: `${SERVICE_NAMES[service] ?? service.charAt(0).toUpperCase() + service.slice(1)} Service`,
    endpoint: `grpc+ssl://${service}.api.sandbox.test:443/v1`,
    state: 'NONE',
    version: '',
  }))
  return { results, total_count: results.length }
}
