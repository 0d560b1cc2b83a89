// Onqlave management plane (../shared/providers/onqlave.md): asynchronous create/delete, a one-time secret fetch.
import { AppError } from '../../shared/errors'
import type { Account, Credential, KeyRecord } from '../../shared/model'
import { onqlaveDescriptor } from './onqlave-descriptor'
import { recogniseOnqlaveFile } from './onqlave-files'
import { onqlaveProgram } from './program-files'
import type { HttpResponse } from '../net/http'
import { requireSafeEndpoint } from '../net/http'
import { failureError, unexpectedAnswer, wrongCredential } from './errors'
import { createFirstSeen } from './first-seen'
import { arxEncrypt } from './onqlave-arx'
import type { ArxCredentials } from './onqlave-arx'
import { BaseBody, ErrorBody, KeyBody, KeysBody, SensitiveBody, toCreateOptions, toKeyRecord } from './onqlave-wire'
import type { Model } from './onqlave-wire'
import type { KeyProvider, ProviderContext, SecretBundle } from './provider'
import { parseAs } from './wire'

const SERVICE = 'Onqlave'

interface Call {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** Below /tenants/{tid}/keys */
  readonly path: string
  readonly body?: unknown
  readonly idempotent?: boolean
  readonly subject?: string
}

function credentialOf(credential: Credential): { tenantId: string; token: string } {
  if (credential.provider !== 'onqlave') throw wrongCredential(SERVICE)
  return { tenantId: credential.tenantId.trim(), token: credential.token.trim() }
}

function failure(res: HttpResponse, account: Account, tenantId: string, subject?: string): AppError {
  const error = parseAs(ErrorBody, res.text)?.error
  // Onqlave answers 403 for a token of another tenant: most often a typo in the tenant id, not a missing role.
  if (res.status === 403) {
    return new AppError(
      'PERMISSION_DENIED',
      `${SERVICE} says this token does not belong to tenant ${tenantId}. Check the tenant id for a typo; if it is right, sign in to that tenant again to get a token for it.`,
      { accountId: account.id },
    )
  }
  return failureError(
    { status: res.status, message: error?.message ?? error?.error_message ?? undefined },
    {
      account,
      service: SERVICE,
      permission: `manage API keys in tenant ${tenantId} (Platform Owner or Developer)`,
      subject,
    },
  )
}

/** The Arx URLs keys point at, once each, with their cluster's name. */
function arxOf(keys: readonly KeyRecord[]): ReadonlyMap<string, string> {
  const arx = new Map<string, string>()
  for (const k of keys)
    if (k.extra.arxUrl && !arx.has(k.extra.arxUrl)) arx.set(k.extra.arxUrl, k.extra.clusterName ?? '')
  return arx
}

