import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AppError } from '../../src/shared/errors'
import { providers } from '../../src/main/providers/index'
import { createSpaceoneAppsProvider } from '../../src/main/providers/spaceone-apps'
import type { Sandbox } from './providers-support'
import { caught, control, recordingHttp, startTestSandbox } from './providers-support'
import { account2, ctx2, payloadOf, sandboxNow } from './providers-spaceone-apps-support'
import { objectContaining } from '../support/match'

// A new adapter for each test: it remembers the roles it offered, and each test starts a new sandbox world.
let apps = providers['spaceone-apps']
let sb: Sandbox
let ids: Sandbox['spaceone2']['ids']

beforeAll(async () => {
  sb = await startTestSandbox()
  ids = sb.spaceone2.ids
})
afterAll(() => sb.close())
beforeEach(async () => {
  apps = createSpaceoneAppsProvider()
  await control(sb, 'reset')
})

async function created(extra: Record<string, unknown> = {}) {
  const { http } = recordingHttp()
  return apps.create(ctx2(sb, http), { name: 'ci', roleId: 'managed-domain-admin', ...extra })
}

describe('Cloudforet 2.x adapter: reading', () => {
  it('validates with a count-only app/list, sending only the Bearer token, and learns its own app and expiry', async () => {
    const { http, calls } = recordingHttp()
    const result = await apps.validate(ctx2(sb, http))
    const claims = payloadOf(sb.spaceone2.secrets.credential)
    expect(result.facts).toEqual({
      user: ids.credentialAppId,
      domain: ids.domainId,
      version: '2.x',
      role: 'DOMAIN_ADMIN',
      ownKeyId: ids.credentialAppId,
      credentialExpiresAt: new Date(Number(claims.exp) * 1000).toISOString(),
    })
    expect(result.summary).toBe(`Cloudforet 2.x: app ${ids.credentialAppId} (DOMAIN_ADMIN) in ${ids.domainId}: 6 apps`)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe(`${sb.spaceone2.endpoint}/identity/app/list`)
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ query: { count_only: true } })
    expect(Object.keys(calls[0]?.headers ?? {}).sort()).toEqual(['accept', 'authorization', 'content-type'])
  })

  it('lists apps with a sort list and maps role, scope, state, client id, use, expiry and the managed flag', async () => {
    const { http, calls } = recordingHttp()
    const keys = await apps.list(ctx2(sb, http))
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ query: { sort: [{ key: 'created_at' }] } })
    expect(keys).toHaveLength(6)
    const byId = new Map(keys.map((k) => [k.keyId, k]))
    const own = byId.get(ids.credentialAppId)
    const exp = new Date(Number(payloadOf(sb.spaceone2.secrets.credential).exp) * 1000).toISOString()
    expect(own).toMatchObject({ provider: 'spaceone-apps', name: 'keydesk', state: 'enabled', expiresAt: exp })
    expect(own?.lastUsedAt).toMatch(/Z$/)
    expect(own?.extra).toMatchObject({
      roleType: 'DOMAIN_ADMIN',
      resourceGroup: 'DOMAIN',
      tags: 'owner=ops',
      roleId: 'managed-domain-admin',
    })
    expect(own?.extra.clientId).toMatch(/^client-/)
    expect(own?.extra.workspaceId).toBeUndefined()
    expect(byId.get(ids.workspaceAppId)?.extra).toMatchObject({
      workspaceId: ids.workspaceId,
      resourceGroup: 'WORKSPACE',
    })
    expect(byId.get(ids.disabledAppId)?.state).toBe('disabled')
    expect(byId.get(ids.expiredAppId)).toMatchObject({
      state: 'disabled',
      extra: objectContaining({ expired: 'true' }),
    })
    expect(byId.get(ids.managedAppId)?.extra.isManaged).toBe('true')
    expect(byId.get(ids.disabledAppId)?.lastUsedAt).toBeUndefined()
  })

  it('reads an empty answer {} as no apps, and a gone app as null', async () => {
    const { http } = recordingHttp()
    const owner = ctx2(sb, http, sb.spaceone2.secrets.workspace)
    for (const k of await apps.list(owner)) if (!k.extra.isManaged) await apps.delete(owner, k.keyId)
    const left = await apps.list(owner)
    expect(left.map((k) => k.keyId)).toEqual([ids.managedAppId])
    expect(await apps.get(ctx2(sb, http), 'app-000000000000')).toBeNull()
  })

  it('offers the roles role/list returns with the scope each makes, and readies the managed roles for create', async () => {
    const { http } = recordingHttp()
    const options = await apps.createOptions(ctx2(sb, http))
    expect(options?.roles).toEqual(
      expect.arrayContaining([
        { id: 'managed-domain-admin', name: 'Domain Admin', roleType: 'DOMAIN_ADMIN', scope: 'DOMAIN' },
        { id: 'managed-workspace-owner', name: 'Workspace Owner', roleType: 'WORKSPACE_OWNER', scope: 'WORKSPACE' },
        { id: 'managed-workspace-member', name: 'Workspace Member', roleType: 'WORKSPACE_MEMBER', scope: 'PROJECT' },
        { id: ids.customRoleId, name: 'Role auditor', roleType: 'DOMAIN_ADMIN', scope: 'DOMAIN' },
      ]),
    )
    expect(options?.workspaces).toEqual([{ id: ids.workspaceId, name: ids.workspaceId }])
    const owner = await apps.createOptions(ctx2(sb, http, sb.spaceone2.secrets.workspace))
    expect(owner?.roles?.some((r) => r.scope === 'DOMAIN')).toBe(false)
    expect(owner?.workspaceFixed).toBe(true)
  })
})

