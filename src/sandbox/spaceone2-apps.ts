// identity.App under /spaceone2/identity/app/* (spaceone-apps.md §3, §4): create, regenerate, update, enable,
// disable, delete, get and list, rendered as console-api-v2 renders them.
import { isoMillis } from './clock'
import type { Context } from './context'
import { HttpError, type JsonObject } from './http'
import { uniqueId } from './random'
import { authorize, scopedWorkspace, type Cf2Caller } from './spaceone2-auth'
import { maybe, need, notFound, permissionDenied, readMessage, type Message } from './spaceone2-fields'
import { eq, runQuery, type Row } from './spaceone2-query'
import { RESOURCE_GROUPS, roleOf, type Cf2App, type Cf2ResourceGroup } from './spaceone2-state'
import { checkExpiryLimit, clientSecret, defaultExpiry, parseExpiry, type Expiry } from './spaceone2-tokens'

const APP_ROLES = ['DOMAIN_ADMIN', 'WORKSPACE_OWNER'] as const
const READ = 'identity:App.read'
const WRITE = 'identity:App.write'
const GROUP_ROLE: Readonly<Record<Cf2ResourceGroup, string>> = {
  DOMAIN: 'DOMAIN_ADMIN',
  WORKSPACE: 'WORKSPACE_OWNER',
  PROJECT: 'WORKSPACE_MEMBER',
}

const CREATE: Message = {
  name: 'string',
  role_id: 'string',
  resource_group: RESOURCE_GROUPS,
  tags: 'struct',
  expired_at: 'string',
  workspace_id: 'string',
  project_id: 'string',
  project_group_id: 'string',
}
const GENERATE: Message = { app_id: 'string', expired_at: 'string' }
const UPDATE: Message = { app_id: 'string', name: 'string', tags: 'struct' }
const APP: Message = { app_id: 'string' }
const LIST: Message = {
  query: 'struct',
  app_id: 'string',
  name: 'string',
  state: ['ENABLED', 'DISABLED', 'EXPIRED'],
  role_type: ['DOMAIN_ADMIN', 'WORKSPACE_OWNER'],
  role_id: 'string',
  client_id: 'string',
  workspace_id: 'string',
}

/** AppInfo in proto field order with proto3 defaults omitted; the secret only from create and regenerate. */
export function appInfo(app: Cf2App, secret?: string): Row {
  const hasTags = Object.keys(app.tags).length > 0
  return {
    app_id: app.appId,
    ...(secret ? { client_secret: secret } : {}),
    name: app.name,
    state: app.state,
    ...(app.isManaged ? { is_managed: true } : {}),
    ...(hasTags ? { tags: app.tags } : {}),
    role_type: app.roleType,
    resource_group: app.resourceGroup,
    domain_id: app.domainId,
    workspace_id: app.workspaceId,
    ...(app.projectGroupId ? { project_group_id: app.projectGroupId } : {}),
    ...(app.projectId ? { project_id: app.projectId } : {}),
    role_id: app.roleId,
    client_id: app.clientId,
    created_at: isoMillis(app.createdAt),
    ...(app.lastAccessedAt !== null ? { last_accessed_at: isoMillis(app.lastAccessedAt) } : {}),
    expired_at: app.expiredAt,
  }
}

function expiry(ctx: Context, value: string | undefined): Expiry {
  const now = ctx.clock.now()
  if (value === undefined) return defaultExpiry(now, ctx.config.naiveTzOffsetHours)
  checkExpiryLimit(value, now)
  return parseExpiry(value, ctx.config.naiveTzOffsetHours)
}

function secretOf(ctx: Context, app: Cf2App): string {
  return clientSecret(app, ctx.spaceone2Key)
}

function newClientId(ctx: Context): string {
  const taken = new Set([...ctx.world.spaceone2.apps.values()].map((a) => a.clientId))
  return uniqueId(
    () => `client-${ctx.random.hex(12)}`,
    (id) => taken.has(id),
  )
}

