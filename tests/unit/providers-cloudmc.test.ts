import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { createHttp } from '../../src/main/net/http'
import type { Http } from '../../src/main/net/http'
import { providers } from '../../src/main/providers/index'
import type { Sandbox, SandboxAccount } from './providers-support'
import {
  accountOf,
  caught,
  contextOf,
  control,
  faultyOn,
  recordingHttp,
  scriptedHttp,
  seeds,
  startTestSandbox,
} from './providers-support'
import { stringMatching } from '../support/match'

const cloudmc = providers.cloudmc
let sb: Sandbox
let seed: SandboxAccount

beforeAll(async () => {
  sb = await startTestSandbox()
  seed = seeds(sb, 'cloudmc')[0]
})
afterAll(() => sb.close())
beforeEach(() => control(sb, 'reset'))

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const apiKeyOf = (s: SandboxAccount): string => (s.credentials as { apiKey: string }).apiKey

async function keyCount(): Promise<number> {
  const res = await fetch(`${sb.url}/__sandbox/state`, { headers: { 'X-Sandbox-Token': sb.controlToken } })
  return ((await res.json()) as { cloudmc: { keys: number } }).cloudmc.keys
}

describe('CloudMC adapter against the sandbox', () => {
  it('validates with GET /users and learns the one user and their organisation', async () => {
    const { http, calls } = recordingHttp()
    const result = await cloudmc.validate(contextOf(seed, http))
    expect(result.facts).toEqual({
      userId: stringMatching(/^[0-9a-f-]{36}$/),
      user: 'sandbox.user',
      organization: 'Sandbox Org 1',
    })
    expect(result.summary).toBe('sandbox.user in Sandbox Org 1')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'GET', url: `${seed.endpoint}/users` })
    expect(calls[0]?.headers['mc-api-key']).toBe(apiKeyOf(seed))
    expect(calls[0]?.headers['content-type']).toBe('application/json')
  })

  it('leaves the owner unknown when the key sees several users', async () => {
    const users = {
      data: [
        { id: 'u1', userName: 'a' },
        { id: 'u2', userName: 'b' },
      ],
    }
    const result = await cloudmc.validate(contextOf(seed, scriptedHttp(200, users).http))
    expect(result.facts).toEqual({})
  })

  it('lists the seeded keys oldest first, with the use of the account key recorded', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const keys = await cloudmc.list(ctx)
    expect(keys).toHaveLength(2)
    const [own, other] = keys
    expect(own).toMatchObject({ provider: 'cloudmc', accountId: accountOf(seed).id, state: 'enabled', extra: {} })
    expect(own?.name).toMatch(/^api_key_[a-z0-9]{8}$/)
    expect(own?.createdAt).toMatch(ISO)
    expect(own?.createdAt < (other?.createdAt ?? '')).toBe(true)
    expect(own?.lastUsedIp).toBe('127.0.0.1')
    expect(own?.lastUsedAt).toMatch(ISO)
    expect(other?.lastUsedIp).toBeUndefined()
    expect(other?.lastUsedAt).toBeUndefined()
  })

  it('creates a named key whose secret works, and which the next listing shows', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const created = await cloudmc.create(ctx, { name: '  ci-runner ' })
    const post = calls.find((c) => c.method === 'POST')
    expect(post?.url).toBe(`${seed.endpoint}/api_keys`)
    expect(JSON.parse(post?.body ?? '')).toEqual({ name: 'ci-runner' })
    expect(created.key).toMatchObject({ name: 'ci-runner', state: 'enabled' })
    expect(created.secret?.fields.api_key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await cloudmc.tryKey(http, ctx.account, created.secret!)).ok).toBe(true)
    const listed = (await cloudmc.list(ctx)).find((k) => k.keyId === created.key.keyId)
    expect(listed?.lastUsedIp).toBe('127.0.0.1')
    expect(await cloudmc.get(ctx, created.key.keyId)).toMatchObject({ name: 'ci-runner' })
  })

  it('lets the service name a key created without a name', async () => {
    const { http, calls } = recordingHttp()
    const created = await cloudmc.create(contextOf(seed, http), { name: '   ' })
    expect(calls.find((c) => c.method === 'POST')?.body).toBe('{}')
    expect(created.key.name).toMatch(/^api_key_[a-z0-9]{8}$/)
  })

  it('renames a key, and refuses a blank name without asking the service', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const [first] = await cloudmc.list(ctx)
    const renamed = await cloudmc.rename!(ctx, first.keyId, 'deploy bot')
    expect(renamed).toMatchObject({ keyId: first?.keyId, name: 'deploy bot' })
    expect(calls.at(-1)).toMatchObject({
      method: 'PUT',
      url: `${seed.endpoint}/api_keys/${first?.keyId}`,
      body: '{"name":"deploy bot"}',
    })
    const sent = calls.length
    expect(await caught(cloudmc.rename!(ctx, first.keyId, '  '))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await caught(cloudmc.rename!(ctx, first.keyId, 'x'.repeat(256)))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(await caught(cloudmc.rename!(ctx, first.keyId, '😀'.repeat(256)))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(calls).toHaveLength(sent)
  })

  it('counts a name in characters: 255 emoji (510 UTF-16 units) are a name within the limit', async () => {
    const ctx = contextOf(seed, recordingHttp().http)
    const [first] = await cloudmc.list(ctx)
    expect((await cloudmc.rename!(ctx, first.keyId, '😀'.repeat(255))).name).toBe('😀'.repeat(255))
  })

  it('says a key that is not there is gone, for rename and delete', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const missing = '5e854a75-11d2-47ea-a1b4-df7d5886294c'
    const err = await caught(cloudmc.rename!(ctx, missing, 'x'))
    expect(err).toMatchObject({ code: 'NOT_FOUND' })
    expect((err as AppError).message).toContain(`Key ${missing} is gone`)
    expect(await caught(cloudmc.delete(ctx, missing))).toMatchObject({ code: 'NOT_FOUND' })
    expect(await cloudmc.get(ctx, missing)).toBeNull()
  })

  it('deletes a key at once: it leaves the list and its secret stops working', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const created = await cloudmc.create(ctx, {})
    expect(await cloudmc.delete(ctx, created.key.keyId)).toBeNull()
    expect((await cloudmc.list(ctx)).map((k) => k.keyId)).not.toContain(created.key.keyId)
    const tried = await cloudmc.tryKey(http, ctx.account, created.secret!)
    expect(tried.ok).toBe(false)
    expect(tried.message).toContain('rejected')
  })

  it('reports a revoked or unknown account key as AUTH_FAILED', async () => {
    const { http } = recordingHttp()
    const err = await caught(
      cloudmc.list(contextOf(seed, http, { credential: { provider: 'cloudmc', apiKey: 'revoked' } })),
    )
    expect(err).toMatchObject({ code: 'AUTH_FAILED', accountId: accountOf(seed).id })
    expect((err as AppError).message).toBe(
      'The credential for Demo CloudMC was rejected: sign in again or re-enter it.',
    )
  })

  it('marks key management not supported when /api_keys answers 404, while /users still validates', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http, { account: { endpoint: `${seed.endpoint}/nested` } })
    const err = await caught(cloudmc.list(ctx))
    expect(err).toMatchObject({ code: 'NOT_SUPPORTED' })
    expect((err as AppError).message).toContain('Key management is not supported by this server')
    expect(await caught(cloudmc.create(ctx, {}))).toMatchObject({ code: 'NOT_SUPPORTED' })
  })

  it('marks key management not supported when /api_keys answers 405', async () => {
    const body = { errors: [{ code: 'METHOD_NOT_ALLOWED', message: 'Method not allowed' }] }
    const err = await caught(cloudmc.list(contextOf(seed, scriptedHttp(405, body).http)))
    expect(err).toMatchObject({ code: 'NOT_SUPPORTED' })
  })

  it('exports cloudmc_api_key.json and a check command that really works', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const created = await cloudmc.create(ctx, { name: 'ci-runner' })
    const [file] = cloudmc.exportFiles(created.secret!, ctx.account, [])
    expect(file?.fileName).toBe('cloudmc_api_key.json')
    expect(JSON.parse(file?.content ?? '')).toEqual({
      endpoint: seed.endpoint,
      id: created.key.keyId,
      name: 'ci-runner',
      api_key: created.secret?.fields.api_key,
    })
    const parts = cloudmc.secretParts(created.secret!, ctx.account)
    const check = parts.find((p) => p.label === 'Check command')
    expect(check?.secret).toBe(true)
    expect(check?.value).toBe(`curl -H "MC-Api-Key: ${created.secret?.fields.api_key}" ${seed.endpoint}/users`)
    const header = /-H "MC-Api-Key: ([^"]+)"/.exec(check?.value ?? '')?.[1] ?? ''
    expect((await fetch(`${seed.endpoint}/users`, { headers: { 'MC-Api-Key': header } })).status).toBe(200)
  })

  it('never repeats a create through faults, and reports one whose answer timed out as TIMEOUT', async () => {
    const before = await keyCount()
    await control(sb, 'config', { faultRate: 1, account: seed.label })
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    await caught(cloudmc.list(ctx))
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(3)
    await control(sb, 'config', { faultRate: 0, account: seed.label })
    calls.length = 0
    const faultyCreate = faultyOn(sb, seed.label, http, (_url, method) => method === 'POST')
    expect(await caught(cloudmc.create({ ...ctx, http: faultyCreate }, {}))).toBeInstanceOf(AppError)
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(await keyCount()).toBe(before)
    await control(sb, 'config', { latencyMs: 400, account: seed.label })
    const base = createHttp({ timeoutMs: 5_000 })
    const slowCreate: Http = {
      request: (req) => base.request(req.method === 'POST' ? { ...req, timeoutMs: 100 } : req),
    }
    expect(await caught(cloudmc.create({ ...ctx, http: slowCreate }, { name: 'slow' }))).toMatchObject({
      code: 'TIMEOUT',
    })
    // The service finishes the create after the client gave up on it.
    await vi.waitFor(async () => expect(await keyCount()).toBe(before + 1), { timeout: 5_000 })
  })

  it('declares unlimited keys, rename, a delete in force at once, and no way to tell its own key', () => {
    expect(cloudmc.descriptor).toMatchObject({ keyLimit: null, capabilities: { rename: true, disable: false } })
    expect(cloudmc.descriptor.changes.delete).toMatchObject({ model: 'none', pending: null })
    expect(cloudmc.descriptor.capabilities.knowsOwnKey).toBe(false)
  })
})

