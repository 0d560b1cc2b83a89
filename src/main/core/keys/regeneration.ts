// Regenerating a key's secret (Cloudforet 2.x apps): the same key with a new secret, shown once. The old secret dies
// like a disable: it is tracked for the account's window and settles early on a probe of the old secret, where
// KeyDesk holds it. For the account's own app the new secret becomes the credential at once.
import { AppError } from '../../../shared/errors'
import type { CreatedKey } from '../../../shared/model'
import type { SecretBundle } from '../../providers/provider'
import type { Http } from '../../net/http'
import type { Accounts } from '../accounts'
import type { Ports } from '../ports'
import type { Propagations } from '../propagation/scheduler'
import type { Probe } from '../propagation/policy'
import type { SecretCustody } from './custody'
import type { ProviderSession } from './session'

export interface RegenerateRequest {
  readonly accountId: string
  readonly keyId: string
  /** Chosen by the dialog, so a double submit regenerates once (a second would kill the first new secret). */
  readonly requestId: string
  readonly keep: boolean
  /** ISO-8601; the service's default (a year) when absent. */
  readonly expiresAt?: string
}

export class KeyRegeneration {
  private readonly running = new Map<string, Promise<CreatedKey>>()
  /** The secret each regenerate retired, while its window runs: what the probe tries. Memory only. */
  private readonly retired = new Map<string, SecretBundle>()

  constructor(
    private readonly accounts: Pick<Accounts, 'get' | 'context' | 'replaceCredential'>,
    private readonly session: ProviderSession,
    private readonly custody: SecretCustody,
    private readonly propagations: Pick<Propagations, 'track'>,
    private readonly http: Http,
    private readonly ports: Pick<Ports, 'emit' | 'providers'>,
  ) {}

  regenerate(req: RegenerateRequest): Promise<CreatedKey> {
    const running = this.running.get(req.requestId)
    if (running) return running
    const p = this.once(req)
    this.running.set(req.requestId, p)
    p.catch(() => this.running.delete(req.requestId))
    return p
  }

  /** The retired secret's probe: refused once the service no longer takes it; not-held after a restart. */
  async probeRetired(accountId: string, keyId: string): Promise<Probe> {
    const old = this.retired.get(slot(accountId, keyId))
    if (!old) return 'not-held'
    const account = this.accounts.get(accountId)
    const r = await this.ports.providers
      .get(account.provider)
      .tryKey(this.http, account, old)
      .catch(() => null)
    return r?.ok ? 'accepted' : r?.refused ? 'refused' : 'unknown'
  }

  private async once(req: RegenerateRequest): Promise<CreatedKey> {
    const { accountId, keyId } = req
    const account = this.accounts.get(accountId)
    const provider = this.ports.providers.get(account.provider)
    if (!provider.regenerate) {
      throw new AppError('NOT_SUPPORTED', `${provider.descriptor.name} does not let KeyDesk regenerate a secret.`)
    }
    const own = account.facts.ownKeyId === keyId
    const kept = await this.custody.secretBundle({ accountId, keyId }).catch(() => null)
    const old = kept ?? (own ? await this.credentialSecret(accountId, keyId) : null)
    const result = await this.session.call(accountId, (ctx, p) => p.regenerate!(ctx, keyId, req.expiresAt))
    const secret = result.secret
    if (!secret)
      throw new AppError('PROVIDER_ERROR', `${provider.descriptor.name} returned no new secret for ${keyId}.`)
    if (old) this.retired.set(slot(accountId, keyId), old)
    this.propagations.track(accountId, keyId, 'regenerate', result.key)
    this.ports.emit('keys.changed', { accountId })
    const ctx = await this.accounts.context(accountId)
    const endpoints = await provider.endpoints(ctx).catch(() => [])
    const handle = this.custody.hold({ account: ctx.account, secret, endpoints })
    // The old secret dies within the window: the account must not be left holding it.
    if (own) await this.switchCredential(accountId, secret)
    const keptNew = (req.keep || kept !== null) && (await this.keep(handle, keyId))
    return {
      key: result.key,
      handle,
      kept: keptNew,
      endpoints,
      parts: provider.secretParts(secret, ctx.account),
      exports: provider
        .exportFiles(secret, ctx.account, endpoints)
        .map(({ id, fileName, label }) => ({ id, fileName, label })),
    }
  }

  /** The account's own app: its secret is the account credential. */
  private async credentialSecret(accountId: string, keyId: string): Promise<SecretBundle | null> {
    const { credential } = await this.accounts.context(accountId)
    return credential.token ? { keyId, fields: { client_secret: credential.token } } : null
  }

  private async switchCredential(accountId: string, secret: SecretBundle): Promise<void> {
    const account = this.accounts.get(accountId)
    const credential = this.ports.providers.get(account.provider).credentialFrom(secret)
    try {
      if (!credential) throw new AppError('INTERNAL', 'The new secret cannot serve as the credential.')
      await this.accounts.replaceCredential(accountId, credential)
    } catch (err) {
      // The secret is still held and shown: the user can paste it into the account by hand.
      this.ports.emit('notify', {
        title: `${account.label} still holds the old secret`,
        body:
          `${err instanceof AppError ? err.message : 'The keychain refused the new secret.'} Copy the new secret now ` +
          'and paste it into the account (Edit account) before the old one stops working.',
      })
    }
  }

  private keep(handle: string, keyId: string): Promise<boolean> {
    return this.custody.keepSecret(handle).then(
      () => true,
      (err: unknown) => {
        this.ports.emit('notify', {
          title: `The new secret of ${keyId} was not kept in the keychain`,
          body: `${err instanceof AppError ? err.message : 'The keychain refused it.'} Copy or export it before closing the dialog.`,
        })
        return false
      },
    )
  }
}

function slot(accountId: string, keyId: string): string {
  return `${accountId}\n${keyId}`
}
