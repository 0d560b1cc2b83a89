// SpaceONE / Cloudforet 1.x identity API keys (../shared/providers/spaceone.md).
import { AppError } from '../../shared/errors'
import type { Account, Credential, KeyRecord } from '../../shared/model'
import type { Http, HttpResponse } from '../net/http'
import { requireSafeEndpoint } from '../net/http'
import { failureError, notSupported, serviceWords, unexpectedAnswer, wrongCredential } from './errors'
import { createFirstSeen } from './first-seen'
import type { KeyProvider, ProviderContext } from './provider'
import { spaceoneDescriptor } from './spaceone-descriptor'
import { resolveSpaceone } from './spaceone-detect'
import { apiKeyJson, recogniseSpaceoneFile, spacectlConfig } from './spaceone-files'
import { spacectlProgram } from './program-files'
import { ApiKeyInfo, ApiKeyList, EndpointList, ErrorBody, readToken, toKeyRecord, TokenPair } from './spaceone-wire'
import type { TokenFacts } from './spaceone-wire'
import { parseAs, parseJson } from './wire'

const SERVICE = 'SpaceONE'

interface CallOptions {
  readonly idempotent?: boolean
  /** What a 404 ERROR_NOT_FOUND says is gone. */
  readonly subject?: string
  readonly signal?: AbortSignal
}

function post(
  http: Http,
  account: Account,
  token: string,
  path: string,
  body: unknown,
  opts: CallOptions = {},
): Promise<HttpResponse> {
  return http.request({
    method: 'POST',
    url: `${requireSafeEndpoint(account.endpoint)}${path}`,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    idempotent: opts.idempotent,
    signal: opts.signal,
    accountId: account.id,
  })
}

function failure(res: HttpResponse, account: Account, path: string, subject?: string): AppError {
  const detail = parseAs(ErrorBody, res.text)?.detail
  // Branch on the code, never the message (spaceone.md §4).
  if (detail?.code === 'ERROR_UNSUPPORTED_API') {
    return notSupported(
      { account, service: SERVICE },
      ': this SpaceONE has no API keys (Cloudforet 2.x uses apps instead)',
    )
  }
  if (res.status === 404 && detail?.code !== 'ERROR_NOT_FOUND') {
    return new AppError(
      'PROVIDER_ERROR',
      `${SERVICE} has no ${path} at ${account.endpoint}. The endpoint must be the console API's base URL with no path (no /v1).`,
      { accountId: account.id },
    )
  }
  return failureError(
    { status: res.status, message: detail?.message ?? undefined },
    { account, service: SERVICE, permission: 'manage API keys', subject },
  )
}

function tokenOf(credential: Credential): TokenFacts {
  if (credential.provider !== 'spaceone') throw wrongCredential(SERVICE)
  return readToken(credential.token)
}