export function createOnqlaveProvider(opts: { now?: () => Date } = {}): KeyProvider {
  const firstSeen = createFirstSeen(opts.now)
  /** Each account's applications and clusters as last listed: a create names the application's technology. */
  const models = new Map<string, Model>()
  /** Each account's Arx URLs (with the cluster's name) as last listed, for its Service endpoints. */
  const arxSeen = new Map<string, ReadonlyMap<string, string>>()

  async function send(ctx: ProviderContext, c: Call): Promise<HttpResponse> {
    const { tenantId, token } = credentialOf(ctx.credential)
    return ctx.http.request({
      method: c.method,
      url: `${requireSafeEndpoint(ctx.account.endpoint)}/tenants/${encodeURIComponent(tenantId)}/keys${c.path}`,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      idempotent: c.idempotent,
      signal: ctx.signal,
      accountId: ctx.account.id,
    })
  }

  /** Success is exactly 200, whatever `error` says: a success may carry a zero-valued one. */
  async function call(ctx: ProviderContext, c: Call): Promise<string> {
    const res = await send(ctx, c)
    if (res.status !== 200) throw failure(res, ctx.account, credentialOf(ctx.credential).tenantId, c.subject)
    return res.text
  }

  async function listing(ctx: ProviderContext): Promise<{ keys: KeyRecord[]; model: Model | null | undefined }> {
    const parsed = parseAs(KeysBody, await call(ctx, { method: 'GET', path: '', idempotent: true }))
    if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'GET keys without data')
    const keys = (parsed.data.api_keys ?? []).map((k) => toKeyRecord(k, ctx.account.id, firstSeen))
    if (parsed.data.model) models.set(ctx.account.id, parsed.data.model)
    arxSeen.set(ctx.account.id, arxOf(keys))
    return { keys, model: parsed.data.model }
  }

  async function get(ctx: ProviderContext, keyId: string): Promise<KeyRecord | null> {
    const res = await send(ctx, { method: 'GET', path: `/${encodeURIComponent(keyId)}`, idempotent: true })
    if (res.status === 404) return null
    if (res.status !== 200) throw failure(res, ctx.account, credentialOf(ctx.credential).tenantId, `Key ${keyId}`)
    const parsed = parseAs(KeyBody, res.text)
    if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'GET key without the key')
    return toKeyRecord(parsed.data, ctx.account.id, firstSeen)
  }

  async function base(ctx: ProviderContext): Promise<Model | null | undefined> {
    const parsed = parseAs(BaseBody, await call(ctx, { method: 'GET', path: '/base', idempotent: true }))
    if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'GET keys/base without data')
    if (parsed.data.model) models.set(ctx.account.id, parsed.data.model)
    return parsed.data.model
  }

  return {
    id: 'onqlave',
    descriptor: onqlaveDescriptor,

    async validate(ctx) {
      const { tenantId } = credentialOf(ctx.credential)
      const options = toCreateOptions(await base(ctx))
      const apps = options.applications.length
      const clusters = options.clusters.length
      return {
        facts: { tenant: tenantId },
        summary: `Tenant ${tenantId}: ${apps} application${apps === 1 ? '' : 's'}, ${clusters} Arx cluster${clusters === 1 ? '' : 's'}`,
      }
    },

    list: async (ctx) => (await listing(ctx)).keys,
    get,

    async createOptions(ctx) {
      return toCreateOptions(await base(ctx))
    },

    async create(ctx, input) {
      const clusterId = input.clusterId?.trim()
      if (!clusterId) throw new AppError('INVALID_INPUT', 'Choose the Arx cluster the key is for.')
      const applicationId = input.applicationId?.trim()
      // The listing the core makes before every create has told the model; otherwise ask for it.
      const model = models.get(ctx.account.id) ?? (await base(ctx))
      const technology = toCreateOptions(model).applications.find((a) => a.id === applicationId)?.technology
      // The newer contract has no applications: send only what is known.
      const apiKey = {
        ...(applicationId ? { application_id: applicationId } : {}),
        cluster_id: clusterId,
        ...(applicationId && technology ? { application_technology: technology } : {}),
      }
      const parsed = parseAs(KeyBody, await call(ctx, { method: 'POST', path: '', body: { api_key: apiKey } }))
      if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'POST keys without the new key')
      return { key: toKeyRecord(parsed.data, ctx.account.id, firstSeen) }
    },

    async fetchSecret(ctx, keyId) {
      // Not idempotent although a GET: the first answer is the only one, a repeat gets 410.
      const res = await send(ctx, { method: 'GET', path: `/${encodeURIComponent(keyId)}/sensitive` })
      if (res.status === 409) {
        throw new AppError(
          'PROVIDER_ERROR',
          `Key ${keyId} is still activating: its secret can be fetched once it is active. Try again in a few seconds.`,
          {
            accountId: ctx.account.id,
            retryable: true,
          },
        )
      }
      if (res.status === 410) {
        throw new AppError(
          'PROVIDER_ERROR',
          `The secret of key ${keyId} was already provided once and Onqlave will not show it again. Delete the key and create another.`,
          {
            accountId: ctx.account.id,
          },
        )
      }
      if (res.status !== 200) throw failure(res, ctx.account, credentialOf(ctx.credential).tenantId, `Key ${keyId}`)
      const data = parseAs(SensitiveBody, res.text)?.data
      const secretKey = data?.server_crypto_access_key || data?.server_secret_key
      if (!data || !data.server_signing_key || !secretKey || !data.arx_url || !data.access_key) {
        throw unexpectedAnswer(
          { account: ctx.account, service: SERVICE },
          `the secret of ${keyId} without its signing key, secret key, access key or arx_url`,
        )
      }
      return {
        keyId,
        fields: {
          arx_url: data.arx_url,
          access_key: data.access_key,
          server_signing_key: data.server_signing_key,
          server_secret_key: secretKey,
          client_key: data.client_key ?? '',
        },
        raw: data,
      }
    },

    async delete(ctx, keyId) {
      const text = await call(ctx, { method: 'DELETE', path: `/${encodeURIComponent(keyId)}`, subject: `Key ${keyId}` })
      const parsed = parseAs(KeyBody, text)
      if (parsed) return toKeyRecord(parsed.data, ctx.account.id, firstSeen)
      try {
        return await get(ctx, keyId)
      } catch {
        // The delete itself was accepted; polling will learn the state.
        return null
      }
    },

    // The management API, and each Arx (data plane) the account's keys point at: where an SDK sends its requests.
    // From the latest listing when there is one, so a create (which asks for endpoints for its exports) lists once.
    async endpoints(ctx) {
      const arx = arxSeen.get(ctx.account.id) ?? arxOf((await listing(ctx)).keys)
      return [
        { service: 'Management API', url: requireSafeEndpoint(ctx.account.endpoint) },
        ...[...arx].map(([url, name]) => ({ service: name ? `Arx ${name}` : 'Arx', url })),
      ]
    },

    secretParts(secret) {
      const f = secret.fields
      return [
        { label: 'Arx URL', value: f.arx_url ?? '', secret: false },
        { label: 'Access key', value: f.access_key ?? '', secret: false },
        { label: 'Server signing key', value: f.server_signing_key ?? '', secret: true },
        { label: 'Server secret key', value: f.server_secret_key ?? '', secret: true },
        ...(f.client_key ? [{ label: 'Client key', value: f.client_key, secret: true }] : []),
      ]
    },

    programSecret: (secret, _account, files) => onqlaveProgram(secret, files),

    exportFiles(secret) {
      const f = secret.fields
      const content = {
        arx_url: f.arx_url ?? '',
        access_key: f.access_key ?? '',
        server_signing_key: f.server_signing_key ?? '',
        server_secret_key: f.server_secret_key ?? '',
      }
      return [
        {
          id: 'credentials.json',
          fileName: 'credentials.json',
          label: 'SDK credentials (JSON)',
          mime: 'application/json',
          content: `${JSON.stringify(content, null, 2)}\n`,
        },
      ]
    },

    async tryKey(http, account, secret) {
      try {
        const { algo } = await arxEncrypt(http, arxCredentials(secret), account.id)
        return {
          ok: true,
          message: `The key works: Onqlave's data plane issued an ${algo} data key and the secret key unwrapped it.`,
        }
      } catch (err) {
        if (err instanceof AppError && err.code !== 'NETWORK' && err.code !== 'TIMEOUT')
          return { ok: false, message: err.message }
        throw err
      }
    },

    // An Onqlave API key is for the data plane; the management plane needs the tenant's auth token.
    credentialFrom: () => null,

    recognise: recogniseOnqlaveFile,
  }
}

export function arxCredentials(secret: SecretBundle): ArxCredentials {
  const f = secret.fields
  return {
    arxUrl: f.arx_url ?? '',
    accessKey: f.access_key ?? '',
    signingKey: f.server_signing_key ?? '',
    secretKey: f.server_secret_key ?? '',
  }
}
