import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { createHttp } from '../../src/main/net/http'
import type { Http } from '../../src/main/net/http'
import { providers } from '../../src/main/providers/index'
import { arxDecrypt, arxEncrypt, credentialsFromJson } from '../../src/main/providers/onqlave-arx'
import type { ProviderContext, SecretBundle } from '../../src/main/providers/provider'
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
import { anyString, stringMatching } from '../support/match'

const onqlave = providers.onqlave
let sb: Sandbox
let seed: SandboxAccount
let tenantId: string

beforeAll(async () => {
  sb = await startTestSandbox()
  seed = seeds(sb, 'onqlave')[0]
  tenantId = (seed.credentials as { tenantId: string }).tenantId
})
afterAll(() => sb.close())
beforeEach(() => control(sb, 'reset'))

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const activation = (): Promise<void> => control(sb, 'clock', { advanceSeconds: 2 })

async function options(ctx: ProviderContext) {
  const opts = await onqlave.createOptions(ctx)
  const app = opts?.applications[0]
  const cluster = opts?.clusters.find((c) => c.name === 'sandbox-arx')
  const failing = opts?.clusters.find((c) => c.name === 'failing-arx')
  if (!app || !cluster || !failing) throw new Error('the sandbox tenant lacks its application or clusters')
  return { app, cluster, failing }
}

async function activeKeyWithSecret(ctx: ProviderContext): Promise<SecretBundle> {
  const { app, cluster } = await options(ctx)
  const { key } = await onqlave.create(ctx, { applicationId: app.id, clusterId: cluster.id })
  await activation()
  return onqlave.fetchSecret!(ctx, key.keyId)
}

