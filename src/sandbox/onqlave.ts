// Onqlave management plane under /tenants/ (onqlave.md §1–§5, §8).
import { randomBytes } from 'node:crypto'
import { isoSeconds } from './clock'
import type { Context } from './context'
import { header, isObject, jsonObject, type Incoming, type JsonObject, type Reply } from './http'
import { failure, ok, onqlaveError, rendered, statusOf } from './onqlave-envelope'
import { NANOID_ALPHABET, uniqueId } from './random'
import type { Service } from './service'
import { addOnqlaveKey, type OnqlaveKey, type OnqlaveTenant } from './state'

const PREFIX = '/tenants/'

export function onqlaveService(ctx: Context): Service {
  return {
    name: 'onqlave',
    owns: (path) => path === '/tenants' || path.startsWith(PREFIX),
    accountOf: (req) => tenantByToken(ctx, req)?.label,
    handle: (req) => rendered(() => route(ctx, req)),
    failure,
  }
}

function route(ctx: Context, req: Incoming): Reply {
  const parts = req.path.slice(PREFIX.length).replace(/\/$/, '').split('/')
  const [tid = '', keys, id = '', tail] = parts
  if (parts.length === 1 && (tid === 'login' || tid === 'status')) {
    allow(req, 'POST')
    return tid === 'login' ? login(ctx, req) : loginStatus(ctx, req)
  }
  if (keys !== 'keys' || parts.length > 4 || (tail !== undefined && tail !== 'sensitive'))
    throw onqlaveError(404, 'not found')
  if (parts.length === 2) {
    allow(req, 'GET', 'POST')
    const tenant = tenantOf(ctx, req, tid)
    return req.method === 'POST' ? create(ctx, tenant, req) : ok(listing(ctx, tenant))
  }
  if (parts.length === 4 || id === 'base') {
    allow(req, 'GET')
    const tenant = tenantOf(ctx, req, tid)
    return id === 'base' && parts.length === 3 ? ok(base(ctx, tenant)) : sensitiveData(ctx, tenant, id)
  }
  allow(req, 'GET', 'DELETE')
  const tenant = tenantOf(ctx, req, tid)
  return req.method === 'DELETE' ? remove(ctx, tenant, id) : ok(keyJson(ctx, ownKey(ctx, tenant, id)))
}

function allow(req: Incoming, ...methods: readonly string[]): void {
  if (!methods.includes(req.method)) throw onqlaveError(405, 'method not allowed')
}

function tenantByToken(ctx: Context, req: Incoming): OnqlaveTenant | undefined {
  const token = /^Bearer (\S+)$/.exec(header(req, 'authorization') ?? '')?.[1]
  const id = token ? ctx.world.onqlave.tenantIdByToken.get(token) : undefined
  return id ? ctx.world.onqlave.tenants.get(id) : undefined
}

function tenantOf(ctx: Context, req: Incoming, tid: string): OnqlaveTenant {
  const tenant = tenantByToken(ctx, req)
  if (!tenant) throw onqlaveError(401, 'invalid or expired token')
  if (tenant.id !== tid) throw onqlaveError(403, 'token does not belong to this tenant')
  return tenant
}

function body(req: Incoming): JsonObject {
  const parsed = jsonObject(req.body)
  if (!parsed) throw onqlaveError(400, 'malformed JSON body')
  return parsed
}

function login(ctx: Context, req: Incoming): Reply {
  const request = body(req).login
  const email = isObject(request) ? request.user_email : undefined
  const tenantName = isObject(request) ? request.tenant_name : undefined
  if (typeof email !== 'string' || email === '') throw onqlaveError(400, 'login.user_email is required')
  const tenant = [...ctx.world.onqlave.tenants.values()].find(
    (t) =>
      t.user.email_address === email && (typeof tenantName !== 'string' || tenantName === '' || tenantName === t.name),
  )
  if (!tenant) throw onqlaveError(400, 'no tenant with this user email and tenant name')
  const id = randomBytes(16).toString('base64url')
  ctx.world.onqlave.logins.set(id, tenant.id)
  return ok({ id })
}

function loginStatus(ctx: Context, req: Incoming): Reply {
  const request = body(req).request
  const token = isObject(request) ? request.token : undefined
  if (typeof token !== 'string' || token === '') throw onqlaveError(400, 'request.token is required')
  const tenant = ctx.world.onqlave.tenants.get(ctx.world.onqlave.logins.get(token) ?? '')
  // Sign-in completes at once in the sandbox; an unknown request reads as expired.
  if (!tenant) return ok({ status: 'expired' })
  return ok({ status: 'completed', token: tenant.token, tenant_id: tenant.id })
}

const ACL = { can: { create: true, delete: true }, can_not: {} }

function model(ctx: Context, tenant: OnqlaveTenant): unknown {
  const applications = [...ctx.world.onqlave.applications.values()]
    .filter((a) => a.tenantId === tenant.id)
    .map((a) => ({
      id: a.id,
      name: a.name,
      label: a.label,
      application_technology: { id: a.technology, name: 'Server' },
    }))
  const clusters = [...ctx.world.onqlave.clusters.values()]
    .filter((c) => c.tenantId === tenant.id)
    .map((c) => ({
      id: c.id,
      name: c.name,
      label: c.label,
      encryption: { id: c.encryption, name: c.encryption.toUpperCase() },
    }))
  return { applications, clusters }
}

function base(ctx: Context, tenant: OnqlaveTenant): unknown {
  return { acl: ACL, model: model(ctx, tenant) }
}