describe('CloudMC adapter against other servers', () => {
  it('reads the documented field aliases and falls back to when it first saw a key', async () => {
    const data = [
      {
        id: 'k1',
        name: 'a',
        lastUsedIp: '10.0.0.1',
        lastUsedDate: '2024-07-12T14:11:07Z',
        createdAt: '2024-07-01T09:00:00Z',
      },
      { id: 'k2' },
    ]
    const keys = await cloudmc.list(contextOf(seed, scriptedHttp(200, { data }).http))
    expect(keys[0]).toMatchObject({
      lastUsedIp: '10.0.0.1',
      lastUsedAt: '2024-07-12T14:11:07.000Z',
      createdAt: '2024-07-01T09:00:00.000Z',
    })
    expect(keys[1]).toMatchObject({ name: 'k2', createdAt: stringMatching(ISO) })
    const again = await cloudmc.list(contextOf(seed, scriptedHttp(200, { data }).http))
    expect(again[1]?.createdAt).toBe(keys[1]?.createdAt)
  })

  it('reads errorCode-style envelopes and treats a failure without one as a provider error', async () => {
    const forbidden = { errors: [{ errorCode: 'FORBIDDEN', message: 'No API key permission' }] }
    const err = await caught(cloudmc.list(contextOf(seed, scriptedHttp(403, forbidden).http)))
    expect(err).toMatchObject({ code: 'PERMISSION_DENIED' })
    expect((err as AppError).message).toContain('No API key permission')
    expect(
      await caught(cloudmc.list(contextOf(seed, scriptedHttp(502, '<html>bad gateway</html>').http))),
    ).toMatchObject({
      code: 'PROVIDER_ERROR',
      retryable: true,
    })
  })

  it('accepts a 200 with a body as a successful delete', async () => {
    expect(await cloudmc.delete(contextOf(seed, scriptedHttp(200, { data: {} }).http), 'k1')).toBeNull()
  })
})
