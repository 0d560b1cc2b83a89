// Cloudforet 2.x sign-in without a token (spaceone-apps.md §2): domain name → id, password → issue, refresh → grant.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context } from './context'
import { HttpError, isObject, type JsonObject } from './http'
import { verify } from './spaceone2-auth'
import {
  authenticateFailure,
  maybe,
  need,
  notFound,
  permissionDenied,
  readMessage,
  requiredParameter,
} from './spaceone2-fields'
import { cf2UserKey, roleKey, type Cf2Domain } from './spaceone2-state'
import { accessToken, refreshToken } from './spaceone2-tokens'

const ACCESS_SECONDS = 1800
const REFRESH_SECONDS = 10_800
const MAX_TIMEOUT = 604_800

export function authInfo(ctx: Context, body: JsonObject): JsonObject {
  const name = need(readMessage(body, 'GetAuthInfoRequest', { name: 'string' }), 'name')
  const domain = [...ctx.world.spaceone2.domains.values()].find((d) => d.name === name)
  if (!domain) throw notFound(['name'], [name])
  return { domain_id: domain.domainId, name: domain.name, state: domain.state }
}

export function issue(ctx: Context, body: JsonObject): JsonObject {
  const f = readMessage(body, 'CreateTokenRequest', {
    credentials: 'struct',
    auth_type: ['LOCAL', 'EXTERNAL', 'MFA'],
    timeout: 'int',
    verify_code: 'string',
    domain_id: 'string',
  })
  const domainId = need(f, 'domain_id')
  const credentials = isObject(f.credentials) ? f.credentials : undefined
  if (!credentials) throw requiredParameter('credentials')
  const userId = typeof credentials.user_id === 'string' ? credentials.user_id : ''
  const password = typeof credentials.password === 'string' ? credentials.password : ''
  if (!userId) throw requiredParameter('credentials.user_id')
  const domain = ctx.world.spaceone2.domains.get(domainId)
  if (!domain) throw notFound(['domain_id'], [domainId])
  const user = ctx.world.spaceone2.users.get(cf2UserKey(domainId, userId))
  if (!user) throw notFound(['user_id', 'domain_id'], [userId, domainId])
  if (!samePassword(user.password, password)) throw authenticateFailure('Wrong user ID or password.')
  if (user.mfa) throw new HttpError(500, 'ERROR_MFA_REQUIRED', ` MFA is required. (user_id = ${userId})`)
  const now = ctx.clock.now()
  const facts = { domainId, userId, nowMs: now }
  return {
    access_token: accessToken({ ...facts, jti: jti(ctx), seconds: ACCESS_SECONDS }, { rol: 'USER' }, ctx.spaceone2Key),
    refresh_token: refreshToken({ ...facts, jti: jti(ctx), seconds: REFRESH_SECONDS }, ctx.spaceone2Key),
  }
}

export function grant(ctx: Context, body: JsonObject): JsonObject {
  const f = readMessage(body, 'GrantTokenRequest', {
    grant_type: ['REFRESH_TOKEN'],
    token: 'string',
    scope: ['SYSTEM', 'DOMAIN', 'WORKSPACE', 'USER'],
    workspace_id: 'string',
    timeout: 'int',
  })
  need(f, 'grant_type')
  const scope = need(f, 'scope')
  const payload = verify(ctx, need(f, 'token'))
  if (payload.typ !== 'REFRESH_TOKEN') throw authenticateFailure('Token is invalid or expired.')
  const domain = ctx.world.spaceone2.domains.get(String(payload.did))
  const user = ctx.world.spaceone2.users.get(cf2UserKey(String(payload.did), String(payload.aud)))
  if (!domain || !user) throw authenticateFailure('Token is invalid or expired.')
  const timeout = typeof f.timeout === 'number' ? f.timeout : ACCESS_SECONDS
  if (timeout < 0 || timeout > MAX_TIMEOUT) {
    throw new HttpError(
      400,
      'ERROR_INVALID_PARAMETER',
      ` Parameter is invalid. (key = timeout, reason = max ${MAX_TIMEOUT})`,
    )
  }
  const role = ctx.world.spaceone2.roles.get(roleKey(domain.domainId, user.roleId))
  const granted = scoped(ctx, domain, scope, maybe(f, 'workspace_id'), user.workspaceId, role?.roleType)
  const permissions = role?.permissions ?? []
  const token = accessToken(
    { domainId: domain.domainId, userId: user.userId, jti: jti(ctx), nowMs: ctx.clock.now(), seconds: timeout },
    { rol: granted.roleType, ...(granted.workspaceId ? { wid: granted.workspaceId } : {}), permissions },
    ctx.spaceone2Key,
  )
  return {
    access_token: token,
    role_type: granted.roleType,
    role_id: user.roleId,
    domain_id: domain.domainId,
    ...(granted.workspaceId ? { workspace_id: granted.workspaceId } : {}),
  }
}

/** What a grant yields: a domain admin in WORKSPACE scope becomes its owner (I grant_token_manager). */
function scoped(
  ctx: Context,
  domain: Cf2Domain,
  scope: string,
  workspaceId: string | undefined,
  boundWorkspace: string | null,
  roleType: string | undefined,
): { roleType: string; workspaceId?: string } {
  if (scope === 'USER') return { roleType: 'USER' }
  if (scope === 'DOMAIN') {
    if (roleType !== 'DOMAIN_ADMIN') throw permissionDenied()
    return { roleType }
  }
  if (scope !== 'WORKSPACE') throw permissionDenied()
  if (!workspaceId) throw requiredParameter('workspace_id')
  const ws = ctx.world.spaceone2.workspaces.get(workspaceId)
  if (!ws || ws.domainId !== domain.domainId)
    throw notFound(['workspace_id', 'domain_id'], [workspaceId, domain.domainId])
  if (ws.state !== 'ENABLED') throw permissionDenied()
  if (roleType === 'DOMAIN_ADMIN') return { roleType: 'WORKSPACE_OWNER', workspaceId }
  if (boundWorkspace !== workspaceId || roleType === undefined) throw permissionDenied()
  return { roleType, workspaceId }
}

function jti(ctx: Context): string {
  return ctx.random.hex(32)
}

function samePassword(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}
