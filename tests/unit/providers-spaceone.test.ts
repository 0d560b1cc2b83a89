import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { AppError } from '../../src/shared/errors'
import type { Credential } from '../../src/shared/model'
import { createHttp } from '../../src/main/net/http'
import type { Http } from '../../src/main/net/http'
import { providers } from '../../src/main/providers/index'
import { createSpaceoneProvider } from '../../src/main/providers/spaceone'
import type { Sandbox, SandboxAccount } from './providers-support'
import {
  accountOf,
  caught,
  contextOf,
  control,
  faultyOn,
  recordingHttp,
  seeds,
  startTestSandbox,
} from './providers-support'
import { stringMatching } from '../support/match'

const spaceone = providers.spaceone
let sb: Sandbox
let seed: SandboxAccount

beforeAll(async () => {
  sb = await startTestSandbox()
  seed = seeds(sb, 'spaceone')[0]
})
afterAll(() => sb.close())
beforeEach(() => control(sb, 'reset'))

function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

async function signIn(role: 'DOMAIN_ADMIN' | 'USER' | 'NO_PERMISSION'): Promise<Credential> {
  const user = sb.spaceone.users.find((u) => u.role === role && u.label === seed.label)
  if (!user) throw new Error(`no ${role} user`)
  const res = await fetch(`${sb.url}/identity/token/issue`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      user_id: user.userId,
      credentials: { password: user.password },
      user_type: 'USER',
      domain_id: user.domainId,
    }),
  })
  const { access_token } = (await res.json()) as { access_token: string }
  return { provider: 'spaceone', token: access_token }
}

async function keyCount(): Promise<number> {
  const res = await fetch(`${sb.url}/__sandbox/state`, { headers: { 'X-Sandbox-Token': sb.controlToken } })
  const state = (await res.json()) as { spaceone: { keys: { ENABLED: number; DISABLED: number } } }
  return state.spaceone.keys.ENABLED + state.spaceone.keys.DISABLED
}

