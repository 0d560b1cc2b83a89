// Cloudforet 2.x console-api-v2 under /spaceone2 (spaceone-apps.md §1, §9): only identity v2's served POST paths;
// any other /a/b/c path is 500 ERROR_UNSUPPORTED_API before authentication.
import { isoMillis } from './clock'
import type { Context } from './context'
import { header, HttpError, jsonObject, type Incoming, type JsonObject, type Reply } from './http'
import { decodeJwt } from './jwt'
import type { FailureKind, Service } from './service'
import { createApp, get, list, regenerate, remove, setState, update } from './spaceone2-apps'
import { authenticate, authorize } from './spaceone2-auth'
import { readMessage } from './spaceone2-fields'
import { eq, runQuery, type Row } from './spaceone2-query'
import { authInfo, grant, issue } from './spaceone2-signin'
import { MANAGED_ROLES, roleKey, type Cf2Role } from './spaceone2-state'

export const SPACEONE2_PREFIX = '/spaceone2'

type Route = (ctx: Context, req: Incoming, body: JsonObject) => unknown

const ROUTES: Readonly<Record<string, Route>> = {
  '/identity/app/create': (ctx, req, body) => createApp(ctx, authenticate(ctx, req), body),
  '/identity/app/generate-client-secret': (ctx, req, body) => regenerate(ctx, authenticate(ctx, req), body),
  '/identity/app/update': (ctx, req, body) => update(ctx, authenticate(ctx, req), body),
  '/identity/app/enable': (ctx, req, body) => setState(ctx, authenticate(ctx, req), body, 'ENABLED'),
  '/identity/app/disable': (ctx, req, body) => setState(ctx, authenticate(ctx, req), body, 'DISABLED'),
  '/identity/app/delete': (ctx, req, body) => remove(ctx, authenticate(ctx, req), body),
  '/identity/app/get': (ctx, req, body) => get(ctx, authenticate(ctx, req), body),
  '/identity/app/list': (ctx, req, body) => list(ctx, authenticate(ctx, req), body),
  '/identity/role/list': (ctx, req, body) => roles(ctx, req, body),
  '/identity/endpoint/list': (ctx, _req, body) => endpoints(ctx, body),
  '/identity/domain/get-auth-info': (ctx, _req, body) => authInfo(ctx, body),
  '/identity/token/issue': (ctx, _req, body) => issue(ctx, body),
  '/identity/token/grant': (ctx, _req, body) => grant(ctx, body),
}

export function spaceone2Service(ctx: Context): Service {
  return {
    name: 'spaceone2',
    owns: (path) => path === SPACEONE2_PREFIX || path.startsWith(`${SPACEONE2_PREFIX}/`),
    accountOf: (req) => {
      const token = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '')?.[1]
      const did = token ? decodeJwt(token)?.payload.did : undefined
      return typeof did === 'string' ? ctx.world.spaceone2.domains.get(did)?.label : undefined
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
  const path = req.path.slice(SPACEONE2_PREFIX.length)
  const handler = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined
  if (!handler) {
    if (/^\/[^/]+\/[^/]+\/[^/]+$/.test(path)) {
      throw new HttpError(
        500,
        'ERROR_UNSUPPORTED_API',
        `Call Unsupported API. (reason = method: ${req.method}, path: ${path})`,
      )
    }
    return { status: 404, body: { detail: 'Not Found' } }
  }
  if (req.method !== 'POST') return { status: 405, body: { detail: 'Method Not Allowed' } }
  const body = jsonObject(req.body)
  if (!body) throw new HttpError(500, 'ERROR_UNKNOWN', 'JSON Parsing Error: Request body requires JSON format.')
  return { status: 200, body: handler(ctx, req, body) }
}

function envelope(error: HttpError): Reply {
  return { status: error.status, body: { detail: { code: error.code, message: error.message } } }
}

function failure(kind: FailureKind): HttpError {
  switch (kind) {
    case 'too-large':
      return new HttpError(413, 'ERROR_UNKNOWN', 'Request entity too large.')
    case 'unavailable':
      return new HttpError(503, 'ERROR_GRPC_CONNECTION', ' Server is unavailable. (channel = identity)')
    case 'internal':
      return new HttpError(500, 'ERROR_UNKNOWN', 'Internal Server Error')
  }
}

function roleInfo(role: Cf2Role): Row {
  return {
    role_id: role.roleId,
    name: role.name,
    state: 'ENABLED',
    role_type: role.roleType,
    ...(role.permissions.length > 0 ? { permissions: role.permissions } : {}),
    ...(role.isManaged ? { is_managed: true } : {}),
    domain_id: role.domainId,
    created_at: isoMillis(role.createdAt),
  }
}

/** Every app role type may list roles (§5), which makes it the probe for a secret; managed roles appear on first use. */
function roles(ctx: Context, req: Incoming, body: JsonObject): JsonObject {
  const caller = authenticate(ctx, req)
  authorize(caller, ['DOMAIN_ADMIN', 'WORKSPACE_OWNER', 'WORKSPACE_MEMBER'], 'identity:Role.read')
  const f = readMessage(body, 'RoleSearchQuery', {
    query: 'struct',
    role_id: 'string',
    name: 'string',
    role_type: ['DOMAIN_ADMIN', 'WORKSPACE_OWNER', 'WORKSPACE_MEMBER'],
  })
  const w = ctx.world.spaceone2
  const domain = caller.domain
  if (!domain.managedRolesReady) {
    const now = ctx.clock.now()
    for (const m of MANAGED_ROLES) {
      const role: Cf2Role = { ...m, domainId: domain.domainId, permissions: [], isManaged: true, createdAt: now }
      w.roles.set(roleKey(domain.domainId, m.roleId), role)
    }
    w.domains.set(domain.domainId, { ...domain, managedRolesReady: true })
    ctx.changed()
  }
  const rows: Row[] = []
  for (const role of w.roles.values()) if (role.domainId === domain.domainId) rows.push(roleInfo(role))
  const fixed = (['role_id', 'name', 'role_type'] as const).flatMap((k) =>
    typeof f[k] === 'string' ? [eq(k, f[k])] : [],
  )
  return runQuery(rows, f.query, fixed, {
    minimal: ['role_id', 'name', 'state', 'role_type'],
    keyword: ['role_id', 'name'],
  })
}

/** Needs no token (W endpoint-store). Often empty on 2.x, which renders as `{}`. */
function endpoints(ctx: Context, body: JsonObject): JsonObject {
  readMessage(body, 'EndpointSearchQuery', { query: 'struct', service: 'string' })
  const results = ctx.spaceoneServices.map((service) => ({
    service,
    name: `${service.charAt(0).toUpperCase()}${service.slice(1)} Service`,
    endpoint: `grpc+ssl://${service}.api.sandbox.test:443`,
    state: 'ACTIVE',
  }))
  return results.length > 0 ? { results, total_count: results.length } : {}
}