function listing(ctx: Context, tenant: OnqlaveTenant): unknown {
  const now = ctx.clock.now()
  const apiKeys: unknown[] = []
  let active = 0
  let deleted = 0
  for (const key of ctx.world.onqlave.keys.values()) {
    if (key.tenantId !== tenant.id) continue
    const status = statusOf(key, now)
    if (status === 'active') active += 1
    if (status === 'deleted') deleted += 1
    apiKeys.push(keyJson(ctx, key))
  }
  return {
    acl: ACL,
    api_keys: apiKeys,
    model: model(ctx, tenant),
    insights: { total_keys: apiKeys.length, total_active: active, total_deleted: deleted },
  }
}

export function arxUrl(ctx: Context, clusterId: string): string {
  return `${ctx.url}/${clusterId}`
}

function keyJson(ctx: Context, key: OnqlaveKey): unknown {
  const status = statusOf(key, ctx.clock.now())
  const tenant = ctx.world.onqlave.tenants.get(key.tenantId)
  const app = key.applicationId === null ? undefined : ctx.world.onqlave.applications.get(key.applicationId)
  const cluster = ctx.world.onqlave.clusters.get(key.clusterId)
  const deletable = key.deleteRequestedAt === null
  return {
    id: key.id,
    access_key: key.accessKey,
    created_at: isoSeconds(key.createdAt),
    status,
    created_by: tenant?.user ?? null,
    ...(app ? { application_id: app.id, application: { id: app.id, name: app.name, label: app.label } } : {}),
    cluster_id: key.clusterId,
    cluster: cluster ? { id: cluster.id, name: cluster.name, label: cluster.label } : null,
    acl: deletable ? { can: { delete: true }, can_not: {} } : { can: {}, can_not: { delete: true } },
    arx_url: arxUrl(ctx, key.clusterId),
  }
}

function ownKey(ctx: Context, tenant: OnqlaveTenant, id: string): OnqlaveKey {
  const key = ctx.world.onqlave.keys.get(id)
  if (!key || key.tenantId !== tenant.id) throw onqlaveError(404, 'api key not found')
  return key
}

/** Both contract forms: `{application_id, cluster_id, application_technology}` and the newer `{cluster_id}`. */
function create(ctx: Context, tenant: OnqlaveTenant, req: Incoming): Reply {
  const request = body(req).api_key
  if (!isObject(request)) throw onqlaveError(400, 'api_key is required')
  const { cluster_id: clusterId, application_id: applicationId, application_technology: technology } = request
  if (typeof clusterId !== 'string' || clusterId === '') throw onqlaveError(400, 'cluster_id is required')
  const cluster = ctx.world.onqlave.clusters.get(clusterId)
  if (!cluster || cluster.tenantId !== tenant.id) throw onqlaveError(400, 'cluster not found')
  const hasApp = applicationId !== undefined && applicationId !== null && applicationId !== ''
  const app =
    hasApp && typeof applicationId === 'string' ? ctx.world.onqlave.applications.get(applicationId) : undefined
  if (hasApp && (!app || app.tenantId !== tenant.id)) throw onqlaveError(400, 'application not found')
  if (app && technology !== undefined && technology !== null && technology !== '' && technology !== app.technology) {
    throw onqlaveError(400, `application technology must be "${app.technology}"`)
  }
  const now = ctx.clock.now()
  const keys = ctx.world.onqlave.keys
  const key: OnqlaveKey = {
    id: uniqueId(
      () => `apikey--${ctx.random.chars(NANOID_ALPHABET, 21)}`,
      (id) => keys.has(id),
    ),
    tenantId: tenant.id,
    clusterId: cluster.id,
    applicationId: app ? app.id : null,
    ...newSecrets(ctx),
    createdAt: now,
    readyAt: now + ctx.config.activationSeconds * 1000,
    fails: cluster.failing,
    deleteRequestedAt: null,
    deletedAt: null,
    providedAt: null,
  }
  addOnqlaveKey(ctx.world, key)
  ctx.changed()
  return ok(keyJson(ctx, key))
}

export function newSecrets(
  ctx: Pick<Context, 'random'>,
): Pick<OnqlaveKey, 'accessKey' | 'signingKey' | 'cryptoAccessKey' | 'clientKey'> {
  return {
    accessKey: ctx.random.chars(NANOID_ALPHABET, 32),
    signingKey: ctx.random.base64url(32),
    cryptoAccessKey: ctx.random.base64url(32),
    clientKey: ctx.random.base64url(32),
  }
}

function remove(ctx: Context, tenant: OnqlaveTenant, id: string): Reply {
  const key = ownKey(ctx, tenant, id)
  if (key.deleteRequestedAt === null) {
    const now = ctx.clock.now()
    ctx.world.onqlave.keys.set(key.id, {
      ...key,
      deleteRequestedAt: now,
      deletedAt: now + ctx.config.activationSeconds * 1000,
    })
    ctx.changed()
  }
  return ok({})
}

/** INFERRED route (§4): the bundle once after `active`; 409 before, 410 after it was provided. */
function sensitiveData(ctx: Context, tenant: OnqlaveTenant, id: string): Reply {
  const key = ownKey(ctx, tenant, id)
  const now = ctx.clock.now()
  if (key.providedAt !== null) throw onqlaveError(410, 'the api key secrets were already provided')
  const status = statusOf(key, now)
  if (status !== 'active') throw onqlaveError(409, `the api key is ${status}; secrets are available once it is active`)
  ctx.world.onqlave.keys.set(key.id, { ...key, providedAt: now })
  ctx.changed()
  return ok({
    id: key.id,
    access_key: key.accessKey,
    status,
    client_key: key.clientKey,
    server_signing_key: key.signingKey,
    server_crypto_access_key: key.cryptoAccessKey,
    arx_url: arxUrl(ctx, key.clusterId),
    provided_at: isoSeconds(now),
  })
}
