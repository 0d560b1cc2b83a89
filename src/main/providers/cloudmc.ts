// CloudMC / CloudOps v2 API keys (../shared/providers/cloudmc.md). /api_keys is INFERRED: probed, never assumed.
import { AppError } from '../../shared/errors'
import { nameLength } from '../../shared/limits'
import type { Account, Credential, KeyRecord } from '../../shared/model'
import { CLOUDMC_MAX_NAME as MAX_NAME, cloudmcDescriptor } from './cloudmc-descriptor'
import type { Http, HttpRequest, HttpResponse } from '../net/http'
import { requireSafeEndpoint } from '../net/http'
import { recogniseCloudmcFile } from './cloudmc-files'
import { type ApiKey, ErrorsBody, KeyBody, KeyListBody, UsersBody, toKeyRecord } from './cloudmc-wire'
import { failureError, notSupported, unexpectedAnswer, wrongCredential } from './errors'
import { createFirstSeen } from './first-seen'
import type { KeyProvider, ProviderContext, SecretBundle } from './provider'
import { parseAs } from './wire'

const SERVICE = 'CloudMC'

type Route = 'users' | 'keys' | 'key'

interface Call {
  readonly method: HttpRequest['method']
  readonly path: string
  readonly route: Route
  readonly body?: unknown
  readonly idempotent?: boolean
  readonly subject?: string
}

