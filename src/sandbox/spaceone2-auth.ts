// Cloudforet 2.x authentication and authorization (spaceone-apps.md §2, §5): the JWT checks, App.check with its
// success-only cache (why disable, delete and regenerate propagate slowly), and the role and permission rules.
import type { Context } from './context'
import { header, type Incoming } from './http'
import { decodeJwt } from './jwt'
import { authenticateFailure, permissionDenied } from './spaceone2-fields'
import { roleKey, type Cf2App, type Cf2Domain } from './spaceone2-state'

export type CallerRole = 'DOMAIN_ADMIN' | 'WORKSPACE_OWNER' | 'WORKSPACE_MEMBER' | 'USER'

export interface Cf2Caller {
  readonly domain: Cf2Domain
  readonly own: 'APP' | 'USER'
  readonly role: CallerRole
  /** The token's `wid`; `*` for DOMAIN apps. */
  readonly workspaceId?: string
  readonly permissions: readonly string[]
}

const ROLES: readonly CallerRole[] = ['DOMAIN_ADMIN', 'WORKSPACE_OWNER', 'WORKSPACE_MEMBER', 'USER']

export function bearer(req: Incoming): string {
  const match = /^Bearer (\S+)$/.exec((header(req, 'authorization') ?? '').trim())
  if (!match?.[1]) throw authenticateFailure('empty token provided.')
  return match[1]
}

/** The verified payload: RS256 with the domain's key, `exp` with the leeway, then `ver`. */
export function verify(ctx: Context, token: string): Readonly<Record<string, unknown>> {
  const jwt = decodeJwt(token)
  if (!jwt) throw authenticateFailure('failed to decode token.')
  const { did, exp, ver } = jwt.payload
  const domain = typeof did === 'string' ? ctx.world.spaceone2.domains.get(did) : undefined
  if (!domain || !jwt.verify(ctx.spaceone2PublicKey)) throw authenticateFailure('Token is invalid or expired.')
  const leewayMs = ctx.config.tokenLeewaySeconds * 1000
  if (typeof exp !== 'number' || exp * 1000 + leewayMs <= ctx.clock.now()) {
    throw authenticateFailure('Token is invalid or expired.')
  }
  if (ver !== '2.0') throw authenticateFailure('invalid token version.')
  return jwt.payload
}

export function authenticate(ctx: Context, req: Incoming): Cf2Caller {
  const payload = verify(ctx, bearer(req))
  const { did, typ, own, rol, wid, jti } = payload
  const domain = ctx.world.spaceone2.domains.get(String(did))
  const role = ROLES.find((r) => r === rol)
  if (!domain || !role) throw authenticateFailure('Token is invalid or expired.')
  const workspaceId = typeof wid === 'string' ? wid : undefined
  if (typ === 'CLIENT_SECRET' && own === 'APP' && typeof jti === 'string') {
    const permissions = checkApp(ctx, domain, jti)
    return { domain, own: 'APP', role, ...(workspaceId ? { workspaceId } : {}), permissions }
  }
  if (typ === 'ACCESS_TOKEN' && own === 'USER') {
    const claimed = Array.isArray(payload.permissions) ? payload.permissions.map(String) : []
    return { domain, own: 'USER', role, ...(workspaceId ? { workspaceId } : {}), permissions: claimed }
  }
  throw authenticateFailure('Token is invalid or expired.')
}

/** App.check (§5): only successes are cached, so enable works at once while a revoked secret lives on until the TTL. */
function checkApp(ctx: Context, domain: Cf2Domain, clientId: string): readonly string[] {
  const w = ctx.world.spaceone2
  const entry = `${domain.domainId}:${clientId}`
  const now = ctx.clock.now()
  const cached = w.checkCache.get(entry)
  if (cached && now - cached.at < ctx.config.propagationSeconds * 1000) return cached.permissions
  w.checkCache.delete(entry)
  const app = appByClientId(ctx, domain.domainId, clientId)
  if (!app || app.state !== 'ENABLED' || domain.state !== 'ENABLED') throw permissionDenied()
  if (app.resourceGroup !== 'DOMAIN' && w.workspaces.get(app.workspaceId)?.state !== 'ENABLED') {
    throw permissionDenied()
  }
  const permissions = w.roles.get(roleKey(domain.domainId, app.roleId))?.permissions ?? []
  w.checkCache.set(entry, { at: now, permissions })
  w.apps.set(app.appId, { ...app, lastAccessedAt: now })
  ctx.changed()
  return permissions
}

function appByClientId(ctx: Context, domainId: string, clientId: string): Cf2App | undefined {
  for (const app of ctx.world.spaceone2.apps.values()) {
    if (app.clientId === clientId && app.domainId === domainId) return app
  }
  return undefined
}

/** Role types and permissions (python-core's authorization handler), matched by prefix; an empty list allows all. */
export function authorize(caller: Cf2Caller, roles: readonly CallerRole[], permission: string): void {
  if (!roles.includes(caller.role)) throw permissionDenied()
  if (caller.permissions.length > 0 && !caller.permissions.some((p) => permission.startsWith(p))) {
    throw permissionDenied()
  }
}

/** A workspace owner is held to the token's workspace; a domain admin may name one (§2). */
export function scopedWorkspace(caller: Cf2Caller, requested: string | undefined): string | undefined {
  return caller.role === 'WORKSPACE_OWNER' ? caller.workspaceId : requested
}