export function createApp(ctx: Context, caller: Cf2Caller, body: JsonObject): Row {
  authorize(caller, APP_ROLES, WRITE)
  const f = readMessage(body, 'CreateAppRequest', CREATE)
  const w = ctx.world.spaceone2
  const domainId = caller.domain.domainId
  const name = need(f, 'name')
  const roleId = need(f, 'role_id')
  const group = need(f, 'resource_group') as Cf2ResourceGroup
  if (caller.role === 'WORKSPACE_OWNER' && group === 'DOMAIN') throw permissionDenied()
  const role = roleOf(w, domainId, roleId)
  if (!role) throw notFound(['role_id', 'domain_id'], [roleId, domainId])
  if (role.roleType !== GROUP_ROLE[group]) {
    throw new HttpError(
      400,
      'ERROR_NOT_ALLOWED_ROLE_TYPE',
      ` Not allowed role type. (role_type = ${role.roleType}, resource_group = ${group})`,
    )
  }
  let workspaceId = '*'
  let projectId: string | null = null
  let projectGroupId: string | null = null
  if (group !== 'DOMAIN') {
    workspaceId = scopedWorkspace(caller, maybe(f, 'workspace_id')) ?? ''
    if (!workspaceId) throw new HttpError(400, 'ERROR_REQUIRED_PARAMETER', ' Required parameter. (key = workspace_id)')
    const ws = w.workspaces.get(workspaceId)
    if (!ws || ws.domainId !== domainId) throw notFound(['workspace_id', 'domain_id'], [workspaceId, domainId])
  }
  if (group === 'PROJECT') {
    projectId = maybe(f, 'project_id') ?? null
    projectGroupId = maybe(f, 'project_group_id') ?? null
    if ((projectId === null) === (projectGroupId === null)) {
      throw new HttpError(
        400,
        'ERROR_REQUIRED_PARAMETER',
        ' Required parameter. (key = project_id or project_group_id)',
      )
    }
    const id = projectId ?? projectGroupId ?? ''
    const found = w.projects.get(id)
    if (!found || found.workspaceId !== workspaceId) {
      throw notFound([projectId ? 'project_id' : 'project_group_id', 'workspace_id'], [id, workspaceId])
    }
  }
  const { expiredAt, exp } = expiry(ctx, maybe(f, 'expired_at'))
  // identity's model caps the name at 40 characters; the database refuses longer ones (§3).
  if ([...name].length > 40) {
    throw new HttpError(
      500,
      'ERROR_DB_QUERY',
      ` DB query failed. (reason = name: String value is too long (max_length=40))`,
    )
  }
  const now = ctx.clock.now()
  const app: Cf2App = {
    appId: uniqueId(
      () => `app-${ctx.random.hex(12)}`,
      (id) => w.apps.has(id),
    ),
    name,
    state: 'ENABLED',
    isManaged: false,
    tags: (f.tags as Record<string, unknown> | undefined) ?? {},
    roleType: role.roleType,
    roleId: role.roleId,
    resourceGroup: group,
    domainId,
    workspaceId,
    projectId,
    projectGroupId,
    clientId: newClientId(ctx),
    createdAt: now,
    lastAccessedAt: null,
    expiredAt,
    exp,
    iat: Math.floor(now / 1000),
  }
  w.apps.set(app.appId, app)
  ctx.changed()
  return appInfo(app, secretOf(ctx, app))
}

/** The app named in the body, if the caller may see it; other workspaces' and domain apps are 404 to an owner. */
function visibleApp(ctx: Context, caller: Cf2Caller, f: JsonObject): Cf2App {
  const appId = need(f, 'app_id')
  const domainId = caller.domain.domainId
  const app = ctx.world.spaceone2.apps.get(appId)
  const scope = scopedWorkspace(caller, undefined)
  if (!app || app.domainId !== domainId || (scope !== undefined && app.workspaceId !== scope)) {
    throw notFound(['app_id', 'domain_id'], [appId, domainId])
  }
  return app
}