function send(http: Http, account: Account, apiKey: string, call: Call, signal?: AbortSignal): Promise<HttpResponse> {
  return http.request({
    method: call.method,
    url: `${requireSafeEndpoint(account.endpoint)}${call.path}`,
    // Content-Type on every request, GETs included, as the docs ask.
    headers: { 'MC-Api-Key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    idempotent: call.idempotent,
    signal,
    accountId: account.id,
  })
}

function failure(res: HttpResponse, account: Account, call: Call): AppError {
  const ctx = { account, service: SERVICE }
  // The probe: a server without the (inferred) key API answers 404 or 405 on /api_keys.
  if (call.route === 'keys' && (res.status === 404 || res.status === 405)) return notSupported(ctx)
  if (call.route === 'key' && res.status === 405) return notSupported(ctx)
  if (call.route === 'users' && res.status === 404) {
    return new AppError(
      'PROVIDER_ERROR',
      `${SERVICE} has no /users at ${account.endpoint}. Paste the Endpoint shown on the API Credentials page; it ends in /api/v2.`,
      {
        accountId: account.id,
      },
    )
  }
  const errors = parseAs(ErrorsBody, res.text)?.errors
  if (!errors && res.status !== 401) {
    return new AppError(
      'PROVIDER_ERROR',
      `${SERVICE} failed unexpectedly (HTTP ${res.status}).${res.status >= 500 ? ' Try again in a moment.' : ''}`,
      {
        accountId: account.id,
        retryable: res.status >= 500,
      },
    )
  }
  return failureError(
    { status: res.status, message: errors?.[0]?.message ?? undefined },
    { ...ctx, permission: 'manage its API keys', subject: call.subject },
  )
}

function keyOf(credential: Credential): string {
  if (credential.provider !== 'cloudmc') throw wrongCredential(SERVICE)
  return credential.apiKey.trim()
}

function checkedName(name: string): string {
  const trimmed = name.trim()
  if (trimmed.length === 0 || nameLength(trimmed) > MAX_NAME) {
    throw new AppError('INVALID_INPUT', `A key name must be 1 to ${MAX_NAME} characters long.`)
  }
  return trimmed
}

export function createCloudmcProvider(opts: { now?: () => Date } = {}): KeyProvider {
  const firstSeen = createFirstSeen(opts.now)

  async function call(ctx: ProviderContext, c: Call): Promise<string> {
    const res = await send(ctx.http, ctx.account, keyOf(ctx.credential), c, ctx.signal)
    if (res.status < 200 || res.status > 299) throw failure(res, ctx.account, c)
    return res.text
  }

  function record(ctx: ProviderContext, key: ApiKey): KeyRecord {
    return toKeyRecord(key, ctx.account.id, firstSeen)
  }

  async function list(ctx: ProviderContext): Promise<KeyRecord[]> {
    const parsed = parseAs(
      KeyListBody,
      await call(ctx, { method: 'GET', path: '/api_keys', route: 'keys', idempotent: true }),
    )
    if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'GET /api_keys without a data list')
    return parsed.data.map((k) => record(ctx, k))
  }

  return {
    id: 'cloudmc',
    descriptor: cloudmcDescriptor,

    async validate(ctx) {
      const parsed = parseAs(
        UsersBody,
        await call(ctx, { method: 'GET', path: '/users', route: 'users', idempotent: true }),
      )
      if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'GET /users without a data list')
      const [only, ...others] = parsed.data
      // An admin sees several users, and then the key's owner cannot be told apart.
      if (!only || others.length > 0) {
        return { facts: {}, summary: `The key works; it sees ${parsed.data.length} users, so its owner is unknown.` }
      }
      const organization = only.organization?.name ?? undefined
      const user = only.userName ?? undefined
      return {
        facts: { userId: only.id, ...(user ? { user } : {}), ...(organization ? { organization } : {}) },
        summary: `${user ?? only.id}${organization ? ` in ${organization}` : ''}`,
      }
    },

    list,

    async get(ctx, keyId) {
      return (await list(ctx)).find((k) => k.keyId === keyId) ?? null
    },

    async createOptions() {
      return null
    },

    async create(ctx, input) {
      const name = input.name?.trim() ? checkedName(input.name) : undefined
      const text = await call(ctx, { method: 'POST', path: '/api_keys', route: 'keys', body: name ? { name } : {} })
      const data = parseAs(KeyBody, text)?.data
      if (!data)
        throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'POST /api_keys without the new key')
      const key = record(ctx, data)
      if (!data.apiKey) {
        throw new AppError(
          'PROVIDER_ERROR',
          `${SERVICE} created ${key.name} but sent no secret for it. Delete that key and create another.`,
          {
            accountId: ctx.account.id,
          },
        )
      }
      return {
        key,
        secret: { keyId: key.keyId, fields: { api_key: data.apiKey }, raw: { ...data, name: key.name } },
      }
    },

    async rename(ctx, keyId, newName) {
      const name = checkedName(newName)
      const path = `/api_keys/${encodeURIComponent(keyId)}`
      const text = await call(ctx, {
        method: 'PUT',
        path,
        route: 'key',
        body: { name },
        idempotent: true,
        subject: `Key ${keyId}`,
      })
      const data = parseAs(KeyBody, text)?.data
      if (!data)
        throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'PUT /api_keys/{id} without the key')
      return record(ctx, data)
    },

    async delete(ctx, keyId) {
      const path = `/api_keys/${encodeURIComponent(keyId)}`
      await call(ctx, { method: 'DELETE', path, route: 'key', subject: `Key ${keyId}` })
      return null
    },

    async endpoints(ctx) {
      return [{ service: 'api', url: requireSafeEndpoint(ctx.account.endpoint) }]
    },

    secretParts(secret, account) {
      return [
        { label: 'API key', value: secret.fields.api_key ?? '', secret: true },
        { label: 'Endpoint', value: requireSafeEndpoint(account.endpoint), secret: false },
        { label: 'Check command', value: checkCommand(secret, account), secret: true },
      ]
    },

    // The cloud.ca Terraform provider and docker-machine driver read CLOUDCA_API_KEY.
    programSecret(secret, account) {
      const key = secret.fields.api_key ?? ''
      return {
        env: { CLOUDCA_API_KEY: key, CLOUDMC_API_KEY: key, CLOUDMC_API_URL: account.endpoint },
        files: [],
        folderVariables: [],
      }
    },

    exportFiles(secret, account) {
      const content = {
        endpoint: requireSafeEndpoint(account.endpoint),
        id: secret.keyId,
        name: nameOf(secret),
        api_key: secret.fields.api_key ?? '',
      }
      return [
        {
          id: 'cloudmc_api_key.json',
          fileName: 'cloudmc_api_key.json',
          label: 'API key (JSON)',
          mime: 'application/json',
          content: `${JSON.stringify(content, null, 2)}\n`,
        },
      ]
    },

    async tryKey(http: Http, account: Account, secret: SecretBundle) {
      const c: Call = { method: 'GET', path: '/users', route: 'users', idempotent: true }
      const res = await send(http, account, secret.fields.api_key ?? '', c)
      if (res.status === 200) return { ok: true, message: `The key works: ${SERVICE} accepted it for GET /users.` }
      if (res.status === 401)
        return { ok: false, message: `${SERVICE} rejected the key (HTTP 401 invalid credentials).` }
      return { ok: false, message: failure(res, account, c).message }
    },

    credentialFrom(secret) {
      const apiKey = secret.fields.api_key
      return apiKey ? { provider: 'cloudmc', apiKey } : null
    },

    recognise: recogniseCloudmcFile,
  }
}

function nameOf(secret: SecretBundle): string {
  const raw = secret.raw
  if (raw && typeof raw === 'object' && 'name' in raw && typeof raw.name === 'string') return raw.name
  return secret.keyId
}

function checkCommand(secret: SecretBundle, account: Account): string {
  const header = `MC-Api-Key: ${secret.fields.api_key ?? ''}`
  const url = `${requireSafeEndpoint(account.endpoint)}/users`
  return `curl -H ${shellQuote(header)} ${shellQuote(url)}`
}

/** The documented double quotes when the value is plain; single quotes when a shell would expand something. */
function shellQuote(value: string): string {
  if (/^[A-Za-z0-9 _.:/=+~,@%-]+$/.test(value)) return value.includes(' ') ? `"${value}"` : value
  return `'${value.replace(/'/g, `'\\''`)}'`
}
