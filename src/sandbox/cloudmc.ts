// CloudMC v2 under /api/v2/ (cloudmc.md §2, §3, §6). Key management is the INFERRED /api_keys API, implemented as written.
import { createHash } from 'node:crypto'
import { isoMillis } from './clock'
import type { Context } from './context'
import { header, HttpError, jsonObject, type Incoming, type Reply } from './http'
import { uniqueId } from './random'
import type { FailureKind, Service } from './service'
import { addCloudmcKey, type CloudmcKey, type CloudmcUser } from './state'

const PREFIX = '/api/v2/'
const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const MAX_NAME = 255

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
type Handler = (ctx: Context, user: CloudmcUser, req: Incoming, id: string) => Reply

interface Route {
  readonly pattern: RegExp
  readonly methods: Partial<Record<Method, Handler>>
}

const ROUTES: readonly Route[] = [
  { pattern: /^users$/, methods: { GET: (_ctx, user) => ok([userJson(user)]) } },
  { pattern: /^users\/([^/]+)$/, methods: { GET: (_ctx, user, _req, id) => getUser(user, id) } },
  {
    pattern: /^api_keys$/,
    methods: { GET: (ctx, user) => ok(listKeys(ctx, user)), POST: (ctx, user, req) => create(ctx, user, req) },
  },
  { pattern: /^api_keys\/([^/]+)$/, methods: { PUT: rename, DELETE: remove } },
]

export function cloudmcService(ctx: Context): Service {
  return {
    name: 'cloudmc',
    owns: (path) => path === '/api/v2' || path.startsWith(PREFIX),
    accountOf: (req) => {
      const key = keyOf(ctx, req)
      return key ? ctx.world.cloudmc.users.get(key.userId)?.label : undefined
    },
    handle: (req) => {
      try {
        return route(ctx, req)
      } catch (error) {
        if (error instanceof HttpError) return envelope(error)
        throw error
      }
    },
    failure: (kind) => envelope(failure(kind)),
  }
}

function route(ctx: Context, req: Incoming): Reply {
  const rest = req.path.slice(PREFIX.length).replace(/\/$/, '')
  for (const { pattern, methods } of ROUTES) {
    const match = pattern.exec(rest)
    if (!match) continue
    const handler = Object.hasOwn(methods, req.method) ? methods[req.method as Method] : undefined
    if (!handler) throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed')
    return handler(ctx, authenticate(ctx, req), req, decodeURIComponentSafe(match[1] ?? ''))
  }
  throw new HttpError(404, 'NOT_FOUND', 'Not found')
}

function envelope(error: HttpError): Reply {
  const item = { code: error.code, errorCode: error.code, message: error.message, context: error.context }
  return { status: error.status, body: { errors: [item] } }
}

function failure(kind: FailureKind): HttpError {
  switch (kind) {
    case 'too-large':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', 'Request body too large')
    case 'unavailable':
      return new HttpError(503, 'SERVICE_UNAVAILABLE', 'Service unavailable')
    case 'internal':
      return new HttpError(500, 'UNEXPECTED_ERROR', 'Unexpected error')
  }
}

const ok = (data: unknown): Reply => ({ status: 200, body: { data } })

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

function keyOf(ctx: Context, req: Incoming): CloudmcKey | undefined {
  const secret = header(req, 'mc-api-key')
  const id = secret ? ctx.world.cloudmc.keyIdByHash.get(hashSecret(secret)) : undefined
  return id ? ctx.world.cloudmc.keys.get(id) : undefined
}

/** Every successful authenticated call records where and when the key was used. */
function authenticate(ctx: Context, req: Incoming): CloudmcUser {
  const key = keyOf(ctx, req)
  const user = key ? ctx.world.cloudmc.users.get(key.userId) : undefined
  if (!key || !user) throw new HttpError(401, 'INVALID_CREDENTIALS', 'Invalid credentials')
  ctx.world.cloudmc.keys.set(key.id, { ...key, lastIp: req.remoteAddress, lastActivity: ctx.clock.now() })
  ctx.changed()
  return user
}

function userJson(user: CloudmcUser): unknown {
  return {
    id: user.id,
    userName: user.userName,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    creationDate: isoMillis(user.creationDate),
    status: 'ACTIVE',
    organization: user.organization,
    lastLogin: isoMillis(user.lastLogin),
  }
}

function getUser(user: CloudmcUser, id: string): Reply {
  if (id !== user.id) throw new HttpError(404, 'NOT_FOUND', 'User not found', { id })
  return ok(userJson(user))
}

export function keyJson(key: CloudmcKey): Record<string, unknown> {
  return {
    id: key.id,
    name: key.name,
    lastIp: key.lastIp,
    lastActivity: key.lastActivity === null ? null : isoMillis(key.lastActivity),
    creationDate: isoMillis(key.creationDate),
  }
}

function listKeys(ctx: Context, user: CloudmcUser): unknown[] {
  const out: unknown[] = []
  for (const key of ctx.world.cloudmc.keys.values()) if (key.userId === user.id) out.push(keyJson(key))
  return out
}

function create(ctx: Context, user: CloudmcUser, req: Incoming): Reply {
  const body = parseBody(req)
  const given = body.name
  const name =
    given === undefined || given === null ? `api_key_${ctx.random.chars(NAME_ALPHABET, 8)}` : validName(given)
  const keys = ctx.world.cloudmc.keys
  const secret = ctx.random.base64url(32)
  const key: CloudmcKey = {
    id: uniqueId(
      () => ctx.random.uuid(),
      (id) => keys.has(id),
    ),
    userId: user.id,
    name,
    secretHash: hashSecret(secret),
    lastIp: null,
    lastActivity: null,
    creationDate: ctx.clock.now(),
  }
  addCloudmcKey(ctx.world, key)
  ctx.changed()
  return ok({ ...keyJson(key), apiKey: secret })
}

function rename(ctx: Context, user: CloudmcUser, req: Incoming, id: string): Reply {
  const key = ownKey(ctx, user, id)
  const body = parseBody(req)
  if (body.name === undefined || body.name === null)
    throw new HttpError(400, 'MISSING_PARAMETER', 'Missing parameter: name', { field: 'name' })
  const renamed = { ...key, name: validName(body.name) }
  ctx.world.cloudmc.keys.set(id, renamed)
  ctx.changed()
  return ok(keyJson(renamed))
}

function remove(ctx: Context, user: CloudmcUser, _req: Incoming, id: string): Reply {
  const key = ownKey(ctx, user, id)
  ctx.world.cloudmc.keys.delete(key.id)
  ctx.world.cloudmc.keyIdByHash.delete(key.secretHash)
  ctx.changed()
  return { status: 204 }
}

function ownKey(ctx: Context, user: CloudmcUser, id: string): CloudmcKey {
  const key = ctx.world.cloudmc.keys.get(id)
  if (!key || key.userId !== user.id) throw new HttpError(404, 'NOT_FOUND', 'API key not found', { id })
  return key
}

function parseBody(req: Incoming): Readonly<Record<string, unknown>> {
  const body = jsonObject(req.body)
  if (!body) throw new HttpError(400, 'INVALID_PARAMETER', 'The request body is not a JSON object', { field: 'body' })
  return body
}

function validName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : ''
  // Characters as the docs write them (INFERRED, cloudmc.md §2): code points, an emoji is one.
  if (name.length === 0 || [...name].length > MAX_NAME) {
    throw new HttpError(400, 'INVALID_PARAMETER', `Invalid parameter: name must be 1 to ${MAX_NAME} characters`, {
      field: 'name',
    })
  }
  return name
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
