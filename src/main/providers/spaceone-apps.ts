// Cloudforet 2.x identity Apps as keys (../shared/providers/spaceone-apps.md): one role and one client secret each.
import { AppError } from '../../shared/errors'
import { nameLength } from '../../shared/limits'
import type { Credential, KeyRecord } from '../../shared/model'
import { createFirstSeen } from './first-seen'
import type { CreateOptions, CreateResult, KeyProvider, ProviderContext, RoleChoice } from './provider'
import { APP_NAME_MAX, spaceoneAppsDescriptor } from './spaceone-apps-descriptor'
import { clientSecretJson, spacectlConfig2 } from './spaceone-apps-files'
import { spacectlProgram } from './program-files'
import { failure2, post2, SERVICE, unreadable, type CallOptions } from './spaceone-apps-http'
import { renewSession } from './spaceone-apps-signin'
import { listEndpoints, tryAppSecret } from './spaceone-apps-try'
import { resolveSpaceone } from './spaceone-detect'
import {
  AppInfo,
  AppList,
  readSecret,
  RoleList,
  toKeyRecord,
  wireExpiry,
  type MappingContext,
  type SecretFacts,
} from './spaceone-apps-wire'
import { parseAs, parseJson } from './wire'

const SCOPE_OF_ROLE: Readonly<Record<string, RoleChoice['scope']>> = {
  DOMAIN_ADMIN: 'DOMAIN',
  WORKSPACE_OWNER: 'WORKSPACE',
  WORKSPACE_MEMBER: 'PROJECT',
}

function factsOf(credential: Credential): SecretFacts {
  if (credential.provider !== 'spaceone-apps' || !credential.token) {
    throw new AppError('INTERNAL', `This account holds a credential for another service than ${SERVICE}.`)
  }
  return readSecret(credential.token)
}

/** How long the roles a create form was offered stand for its create (a role's scope rarely changes). */
const ROLES_FRESH_MS = 10 * 60_000