function save(ctx: Context, app: Cf2App): Cf2App {
  ctx.world.spaceone2.apps.set(app.appId, app)
  ctx.changed()
  return app
}

export function regenerate(ctx: Context, caller: Cf2Caller, body: JsonObject): Row {
  authorize(caller, APP_ROLES, WRITE)
  const f = readMessage(body, 'GenerateClientSecretRequest', GENERATE)
  const app = visibleApp(ctx, caller, f)
  const { expiredAt, exp } = expiry(ctx, maybe(f, 'expired_at'))
  // The old client id stops passing App.check, but its cached successes live on until the TTL (§5).
  const now = ctx.clock.now()
  const next = save(ctx, { ...app, clientId: newClientId(ctx), expiredAt, exp, iat: Math.floor(now / 1000) })
  return appInfo(next, secretOf(ctx, next))
}

export function update(ctx: Context, caller: Cf2Caller, body: JsonObject): Row {
  authorize(caller, APP_ROLES, WRITE)
  const f = readMessage(body, 'UpdateAppRequest', UPDATE)
  const app = visibleApp(ctx, caller, f)
  const name = maybe(f, 'name')
  if (name !== undefined && [...name].length > 40) {
    throw new HttpError(
      500,
      'ERROR_DB_QUERY',
      ` DB query failed. (reason = name: String value is too long (max_length=40))`,
    )
  }
  const tags = f.tags as Record<string, unknown> | undefined
  return appInfo(
    save(ctx, { ...app, ...(name !== undefined ? { name } : {}), ...(tags !== undefined ? { tags } : {}) }),
  )
}

export function setState(ctx: Context, caller: Cf2Caller, body: JsonObject, state: 'ENABLED' | 'DISABLED'): Row {
  authorize(caller, APP_ROLES, WRITE)
  const app = visibleApp(ctx, caller, readMessage(body, 'AppRequest', APP))
  if (app.isManaged) throw permissionDenied()
  return appInfo(app.state === state ? app : save(ctx, { ...app, state }))
}

export function remove(ctx: Context, caller: Cf2Caller, body: JsonObject): JsonObject {
  authorize(caller, APP_ROLES, WRITE)
  const app = visibleApp(ctx, caller, readMessage(body, 'AppRequest', APP))
  if (app.isManaged) throw permissionDenied()
  // Hard delete; the check cache keeps its entry, so a recently used secret works until the TTL.
  ctx.world.spaceone2.apps.delete(app.appId)
  ctx.changed()
  return {}
}

export function get(ctx: Context, caller: Cf2Caller, body: JsonObject): Row {
  authorize(caller, APP_ROLES, READ)
  return appInfo(visibleApp(ctx, caller, readMessage(body, 'AppRequest', APP)))
}

export function list(ctx: Context, caller: Cf2Caller, body: JsonObject): JsonObject {
  authorize(caller, APP_ROLES, READ)
  const f = readMessage(body, 'AppSearchQuery', LIST)
  const workspaceId = scopedWorkspace(caller, maybe(f, 'workspace_id'))
  const fixed = [
    ...(['app_id', 'name', 'state', 'role_type', 'role_id', 'client_id'] as const).flatMap((k) => {
      const v = maybe(f, k)
      return v === undefined ? [] : [eq(k, v)]
    }),
    ...(workspaceId !== undefined ? [eq('workspace_id', workspaceId)] : []),
  ]
  const rows: Row[] = []
  for (const app of ctx.world.spaceone2.apps.values()) {
    if (app.domainId === caller.domain.domainId) rows.push(appInfo(app))
  }
  return runQuery(rows, f.query, fixed, {
    minimal: ['app_id', 'name', 'state', 'role_type', 'role_id', 'expired_at'],
    keyword: ['app_id', 'name'],
  })
}