describe('SpaceONE adapter against the sandbox', () => {
  it('validates with a count-only listing of the token user and learns user, domain and its own key id', async () => {
    const { http, calls } = recordingHttp()
    const token = (seed.credentials as { token: string }).token
    const claims = payloadOf(token)
    const result = await spaceone.validate(contextOf(seed, http))
    expect(result.facts).toEqual({ user: claims.aud, domain: claims.did, version: '1.x', ownKeyId: claims.api_key_id })
    expect(result.summary).toBe(`SpaceONE 1.x: ${String(claims.aud)} in ${String(claims.did)}: 1 API key`)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe(`${seed.endpoint}/identity/api-key/list`)
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      user_id: claims.aud,
      domain_id: claims.did,
      query: { count_only: true },
    })
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${token}`)
    expect(calls[0]?.headers['content-type']).toBe('application/json')
  })

  it('rejects a credential that is not a JWT before sending anything', async () => {
    const { http, calls } = recordingHttp()
    const err = await caught(
      spaceone.validate(contextOf(seed, http, { credential: { provider: 'spaceone', token: 'not-a-jwt' } })),
    )
    expect(err).toMatchObject({ code: 'INVALID_INPUT' })
    expect(calls).toHaveLength(0)
  })

  it('validates an access token without claiming an own key', async () => {
    const { http } = recordingHttp()
    const result = await spaceone.validate(contextOf(seed, http, { credential: await signIn('USER') }))
    expect(result.facts.ownKeyId).toBeUndefined()
    expect(result.facts.user).toBe('developer@sandbox.test')
  })

  it('lists with exactly the documented body and maps each key into a KeyRecord', async () => {
    const { http, calls } = recordingHttp()
    const claims = payloadOf((seed.credentials as { token: string }).token)
    const keys = await spaceone.list(contextOf(seed, http))
    expect(calls[0]?.body).toBe(
      JSON.stringify({ user_id: claims.aud, domain_id: claims.did, query: { sort: { key: 'created_at' } } }),
    )
    expect(keys).toEqual([
      {
        provider: 'spaceone',
        accountId: accountOf(seed).id,
        keyId: claims.api_key_id,
        name: claims.api_key_id,
        state: 'enabled',
        createdAt: stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        extra: { domainId: claims.did, userId: claims.aud },
      },
    ])
  })

  it('creates a key whose secret is a working API key naming itself, and lists it afterwards', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const created = await spaceone.create(ctx, {})
    expect(created.reconciled).toBeUndefined()
    const secret = created.secret?.fields.api_key ?? ''
    expect(payloadOf(secret)).toMatchObject({ cat: 'API_KEY', api_key_id: created.key.keyId })
    const own = await spaceone.validate({ ...ctx, credential: spaceone.credentialFrom(created.secret!)! })
    expect(own.facts.ownKeyId).toBe(created.key.keyId)
    expect(created.key.state).toBe('enabled')
    expect((await spaceone.list(ctx)).map((k) => k.keyId)).toContain(created.key.keyId)
    const tried = await spaceone.tryKey(http, ctx.account, created.secret!)
    expect(tried).toMatchObject({ ok: true })
  })

  it('creates a third key because the two-key limit is the core’s to enforce, while declaring it', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    await spaceone.create(ctx, {})
    await spaceone.create(ctx, {})
    expect(await spaceone.list(ctx)).toHaveLength(3)
    expect(spaceone.descriptor).toMatchObject({ keyLimit: 2, capabilities: { disable: true, rename: false } })
    expect(Object.values(spaceone.descriptor.changes).map((c) => c.model)).toEqual([
      'none',
      'none',
      'window',
      'window',
      'none',
    ])
  })

  it('disables at once in the API while a recently used key keeps working until the cache window passes', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { key, secret } = await spaceone.create(ctx, {})
    expect((await spaceone.tryKey(http, ctx.account, secret!)).ok).toBe(true)
    expect((await spaceone.disable!(ctx, key.keyId)).state).toBe('disabled')
    expect((await spaceone.disable!(ctx, key.keyId)).state).toBe('disabled')
    expect((await spaceone.get(ctx, key.keyId))?.state).toBe('disabled')
    expect((await spaceone.tryKey(http, ctx.account, secret!)).ok).toBe(true)
    await control(sb, 'clock', { advanceSeconds: 2 })
    const after = await spaceone.tryKey(http, ctx.account, secret!)
    expect(after.ok).toBe(false)
    expect(after.message).toContain('disabled')
    expect((await spaceone.enable!(ctx, key.keyId)).state).toBe('enabled')
    expect((await spaceone.tryKey(http, ctx.account, secret!)).ok).toBe(true)
  })

  it('deletes a key: get then finds nothing, and acting on it again says it is gone', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { key } = await spaceone.create(ctx, {})
    expect(await spaceone.delete(ctx, key.keyId)).toBeNull()
    expect(await spaceone.get(ctx, key.keyId)).toBeNull()
    const again = await caught(spaceone.delete(ctx, key.keyId))
    expect(again).toMatchObject({ code: 'NOT_FOUND', accountId: ctx.account.id })
    expect((again as AppError).message).toContain(`API key ${key.keyId} is gone`)
    expect(await caught(spaceone.enable!(ctx, key.keyId))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('reports a rejected credential as AUTH_FAILED naming the account', async () => {
    const { http } = recordingHttp()
    const token = (seed.credentials as { token: string }).token
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`
    const err = await caught(
      spaceone.list(contextOf(seed, http, { credential: { provider: 'spaceone', token: forged } })),
    )
    expect(err).toMatchObject({ code: 'AUTH_FAILED', retryable: false })
    expect((err as AppError).message).toBe(
      'The credential for Demo SpaceONE was rejected: sign in again or re-enter it.',
    )
  })

  it('reports a user whose role may not manage keys as PERMISSION_DENIED naming the permission', async () => {
    const { http } = recordingHttp()
    const err = await caught(spaceone.list(contextOf(seed, http, { credential: await signIn('NO_PERMISSION') })))
    expect(err).toMatchObject({ code: 'PERMISSION_DENIED' })
    expect((err as AppError).message).toContain('manage API keys')
  })

  it('explains a wrong endpoint path instead of calling a key gone', async () => {
    const { http } = recordingHttp()
    const err = await caught(
      spaceone.list(contextOf(seed, http, { account: { endpoint: `${seed.endpoint}/identity/v1` } })),
    )
    expect(err).toMatchObject({ code: 'PROVIDER_ERROR' })
    expect((err as AppError).message).toContain('no path (no /v1)')
  })

  it('lists the service endpoints in server order and exports both console files', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const created = await spaceone.create(ctx, {})
    const endpoints = await spaceone.endpoints(ctx)
    expect(endpoints.map((e) => e.service).slice(0, 3)).toEqual(['identity', 'inventory', 'plugin'])
    expect(endpoints[0]?.url).toBe('grpc+ssl://identity.api.sandbox.test:443/v1')
    const [json, yaml] = spaceone.exportFiles(created.secret!, ctx.account, endpoints)
    expect(json?.fileName).toBe('api_key')
    expect(json?.content).not.toContain('\n')
    const record = JSON.parse(json?.content ?? '') as Record<string, string>
    expect(Object.keys(record).sort()).toEqual([
      'api_key',
      'api_key_id',
      'created_at',
      'domain_id',
      'last_accessed_at',
      'state',
      'user_id',
    ])
    expect(record).toMatchObject({
      api_key_id: created.key.keyId,
      api_key: created.secret?.fields.api_key,
      state: 'ENABLED',
      last_accessed_at: '',
    })
    expect(yaml?.fileName).toBe('spacectl_config')
    const lines = (yaml?.content ?? '').split('\n')
    expect(lines[0]).toBe(`api_key: ${created.secret?.fields.api_key}`)
    expect(lines[1]).toBe('endpoints:')
    const config = parse(yaml?.content ?? '') as { api_key: string; endpoints: Record<string, string> }
    expect(Object.entries(config.endpoints)).toEqual(endpoints.map((e) => [e.service, e.url]))
    expect(spaceone.secretParts(created.secret!, ctx.account)).toContainEqual({
      label: 'API key',
      value: created.secret?.fields.api_key,
      secret: true,
    })
  })

  it('retries a safe call through faults but never repeats a create', async () => {
    await control(sb, 'config', { faultRate: 1, account: seed.label })
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    await caught(spaceone.list(ctx))
    expect(calls.filter((c) => c.url.endsWith('/api-key/list'))).toHaveLength(3)
    calls.length = 0
    const before = await keyCount()
    await control(sb, 'config', { faultRate: 0, account: seed.label })
    const faultyCreate = faultyOn(sb, seed.label, http, (url) => url.endsWith('/api-key/create'))
    const err = await caught(spaceone.create({ ...ctx, http: faultyCreate }, {}))
    expect(err).toBeInstanceOf(AppError)
    expect(calls.filter((c) => c.url.endsWith('/api-key/create'))).toHaveLength(1)
    expect(calls.filter((c) => c.url.endsWith('/api-key/list'))).toHaveLength(0)
    expect(await keyCount()).toBe(before)
  })

  it('reports a create whose answer timed out as TIMEOUT, leaving the core to reconcile the key it made', async () => {
    await control(sb, 'config', { latencyMs: 400, account: seed.label })
    const base = createHttp({ timeoutMs: 5_000 })
    const http: Http = {
      request: (req) => base.request(req.url.endsWith('/api-key/create') ? { ...req, timeoutMs: 100 } : req),
    }
    const ctx = contextOf(seed, http)
    const before = await spaceone.list(ctx)
    expect(await caught(spaceone.create(ctx, {}))).toMatchObject({ code: 'TIMEOUT' })
    // The service finishes the create after the client gave up on it.
    await vi.waitFor(async () => expect(await keyCount()).toBe(before.length + 1), { timeout: 5_000 })
  })
})

describe('SpaceONE adapter against a Cloudforet 2.x server', () => {
  it('reports ERROR_UNSUPPORTED_API as NOT_SUPPORTED and does not retry it', async () => {
    let calls = 0
    const fake = (async () => {
      calls += 1
      return new Response(JSON.stringify({ detail: { code: 'ERROR_UNSUPPORTED_API', message: 'Unsupported API.' } }), {
        status: 500,
      })
    }) as typeof fetch
    const http = createHttp({ fetch: fake, sleep: async () => {} })
    const err = await caught(createSpaceoneProvider().list(contextOf(seed, http)))
    expect(err).toMatchObject({ code: 'NOT_SUPPORTED', retryable: false })
    expect((err as AppError).message).toContain('not supported by this server')
    expect(calls).toBe(1)
  })
})