export function createSpaceoneAppsProvider(opts: { now?: () => Date } = {}): KeyProvider {
  const now = opts.now ?? (() => new Date())
  const firstSeen = createFirstSeen(now)
  /** The roles each account's create form was just offered: a create from that form needs no second role/list. */
  const offered = new Map<string, { readonly at: number; readonly roles: readonly RoleChoice[] }>()

  function mapping(ctx: ProviderContext): MappingContext {
    const f = factsOf(ctx.credential)
    const own =
      f.owner === 'APP'
        ? {
            appId: f.subject,
            ...(f.clientId ? { clientId: f.clientId } : {}),
            ...(f.expiresAt ? { expiresAt: f.expiresAt } : {}),
          }
        : undefined
    return { accountId: ctx.account.id, now: now().getTime(), firstSeen, ...(own ? { own } : {}) }
  }

  async function call(ctx: ProviderContext, path: string, body: unknown, o: CallOptions = {}): Promise<string> {
    const res = await post2(ctx.http, ctx.account, factsOf(ctx.credential).token, path, body, {
      ...o,
      signal: ctx.signal,
    })
    if (res.status < 200 || res.status > 299) throw failure2(res, ctx.account, path, o.subject)
    return res.text
  }

  async function appCall(
    ctx: ProviderContext,
    path: string,
    body: { readonly app_id: string } & Readonly<Record<string, unknown>>,
    idempotent: boolean,
  ): Promise<KeyRecord> {
    const text = await call(ctx, path, body, { idempotent, subject: `App ${body.app_id}` })
    const info = parseAs(AppInfo, text)
    if (!info) throw unreadable(ctx.account, `${path} without an app_id`)
    return toKeyRecord(info, mapping(ctx))
  }

  async function list(ctx: ProviderContext): Promise<KeyRecord[]> {
    // sort is a list in 2.x; a 1.x object fails with 500 (§3).
    const body = { query: { sort: [{ key: 'created_at' }] } }
    const parsed = parseAs(AppList, await call(ctx, '/identity/app/list', body, { idempotent: true }))
    if (!parsed) throw unreadable(ctx.account, 'app/list')
    const m = mapping(ctx)
    return (parsed.results ?? []).map((info) => toKeyRecord(info, m))
  }

  /** The roles this account may give an app. Managed roles appear only after the domain's first role/list (§3). */
  async function roleChoices(ctx: ProviderContext): Promise<RoleChoice[]> {
    const parsed = parseAs(RoleList, await call(ctx, '/identity/role/list', {}, { idempotent: true }))
    if (!parsed) throw unreadable(ctx.account, 'role/list')
    const f = factsOf(ctx.credential)
    return (parsed.results ?? [])
      .filter((r) => (r.state ?? 'ENABLED') === 'ENABLED' && SCOPE_OF_ROLE[r.role_type ?? ''] !== undefined)
      .filter((r) => f.role !== 'WORKSPACE_OWNER' || r.role_type !== 'DOMAIN_ADMIN')
      .map((r) => ({
        id: r.role_id,
        name: r.name || r.role_id,
        roleType: r.role_type ?? '',
        scope: SCOPE_OF_ROLE[r.role_type ?? ''] ?? 'DOMAIN',
      }))
  }

  /** The role to create with: from the roles offered in the last few minutes, else from a fresh role/list. */
  async function roleFor(ctx: ProviderContext, roleId: string): Promise<RoleChoice | undefined> {
    const seen = offered.get(ctx.account.id)
    const fresh =
      seen && now().getTime() - seen.at < ROLES_FRESH_MS ? seen.roles.find((r) => r.id === roleId) : undefined
    return fresh ?? (await roleChoices(ctx)).find((r) => r.id === roleId)
  }

  async function createOptions(ctx: ProviderContext): Promise<CreateOptions> {
    const f = factsOf(ctx.credential)
    const roles = await roleChoices(ctx)
    offered.set(ctx.account.id, { at: now().getTime(), roles })
    const seen = new Set((await list(ctx)).map((k) => k.extra.workspaceId).filter((w): w is string => !!w))
    if (f.workspaceId) seen.add(f.workspaceId)
    return {
      applications: [],
      clusters: [],
      roles,
      workspaces: [...seen].sort().map((id) => ({ id, name: id })),
      workspaceFixed: f.role === 'WORKSPACE_OWNER',
    }
  }

  /** The secret from create or regenerate, with the whole response for the console's "Download JSON". */
  function withSecret(ctx: ProviderContext, text: string, what: string): CreateResult {
    const info = parseAs(AppInfo, text)
    if (!info) throw unreadable(ctx.account, `${what} without an app_id`)
    const key = toKeyRecord(info, mapping(ctx))
    if (!info.client_secret) {
      throw new AppError(
        'PROVIDER_ERROR',
        `${SERVICE} answered ${what} for ${key.keyId} without its secret. Regenerate the secret of that app.`,
        {
          accountId: ctx.account.id,
        },
      )
    }
    const fields = { client_secret: info.client_secret, client_id: info.client_id ?? '' }
    return { key: secretExpiry(key, info.client_secret), secret: { keyId: key.keyId, fields, raw: parseJson(text) } }
  }

  return {
    id: 'spaceone-apps',
    descriptor: spaceoneAppsDescriptor,

    async validate(ctx) {
      const f = factsOf(ctx.credential)
      const res = await post2(
        ctx.http,
        ctx.account,
        f.token,
        '/identity/app/list',
        { query: { count_only: true } },
        {
          idempotent: true,
          signal: ctx.signal,
        },
      )
      if (res.status !== 200) throw failure2(res, ctx.account, '/identity/app/list')
      const parsed = parseAs(AppList, res.text)
      if (!parsed) throw unreadable(ctx.account, 'app/list without total_count')
      const n = parsed.total_count ?? 0
      const who = f.owner === 'APP' ? `app ${f.subject}` : f.subject
      return {
        facts: {
          user: f.subject,
          domain: f.domainId,
          version: '2.x',
          role: f.role,
          ...(f.workspaceId ? { workspace: f.workspaceId } : {}),
          ...(f.owner === 'APP' ? { ownKeyId: f.subject } : {}),
          ...(f.owner === 'APP' && f.expiresAt ? { credentialExpiresAt: f.expiresAt } : {}),
        },
        summary: `Cloudforet 2.x: ${who} (${f.role || 'no role'}) in ${f.domainId}: ${n} app${n === 1 ? '' : 's'}`,
      }
    },

    list,

    async get(ctx, keyId) {
      try {
        return await appCall(ctx, '/identity/app/get', { app_id: keyId }, true)
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null
        throw err
      }
    },

    createOptions,

    async create(ctx, input) {
      const name = (input.name ?? '').trim()
      if (!name || nameLength(name) > APP_NAME_MAX) {
        throw new AppError('INVALID_INPUT', `Give the app a name of 1 to ${APP_NAME_MAX} characters.`, {
          accountId: ctx.account.id,
        })
      }
      if (!input.roleId) throw new AppError('INVALID_INPUT', 'Pick a role for the app.', { accountId: ctx.account.id })
      // The core reconciles an unknown outcome by listing; the adapter never retries a create.
      const role = await roleFor(ctx, input.roleId)
      if (!role)
        throw new AppError('INVALID_INPUT', `${SERVICE} has no role ${input.roleId} this account may give.`, {
          accountId: ctx.account.id,
        })
      const body = {
        name,
        role_id: role.id,
        resource_group: role.scope,
        ...(input.tags && Object.keys(input.tags).length > 0 ? { tags: input.tags } : {}),
        ...(input.expiresAt ? { expired_at: wireExpiry(input.expiresAt) } : {}),
        ...(role.scope !== 'DOMAIN' && input.workspaceId ? { workspace_id: input.workspaceId } : {}),
        ...(role.scope === 'PROJECT' && input.projectId ? { project_id: input.projectId } : {}),
        ...(role.scope === 'PROJECT' && input.projectGroupId ? { project_group_id: input.projectGroupId } : {}),
      }
      return withSecret(
        ctx,
        await call(ctx, '/identity/app/create', body, { subject: `Role ${role.id}` }),
        'app/create',
      )
    },

    async regenerate(ctx, keyId, expiresAt) {
      const body = { app_id: keyId, ...(expiresAt ? { expired_at: wireExpiry(expiresAt) } : {}) }
      // Never retried: a second regenerate would kill the secret the first one made.
      const text = await call(ctx, '/identity/app/generate-client-secret', body, { subject: `App ${keyId}` })
      return withSecret(ctx, text, 'app/generate-client-secret')
    },

    enable: (ctx, keyId) => appCall(ctx, '/identity/app/enable', { app_id: keyId }, true),
    disable: (ctx, keyId) => appCall(ctx, '/identity/app/disable', { app_id: keyId }, true),

    async rename(ctx, keyId, name) {
      if (nameLength(name.trim()) > APP_NAME_MAX)
        throw new AppError('INVALID_INPUT', `App names are at most ${APP_NAME_MAX} characters.`, {
          accountId: ctx.account.id,
        })
      return appCall(ctx, '/identity/app/update', { app_id: keyId, name: name.trim() }, true)
    },

    setTags: (ctx, keyId, tags) => appCall(ctx, '/identity/app/update', { app_id: keyId, tags }, true),

    async delete(ctx, keyId) {
      await call(ctx, '/identity/app/delete', { app_id: keyId }, { subject: `App ${keyId}` })
      return null
    },

    endpoints: listEndpoints,

    secretParts(secret) {
      return [
        { label: 'App ID', value: secret.keyId, secret: false },
        { label: 'Client ID', value: secret.fields.client_id ?? '', secret: false },
        { label: 'Client secret', value: secret.fields.client_secret ?? '', secret: true },
      ]
    },

    exportFiles(secret, _account, endpoints) {
      return [clientSecretJson(secret), spacectlConfig2(secret, endpoints)]
    },

    // spacectl reads the app secret as `token` from the same config files (spaceone-apps.md §5, §8).
    programSecret(secret, account, files, home) {
      const env = { SPACEONE_TOKEN: secret.fields.client_secret ?? '', SPACEONE_ENDPOINT: account.endpoint }
      return spacectlProgram(files, env, home)
    },

    tryKey: tryAppSecret,

    renew: renewSession,

    async resolve(http, account, entered) {
      const credential = await resolveSpaceone(http, account, { ...entered, provider: 'spaceone' })
      if (credential.provider !== 'spaceone-apps') {
        throw new AppError('INVALID_INPUT', 'That is a SpaceONE 1.x credential; this account is Cloudforet 2.x.', {
          accountId: account.id,
        })
      }
      return credential
    },

    credentialFrom(secret) {
      const token = secret.fields.client_secret
      return token ? { provider: 'spaceone-apps', token } : null
    },
  }
}

/** A held secret's `exp` is the truth; `expired_at` can be off by the server's time zone (§7). */
function secretExpiry(key: KeyRecord, secret: string): KeyRecord {
  try {
    const exp = readSecret(secret).expiresAt
    return exp ? { ...key, expiresAt: exp, extra: { ...key.extra, expiresAt: exp } } : key
  } catch {
    return key
  }
}