describe('Cloudforet 2.x adapter: create and the console exports', () => {
  it('sends only the request fields, the expiry with Z, and returns the secret once with its exp', async () => {
    const { http, calls } = recordingHttp()
    const result = await apps.create(ctx2(sb, http), {
      name: 'keydesk-ci',
      roleId: 'managed-domain-admin',
      tags: { owner: 'ops' },
      expiresAt: '2027-03-01T00:00:00.000Z',
    })
    const create = calls.find((c) => c.url.endsWith('/identity/app/create'))
    expect(JSON.parse(create?.body ?? '')).toEqual({
      name: 'keydesk-ci',
      role_id: 'managed-domain-admin',
      resource_group: 'DOMAIN',
      tags: { owner: 'ops' },
      expired_at: '2027-03-01T00:00:00Z',
    })
    expect(result.key).toMatchObject({ name: 'keydesk-ci', state: 'enabled', expiresAt: '2027-03-01T00:00:00.000Z' })
    expect(result.secret?.fields.client_id).toBe(result.key.extra.clientId)
    expect(payloadOf(result.secret?.fields.client_secret ?? '')).toMatchObject({
      aud: result.key.keyId,
      typ: 'CLIENT_SECRET',
    })
    expect((await apps.tryKey(http, account2(sb), result.secret!)).ok).toBe(true)
  })

  it('writes client_secret as the whole response with a 4-space indent and spacectl_config with token and endpoints', async () => {
    const { http } = recordingHttp()
    const result = await apps.create(ctx2(sb, http), { name: 'ci', roleId: 'managed-domain-admin' })
    const secret = result.secret!
    const endpoints = await apps.endpoints(ctx2(sb, http))
    const [json, yaml] = apps.exportFiles(secret, account2(sb), endpoints)
    expect(json?.fileName).toBe('client_secret')
    expect(json?.content).toBe(JSON.stringify(secret.raw, null, 4))
    expect(json?.content.endsWith('\n')).toBe(false)
    expect((JSON.parse(json?.content ?? '') as { client_secret?: string }).client_secret).toBe(
      secret.fields.client_secret,
    )
    expect(yaml?.fileName).toBe('spacectl_config')
    const config = parse(yaml?.content ?? '') as Record<string, unknown>
    expect(Object.keys(config)).toEqual(['token', 'endpoints'])
    expect(config.token).toBe(secret.fields.client_secret)
    expect(config.endpoints).toEqual(Object.fromEntries(endpoints.map((e) => [e.service, e.url])))
    expect(yaml?.content.split('\n')[0]).toBe(`token: ${secret.fields.client_secret}`)
    expect(yaml?.content).not.toMatch(/api_key|x_domain_id|x_workspace_id/)
    const empty = apps.exportFiles(secret, account2(sb), [])[1]
    expect(empty?.content).toBe(`token: ${secret.fields.client_secret}\nendpoints: {}\n`)
  })

  it('makes workspace and project apps in the scope their role allows', async () => {
    const ws = await created({ roleId: 'managed-workspace-owner', workspaceId: ids.workspaceId })
    expect(ws.key.extra).toMatchObject({ resourceGroup: 'WORKSPACE', workspaceId: ids.workspaceId })
    const project = await created({
      roleId: 'managed-workspace-member',
      workspaceId: ids.workspaceId,
      projectId: ids.projectId,
    })
    expect(project.key.extra).toMatchObject({ resourceGroup: 'PROJECT', projectId: ids.projectId })
  })

  it('creates from the form it just offered with no second role/list, and asks again after ten minutes', async () => {
    let now = Date.now()
    const fresh = createSpaceoneAppsProvider({ now: () => new Date(now) })
    const { http, calls } = recordingHttp()
    const roleLists = (): number => calls.filter((c) => c.url.endsWith('/identity/role/list')).length
    await fresh.createOptions?.(ctx2(sb, http))
    expect(roleLists()).toBe(1)
    await fresh.create(ctx2(sb, http), { name: 'ci', roleId: 'managed-domain-admin' })
    expect(roleLists()).toBe(1)
    now += 10 * 60_000
    await fresh.create(ctx2(sb, http), { name: 'ci-2', roleId: 'managed-domain-admin' })
    expect(roleLists()).toBe(2)
  })

  it('refuses a name over 40 characters or a missing role before asking the service', async () => {
    const { http, calls } = recordingHttp()
    const long = await caught(apps.create(ctx2(sb, http), { name: 'x'.repeat(41), roleId: 'managed-domain-admin' }))
    expect((long as AppError).code).toBe('INVALID_INPUT')
    const noRole = await caught(apps.create(ctx2(sb, http), { name: 'x' }))
    expect((noRole as AppError).code).toBe('INVALID_INPUT')
    expect(calls).toHaveLength(0)
  })

  it('turns the expiry limit into words the user can act on', async () => {
    const now = await sandboxNow(sb)
    const err = await caught(created({ expiresAt: new Date(now + 365 * 86_400_000).toISOString() }))
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('INVALID_INPUT')
    expect((err as AppError).message).toContain('364 days')
  })
})
