// One "SpaceONE / Cloudforet" choice: KeyDesk tells 1.x (API keys) from 2.x (apps) by itself (spaceone-apps.md §1),
// offline from the credential's `ver` claim, else online with the app/list probe; a sign-in is 2.x only.
import { AppError } from '../../shared/errors'
import type { Account, Credential } from '../../shared/model'
import type { Http } from '../net/http'
import { errorCode, post2 } from './spaceone-apps-http'
import { signIn } from './spaceone-apps-signin'
import { versionOf } from './spaceone-apps-wire'

/** The credential KeyDesk keeps for what the user entered: its provider says which version serves the endpoint. */
export async function resolveSpaceone(http: Http, account: Account, entered: Credential): Promise<Credential> {
  const { domainName, userId, password } = entered
  const token = entered.token?.trim() ?? ''
  if (!token && domainName && userId && password) {
    const workspaceId = entered.workspaceId?.trim()
    return signIn(http, account, {
      domainName: domainName.trim(),
      userId: userId.trim(),
      password,
      ...(workspaceId ? { workspaceId } : {}),
    })
  }
  if (!token) {
    throw new AppError(
      'INVALID_INPUT',
      'Paste an API key, client secret or access token, or sign in with domain name, user ID and password.',
    )
  }
  const version = versionOf(token) ?? (await probe(http, account, token))
  if (version === '1.x') {
    const refreshToken = entered.refreshToken?.trim()
    return { provider: 'spaceone', token, ...(refreshToken ? { refreshToken } : {}) }
  }
  const { refreshToken, workspaceId } = entered
  return {
    provider: 'spaceone-apps',
    token,
    ...(refreshToken?.trim() ? { refreshToken: refreshToken.trim() } : {}),
    ...(workspaceId?.trim() ? { workspaceId: workspaceId.trim() } : {}),
  }
}

/** 2.x answers app/list with 200, 401 or 403; a 1.x console-api 404, a 1.x console-api-v2 500 ERROR_UNSUPPORTED_API. */
async function probe(http: Http, account: Account, token: string): Promise<'1.x' | '2.x'> {
  const res = await post2(
    http,
    account,
    token,
    '/identity/app/list',
    { query: { count_only: true } },
    { idempotent: true },
  )
  if (res.status === 200 || res.status === 401 || res.status === 403) return '2.x'
  if (res.status === 404 || errorCode(res) === 'ERROR_UNSUPPORTED_API') return '1.x'
  throw new AppError(
    'PROVIDER_ERROR',
    `KeyDesk cannot tell which SpaceONE / Cloudforet ${account.endpoint} runs: it answered HTTP ${res.status}. ` +
      'Check the endpoint (the console API address, with no path).',
  )
}
