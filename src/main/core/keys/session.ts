// A provider call for an account: its credential, one renewal of an expired token, no credential in any error,
// and the account's status dot kept true to the outcome by one rule.
import { AppError } from '../../../shared/errors'
import type { AccountStatus } from '../../../shared/model'
import type { KeyProvider, ProviderContext } from '../../providers/provider'
import type { Accounts } from '../accounts'
import { scrubbed } from '../scrub'
import type { Ports } from '../ports'

export type SessionAccounts = Pick<Accounts, 'get' | 'context' | 'setStatus' | 'renew'>

export class ProviderSession {
  constructor(
    private readonly accounts: SessionAccounts,
    private readonly ports: Pick<Ports, 'providers'>,
  ) {}

  providerOf(accountId: string): KeyProvider {
    return this.ports.providers.get(this.accounts.get(accountId).provider)
  }

  async call<T>(accountId: string, fn: (ctx: ProviderContext, provider: KeyProvider) => Promise<T>): Promise<T> {
    const ctx = await this.accounts.context(accountId)
    const provider = this.ports.providers.get(ctx.account.provider)
    try {
      const value = await fn(ctx, provider).catch(async (err: unknown) => {
        // An expired access token is renewed once with its refresh token; the request was refused, so repeating it is safe.
        const renewed = err instanceof AppError && err.code === 'AUTH_FAILED' ? await this.accounts.renew(ctx) : null
        if (!renewed) throw err
        return fn(renewed, provider)
      })
      this.accounts.setStatus(accountId, 'ok')
      return value
    } catch (caught) {
      const err = scrubbed(caught, ctx.credential)
      if (!(err instanceof AppError)) throw err
      const status = statusAfter(err)
      if (status) this.accounts.setStatus(accountId, status, err.message)
      throw new AppError(err.code, err.message, { accountId, retryable: err.retryable })
    }
  }
}

/** The one status rule: what a failed call says about the account, or null when it says nothing. */
export function statusAfter(err: AppError): AccountStatus | null {
  switch (err.code) {
    case 'AUTH_FAILED':
      return 'rejected'
    case 'NETWORK':
    case 'TIMEOUT':
      return 'unreachable'
    case 'KEYCHAIN_UNAVAILABLE':
      return 'keychain'
    case 'PERMISSION_DENIED':
    case 'NOT_FOUND':
    case 'LIMIT_REACHED':
    case 'INVALID_INPUT':
    case 'CONFLICT':
    case 'NOT_SUPPORTED':
    case 'PROVIDER_ERROR':
    case 'UNTRUSTED_SENDER':
    case 'LOCKED':
    case 'INTERNAL':
    case 'CANCELLED':
      return null
  }
}
