// Cloudforet 2.x calls that need no app of the account: trying a secret and listing the service endpoints.
import type { Account } from '../../shared/model'
import type { Http } from '../net/http'
import type { ProviderContext, SecretBundle, TryResult } from './provider'
import { errorCode, failure2, post2, SERVICE, unreadable } from './spaceone-apps-http'
import { EndpointList } from './spaceone-apps-wire'
import { parseAs } from './wire'

/** role/list is open to every app role type, so it tests the secret itself (§5): 401 expired, 403 revoked. */
export async function tryAppSecret(http: Http, account: Account, secret: SecretBundle): Promise<TryResult> {
  const res = await post2(
    http,
    account,
    secret.fields.client_secret ?? '',
    '/identity/role/list',
    { query: { count_only: true } },
    { idempotent: true },
  )
  if (res.status === 200) return { ok: true, message: `The secret works: ${SERVICE} accepted it.` }
  if (res.status === 401)
    return { ok: false, refused: true, message: `${SERVICE} rejected the secret: it has expired or is not valid.` }
  if (res.status === 403 && errorCode(res) === 'ERROR_PERMISSION_DENIED') {
    return {
      ok: false,
      refused: true,
      message: `${SERVICE} refused the secret: its app is disabled or deleted, or the secret was regenerated.`,
    }
  }
  return { ok: false, message: failure2(res, account, '/identity/role/list').message }
}

/** endpoint/list needs no token (§8); an empty list is common on 2.x and renders as {}. */
export async function listEndpoints(ctx: ProviderContext): Promise<{ service: string; url: string }[]> {
  const res = await post2(
    ctx.http,
    ctx.account,
    null,
    '/identity/endpoint/list',
    {},
    { idempotent: true, signal: ctx.signal },
  )
  if (res.status !== 200) throw failure2(res, ctx.account, '/identity/endpoint/list')
  const parsed = parseAs(EndpointList, res.text)
  if (!parsed) throw unreadable(ctx.account, 'endpoint/list')
  return (parsed.results ?? []).map((e) => ({ service: e.service, url: e.endpoint }))
}