describe('Onqlave adapter against the sandbox', () => {
  it('validates with GET keys/base and learns the tenant', async () => {
    const { http, calls } = recordingHttp()
    const result = await onqlave.validate(contextOf(seed, http))
    expect(result.facts).toEqual({ tenant: tenantId })
    expect(result.summary).toBe(`Tenant ${tenantId}: 1 application, 2 Arx clusters`)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'GET', url: `${seed.endpoint}/tenants/${tenantId}/keys/base` })
    expect(calls[0]?.headers).toMatchObject({
      authorization: `Bearer ${(seed.credentials as { token: string }).token}`,
      accept: 'application/json',
      'content-type': 'application/json',
    })
  })

  it('offers the tenant’s applications and Arx clusters for the create form', async () => {
    const { http } = recordingHttp()
    const opts = await onqlave.createOptions(contextOf(seed, http))
    expect(opts?.applications).toEqual([{ id: stringMatching(/^app--/), name: 'billing', technology: 'server' }])
    expect(opts?.clusters.map((c) => [c.name, c.encryption])).toEqual([
      ['sandbox-arx', 'aes-gcm-256'],
      ['failing-arx', 'aes-gcm-256'],
    ])
  })

  it('lists keys named by application and cluster with the documented extra fields', async () => {
    const { http } = recordingHttp()
    const keys = await onqlave.list(contextOf(seed, http))
    expect(keys).toHaveLength(2)
    expect(keys[0]).toEqual({
      provider: 'onqlave',
      accountId: accountOf(seed).id,
      keyId: stringMatching(/^apikey--[A-Za-z0-9_-]{21}$/),
      name: 'billing · sandbox-arx',
      state: 'enabled',
      createdAt: stringMatching(ISO),
      extra: {
        accessKey: anyString(),
        arxUrl: stringMatching(new RegExp(`^${sb.url}/cluster--`)),
        clusterId: stringMatching(/^cluster--/),
        clusterName: 'sandbox-arx',
        applicationId: stringMatching(/^app--/),
        applicationName: 'billing',
        createdBy: 'Ada Sandbox',
      },
    })
  })

  it('creates a pending key, then fetches its secret once after activation, and the secret works', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { app, cluster } = await options(ctx)
    const created = await onqlave.create(ctx, { applicationId: app.id, clusterId: cluster.id })
    expect(created.secret).toBeUndefined()
    expect(created.key.state).toBe('pending')
    expect(JSON.parse(calls.find((c) => c.method === 'POST')?.body ?? '')).toEqual({
      api_key: { application_id: app.id, cluster_id: cluster.id, application_technology: 'server' },
    })
    const early = await caught(onqlave.fetchSecret!(ctx, created.key.keyId))
    expect(early).toMatchObject({ code: 'PROVIDER_ERROR', retryable: true })
    expect((early as AppError).message).toContain('still activating')

    await activation()
    expect((await onqlave.get(ctx, created.key.keyId))?.state).toBe('enabled')
    const secret = await onqlave.fetchSecret!(ctx, created.key.keyId)
    expect(Object.keys(secret.fields).sort()).toEqual([
      'access_key',
      'arx_url',
      'client_key',
      'server_secret_key',
      'server_signing_key',
    ])
    expect(secret.fields.arx_url).toBe(created.key.extra.arxUrl)
    const again = await caught(onqlave.fetchSecret!(ctx, created.key.keyId))
    expect(again).toMatchObject({ code: 'PROVIDER_ERROR', retryable: false })
    expect((again as AppError).message).toContain('already provided')
    expect(calls.filter((c) => c.url.endsWith('/sensitive'))).toHaveLength(3)

    expect(await onqlave.tryKey(http, ctx.account, secret)).toMatchObject({ ok: true })
  })

  it('exports a credentials.json that drives a signed encrypt and decrypt round trip', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const secret = await activeKeyWithSecret(ctx)
    const [file] = onqlave.exportFiles(secret, ctx.account, [])
    expect(file?.fileName).toBe('credentials.json')
    const json = JSON.parse(file?.content ?? '') as Record<string, string>
    expect(Object.keys(json)).toEqual(['arx_url', 'access_key', 'server_signing_key', 'server_secret_key'])
    expect(json.server_secret_key).toBe((secret.raw as Record<string, string>).server_crypto_access_key)

    const creds = credentialsFromJson(file?.content ?? '')
    const encrypted = await arxEncrypt(http, creds)
    const decrypted = await arxDecrypt(http, creds, encrypted.encryptedDataKey)
    expect(encrypted.algo).toBe('aes-gcm-256')
    expect(encrypted.dataKey).toHaveLength(32)
    expect(decrypted.dataKey.equals(encrypted.dataKey)).toBe(true)
    const encrypt = calls.find((c) => c.url.endsWith('/oe2/keymanager/encrypt'))
    expect(encrypt?.url).toBe(`${sb.url}/oe2/keymanager/encrypt`)
    expect(encrypt?.headers['onqlave-arx']).toBe(creds.arxUrl.slice(creds.arxUrl.lastIndexOf('/') + 1))
  })

  it('reports a wrong secret key or signing key as a failed try, not a crash', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const secret = await activeKeyWithSecret(ctx)
    const wrongSecret = await onqlave.tryKey(http, ctx.account, {
      ...secret,
      fields: { ...secret.fields, server_secret_key: 'wrong' },
    })
    expect(wrongSecret.ok).toBe(false)
    expect(wrongSecret.message).toContain('secret key')
    const wrongSigning = await onqlave.tryKey(http, ctx.account, {
      ...secret,
      fields: { ...secret.fields, server_signing_key: 'wrong' },
    })
    expect(wrongSigning.ok).toBe(false)
    expect(wrongSigning.message).toContain('rejected')
  })

  it('creates with only a cluster under the newer contract', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { cluster } = await options(ctx)
    const created = await onqlave.create(ctx, { clusterId: cluster.id })
    expect(calls.find((c) => c.method === 'POST')?.body).toBe(JSON.stringify({ api_key: { cluster_id: cluster.id } }))
    expect(created.key.name).toBe('sandbox-arx')
  })

  it('refuses a create without a cluster before sending anything, and reports an unknown cluster as invalid', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    expect(await caught(onqlave.create(ctx, {}))).toMatchObject({ code: 'INVALID_INPUT' })
    expect(calls).toHaveLength(0)
    const err = await caught(onqlave.create(ctx, { clusterId: 'cluster--unknown' }))
    expect(err).toMatchObject({ code: 'INVALID_INPUT' })
    expect((err as AppError).message).toContain('cluster not found')
  })

  it('shows a key on a failing cluster as failed once activation ends', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { failing } = await options(ctx)
    const { key } = await onqlave.create(ctx, { clusterId: failing.id })
    await activation()
    expect((await onqlave.get(ctx, key.keyId))?.state).toBe('failed')
  })

  it('deletes asynchronously: pending first, then deleted and still listed, and its secret stops working', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const secret = await activeKeyWithSecret(ctx)
    const after = await onqlave.delete(ctx, secret.keyId)
    expect(after).toMatchObject({ keyId: secret.keyId, state: 'pending' })
    await activation()
    expect((await onqlave.get(ctx, secret.keyId))?.state).toBe('deleted')
    expect((await onqlave.list(ctx)).find((k) => k.keyId === secret.keyId)?.state).toBe('deleted')
    expect((await onqlave.tryKey(http, ctx.account, secret)).ok).toBe(false)
  })

  it('says an unknown key is gone, and get returns null for it', async () => {
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const err = await caught(onqlave.delete(ctx, 'apikey--missing'))
    expect(err).toMatchObject({ code: 'NOT_FOUND' })
    expect((err as AppError).message).toContain('Key apikey--missing is gone')
    expect(await onqlave.get(ctx, 'apikey--missing')).toBeNull()
  })

  it('reports a bad token as AUTH_FAILED and another tenant as PERMISSION_DENIED', async () => {
    const { http } = recordingHttp()
    const bad = await caught(
      onqlave.list(contextOf(seed, http, { credential: { provider: 'onqlave', tenantId, token: 'bad' } })),
    )
    expect(bad).toMatchObject({ code: 'AUTH_FAILED' })
    expect((bad as AppError).message).toBe(
      'The credential for Demo Onqlave was rejected: sign in again or re-enter it.',
    )
    const token = (seed.credentials as { token: string }).token
    const other = await caught(
      onqlave.list(contextOf(seed, http, { credential: { provider: 'onqlave', tenantId: 'tenant--other', token } })),
    )
    expect(other).toMatchObject({ code: 'PERMISSION_DENIED' })
    expect((other as AppError).message).toContain('does not belong to tenant tenant--other')
  })

  it('never repeats a create through faults, and reports one whose answer timed out as TIMEOUT', async () => {
    const { http, calls } = recordingHttp()
    const ctx = contextOf(seed, http)
    const { cluster } = await options(ctx)
    const before = (await onqlave.list(ctx)).length
    calls.length = 0
    const faultyCreate = faultyOn(sb, seed.label, http, (_url, method) => method === 'POST')
    expect(await caught(onqlave.create({ ...ctx, http: faultyCreate }, { clusterId: cluster.id }))).toBeInstanceOf(
      AppError,
    )
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1)
    expect(await onqlave.list(ctx)).toHaveLength(before)

    await control(sb, 'config', { latencyMs: 400, account: seed.label })
    const base = createHttp({ timeoutMs: 5_000 })
    const slowCreate: Http = {
      request: (req) => base.request(req.method === 'POST' ? { ...req, timeoutMs: 100 } : req),
    }
    expect(await caught(onqlave.create({ ...ctx, http: slowCreate }, { clusterId: cluster.id }))).toMatchObject({
      code: 'TIMEOUT',
    })
    // The service finishes the create after the client gave up on it.
    await vi.waitFor(async () => expect(await onqlave.list(ctx)).toHaveLength(before + 1), { timeout: 5_000 })
  })

  it('declares the review step, typed delete confirmation and polled propagation', () => {
    expect(onqlave.descriptor).toMatchObject({ create: { review: true }, deleteConfirm: 'type-key-id', keyLimit: null })
    expect(onqlave.descriptor.changes).toMatchObject({
      create: { model: 'poll', pending: 'Activating' },
      delete: { model: 'poll', pending: 'Deleting' },
    })
  })
})