export function createSpaceoneProvider(opts: { now?: () => Date } = {}): KeyProvider {
  const firstSeen = createFirstSeen(opts.now)

  async function call(ctx: ProviderContext, path: string, body: unknown, o: CallOptions = {}): Promise<string> {
    const res = await post(ctx.http, ctx.account, tokenOf(ctx.credential).token, path, body, {
      ...o,
      signal: ctx.signal,
    })
    if (res.status < 200 || res.status > 299) throw failure(res, ctx.account, path, o.subject)
    return res.text
  }

  async function keyCall(ctx: ProviderContext, path: string, keyId: string, idempotent: boolean): Promise<KeyRecord> {
    const { domainId } = tokenOf(ctx.credential)
    const text = await call(
      ctx,
      path,
      { api_key_id: keyId, domain_id: domainId },
      { idempotent, subject: `API key ${keyId}` },
    )
    const info = parseAs(ApiKeyInfo, text)
    if (!info) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, `${path} without an api_key_id`)
    return toKeyRecord(info, ctx.account.id, firstSeen)
  }

  async function list(ctx: ProviderContext): Promise<KeyRecord[]> {
    const { userId, domainId } = tokenOf(ctx.credential)
    // Without user_id a domain admin would see every user's keys.
    const body = { user_id: userId, domain_id: domainId, query: { sort: { key: 'created_at' } } }
    const parsed = parseAs(ApiKeyList, await call(ctx, '/identity/api-key/list', body, { idempotent: true }))
    if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'api-key/list without results')
    return (parsed.results ?? []).map((info) => toKeyRecord(info, ctx.account.id, firstSeen))
  }

  return {
    id: 'spaceone',
    descriptor: spaceoneDescriptor,

    async validate(ctx) {
      const facts = tokenOf(ctx.credential)
      const body = { user_id: facts.userId, domain_id: facts.domainId, query: { count_only: true } }
      const parsed = parseAs(ApiKeyList, await call(ctx, '/identity/api-key/list', body, { idempotent: true }))
      if (!parsed)
        throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'api-key/list without total_count')
      const n = parsed.total_count ?? 0
      return {
        facts: {
          user: facts.userId,
          domain: facts.domainId,
          version: '1.x',
          ...(facts.apiKeyId ? { ownKeyId: facts.apiKeyId } : {}),
        },
        summary: `SpaceONE 1.x: ${facts.userId} in ${facts.domainId}: ${n} API key${n === 1 ? '' : 's'}`,
      }
    },

    list,
    resolve: resolveSpaceone,

    async get(ctx, keyId) {
      try {
        return await keyCall(ctx, '/identity/api-key/get', keyId, true)
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') return null
        throw err
      }
    },

    async createOptions() {
      return null
    },

    async create(ctx) {
      const { userId, domainId } = tokenOf(ctx.credential)
      const text = await call(
        ctx,
        '/identity/api-key/create',
        { user_id: userId, domain_id: domainId },
        { subject: `User ${userId}` },
      )
      const info = parseAs(ApiKeyInfo, text)
      if (!info)
        throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'api-key/create without an api_key_id')
      const key = toKeyRecord(info, ctx.account.id, firstSeen)
      if (!info.api_key) {
        throw new AppError(
          'PROVIDER_ERROR',
          `${SERVICE} created ${key.keyId} but sent no secret for it. Delete that key and create another.`,
          {
            accountId: ctx.account.id,
          },
        )
      }
      return { key, secret: { keyId: key.keyId, fields: { api_key: info.api_key }, raw: parseJson(text) } }
    },

    enable: (ctx, keyId) => keyCall(ctx, '/identity/api-key/enable', keyId, true),
    disable: (ctx, keyId) => keyCall(ctx, '/identity/api-key/disable', keyId, true),

    async delete(ctx, keyId) {
      const { domainId } = tokenOf(ctx.credential)
      await call(
        ctx,
        '/identity/api-key/delete',
        { api_key_id: keyId, domain_id: domainId },
        { subject: `API key ${keyId}` },
      )
      return null
    },

    async endpoints(ctx) {
      const parsed = parseAs(EndpointList, await call(ctx, '/identity/endpoint/list', {}, { idempotent: true }))
      if (!parsed) throw unexpectedAnswer({ account: ctx.account, service: SERVICE }, 'endpoint/list without results')
      return (parsed.results ?? []).map((e) => ({ service: e.service, url: e.endpoint }))
    },

    secretParts(secret) {
      return [
        { label: 'API key ID', value: secret.keyId, secret: false },
        { label: 'API key', value: secret.fields.api_key ?? '', secret: true },
      ]
    },

    exportFiles(secret, _account, endpoints) {
      return [apiKeyJson(secret), spacectlConfig(secret, endpoints)]
    },

    programSecret(secret, account, files, home) {
      const env = { SPACEONE_API_KEY: secret.fields.api_key ?? '', SPACEONE_ENDPOINT: account.endpoint }
      return spacectlProgram(files, env, home)
    },

    async tryKey(http, account, secret) {
      const res = await post(
        http,
        account,
        secret.fields.api_key ?? '',
        '/identity/endpoint/list',
        {},
        { idempotent: true },
      )
      if (res.status === 200) {
        const n = parseAs(EndpointList, res.text)?.results?.length ?? 0
        return {
          ok: true,
          message: `The key works: ${SERVICE} accepted it and listed ${n} service endpoint${n === 1 ? '' : 's'}.`,
        }
      }
      const message = parseAs(ErrorBody, res.text)?.detail.message
      const said = message ? serviceWords(message) : ''
      if (res.status === 401)
        return { ok: false, refused: true, message: `${SERVICE} rejected the key${said ? `: ${said}` : '.'}` }
      return { ok: false, message: failure(res, account, '/identity/endpoint/list').message }
    },

    async renew(http, account, credential) {
      if (credential.provider !== 'spaceone' || !credential.refreshToken) return null
      const res = await post(http, account, credential.refreshToken, '/identity/token/refresh', {})
      if (res.status === 401) {
        throw new AppError(
          'AUTH_FAILED',
          `The SpaceONE session of ${account.label} has ended (its refresh token was refused): ` +
            'sign in again and re-enter the credential, or use an API key, which does not expire.',
          { accountId: account.id },
        )
      }
      if (res.status !== 200) throw failure(res, account, '/identity/token/refresh')
      const pair = parseAs(TokenPair, res.text)
      if (!pair) throw unexpectedAnswer({ account, service: SERVICE }, 'a token refresh')
      return { provider: 'spaceone', token: pair.access_token, refreshToken: pair.refresh_token }
    },

    credentialFrom(secret) {
      const token = secret.fields.api_key
      return token ? { provider: 'spaceone', token } : null
    },

    recognise: recogniseSpaceoneFile,
  }
}
