// Cloudforet 2.x sign-in for users without a client secret yet (spaceone-apps.md §2): domain name → issue → grant,
// and renewal by grant with the refresh token. The password is used once and never kept.
import { AppError } from '../../shared/errors'
import type { Account, Credential } from '../../shared/model'
import type { Http } from '../net/http'
import { failure2, post2, unreadable } from './spaceone-apps-http'
import { AuthInfo, Granted, Issued } from './spaceone-apps-wire'
import { parseAs } from './wire'

export interface SignIn {
  readonly domainName: string
  readonly userId: string
  readonly password: string
  /** Sign in to one workspace (as its owner); absent for the whole domain. */
  readonly workspaceId?: string
}

async function grant(http: Http, account: Account, refresh: string, workspaceId: string | undefined): Promise<string> {
  const path = '/identity/token/grant'
  const body = {
    grant_type: 'REFRESH_TOKEN',
    token: refresh,
    scope: workspaceId ? 'WORKSPACE' : 'DOMAIN',
    ...(workspaceId ? { workspace_id: workspaceId } : {}),
  }
  const res = await post2(http, account, null, path, body)
  if (res.status === 401) {
    throw new AppError(
      'AUTH_FAILED',
      `The Cloudforet session of ${account.label} has ended (sessions last 3 hours): sign in again, or use an ` +
        "app's client secret, which lasts until its expiry.",
      { accountId: account.id },
    )
  }
  if (res.status !== 200) throw failure2(res, account, path)
  const granted = parseAs(Granted, res.text)
  if (!granted) throw unreadable(account, 'a token grant')
  return granted.access_token
}

/** An access token that may manage apps: issue alone gives role USER, which cannot, so grant always follows. */
export async function signIn(http: Http, account: Account, s: SignIn): Promise<Credential> {
  const info = await post2(http, account, null, '/identity/domain/get-auth-info', { name: s.domainName })
  if (info.status === 404) {
    throw new AppError('INVALID_INPUT', `Cloudforet has no domain named "${s.domainName}" at ${account.endpoint}.`, {
      accountId: account.id,
    })
  }
  if (info.status !== 200) throw failure2(info, account, '/identity/domain/get-auth-info')
  const domain = parseAs(AuthInfo, info.text)
  if (!domain) throw unreadable(account, 'domain/get-auth-info')
  const issued = await post2(http, account, null, '/identity/token/issue', {
    credentials: { user_id: s.userId, password: s.password },
    auth_type: 'LOCAL',
    domain_id: domain.domain_id,
  })
  if (issued.status === 401 || issued.status === 404) {
    throw new AppError(
      'AUTH_FAILED',
      `Cloudforet refused the sign-in of ${s.userId}: check the user ID and password.`,
      {
        accountId: account.id,
      },
    )
  }
  if (issued.status !== 200) throw failure2(issued, account, '/identity/token/issue')
  const pair = parseAs(Issued, issued.text)
  if (!pair) throw unreadable(account, 'token/issue')
  const token = await grant(http, account, pair.refresh_token, s.workspaceId)
  return {
    provider: 'spaceone-apps',
    token,
    refreshToken: pair.refresh_token,
    ...(s.workspaceId ? { workspaceId: s.workspaceId } : {}),
  }
}

/** A new access token from the refresh token; null for a client secret, which needs no renewal. */
export async function renewSession(http: Http, account: Account, credential: Credential): Promise<Credential | null> {
  const refresh = credential.refreshToken
  if (credential.provider !== 'spaceone-apps' || !refresh) return null
  const token = await grant(http, account, refresh, credential.workspaceId || undefined)
  return { ...credential, token }
}
