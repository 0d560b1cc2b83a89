// Accounts: metadata in settings, the credential in the vault. On add, the secret first, then metadata (undone if
// the metadata cannot be saved); on remove, the secrets first too, so no failure leaves a secret nobody lists.
import { AppError } from '../../shared/errors'
import type { Account, AccountStatus, AccountView, Credential, ProviderId } from '../../shared/model'
import type { ProviderContext, ValidationResult } from '../providers/provider'
import { requireSafeEndpoint, type Http } from '../net/http'
import { iso, type Ports } from './ports'
import { notAccepted, waitingMessage } from './account-words'
import type { SettingsStore } from './settings'
import { scrubbed } from './scrub'
import { removeAccountSecrets, requireVault, resolveEntered } from './account-credential'
import { Credentials } from './credentials'
import { vaultNames, type SecretVault } from './vault'
import { AddGuard } from './account-adding'

export interface NewAccount {
  readonly provider: ProviderId
  readonly label: string
  readonly endpoint: string
  readonly credential: Credential
  readonly demo?: boolean
}

export interface AccountPatch {
  readonly id: string
  readonly label?: string
  readonly endpoint?: string
  readonly credential?: Credential
  readonly propagationWindowSec?: number
  readonly refreshIntervalSec?: number
}

const DEFAULT_WINDOW_SEC = 600
const DEFAULT_REFRESH_SEC = 60

export class Accounts {
  private readonly status = new Map<string, { status: AccountStatus; message?: string }>()
  private readonly renewing = new Map<string, Promise<ProviderContext | null>>()
  private readonly adding = new AddGuard<AccountView>()
  /** The credentials in use; the core stops keeping them while it is locked. */
  readonly credentials: Credentials

  constructor(
    private readonly settings: SettingsStore,
    private readonly vault: SecretVault,
    private readonly http: Http,
    private readonly ports: Pick<Ports, 'providers' | 'clock' | 'newId'>,
    private readonly onChange: () => void,
  ) {
    this.credentials = new Credentials(vault, (id, message) => this.setStatus(id, 'keychain', message))
  }

  all(): Account[] {
    return this.settings.get('accounts')
  }

  get(id: string): Account {
    const account = this.all().find((a) => a.id === id)
    if (!account) throw new AppError('NOT_FOUND', 'That account no longer exists in KeyDesk. Refresh the list.')
    return account
  }

  views(): AccountView[] {
    return this.all().map((a) => this.view(a))
  }

  view(account: Account): AccountView {
    const s = this.status.get(account.id) ?? { status: 'unknown' as const }
    return { ...account, status: s.status, ...(s.message ? { statusMessage: s.message } : {}) }
  }

  setStatus(id: string, status: AccountStatus, message?: string): void {
    const prev = this.status.get(id)
    if (prev?.status === status && prev.message === message) return
    this.status.set(id, { status, message })
    this.onChange()
  }

  /** The keychain works again: accounts that could not read their credential are checked afresh. */
  keychainBack(): void {
    for (const [id, s] of this.status) if (s.status === 'keychain') this.status.set(id, { status: 'unknown' })
    this.onChange()
  }

  credential(account: Account): Promise<Credential> {
    return this.credentials.of(account)
  }

  async context(accountId: string): Promise<ProviderContext> {
    const account = this.get(accountId)
    return { account, credential: await this.credential(account), http: this.http }
  }

  async validate(
    provider: ProviderId,
    endpoint: string,
    credential: Credential,
    label = 'this account',
    signal?: AbortSignal,
    /**
     * What the user typed, in their provider's form: a refusal names its fields (not those `credential` became).
     * Absent when nothing was typed (an endpoint edit, a rotation's new key): the refusal is then of the kept one.
     */
    entered?: Credential,
  ): Promise<ValidationResult> {
    const resolved = await this.resolve(provider, endpoint, credential, label)
    const account = this.draft(resolved.provider, label, requireSafeEndpoint(endpoint), false)
    const adapter = this.ports.providers.get(resolved.provider)
    const form = this.ports.providers.get((entered ?? resolved).provider).descriptor
    return adapter.validate({ account, credential: resolved, http: this.http, signal }).catch((err: unknown) => {
      const words = notAccepted(err, adapter.descriptor, account.endpoint, resolved, entered, form)
      throw scrubbed(scrubbed(words, credential), entered ?? credential)
    })
  }

  /** What the user entered, checked and as its provider keeps it (for `keep`'s account, of that provider). */
  private resolve(provider: ProviderId, endpoint: string, entered: Credential, label: string, keep?: Account) {
    const account = this.draft(provider, label, requireSafeEndpoint(endpoint), false)
    return resolveEntered(this.ports.providers, this.http, account, entered, keep)
  }

  /** A double submit saves the account once; another credential for the same endpoint is an add of its own. */
  add(input: NewAccount, signal?: AbortSignal): Promise<AccountView> {
    const request = [input.provider, input.endpoint.trim(), input.credential]
    return this.adding.once(request, () => this.addOnce(input, signal))
  }

  private async addOnce(input: NewAccount, signal?: AbortSignal): Promise<AccountView> {
    await requireVault(this.vault)
    const endpoint = requireSafeEndpoint(input.endpoint)
    const credential = await this.resolve(input.provider, endpoint, input.credential, input.label)
    const provider = credential.provider
    const { facts } = await this.validate(provider, endpoint, credential, input.label, signal, input.credential)
    // A cancel that arrives as the service answers still saves nothing.
    if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled: the account was not saved.')
    return this.adding.exclusive(`${provider} ${endpoint}`, () => this.save(input, endpoint, credential, facts))
  }

  private async save(
    input: NewAccount,
    endpoint: string,
    credential: Credential,
    facts: Account['facts'],
  ): Promise<AccountView> {
    const provider = credential.provider
    const duplicate = this.all().find(
      (a) => a.provider === provider && a.endpoint === endpoint && sameOwner(a.facts, facts),
    )
    if (duplicate) {
      throw new AppError(
        'CONFLICT',
        `This ${input.provider} user at ${endpoint} is already in KeyDesk as "${duplicate.label}".`,
      )
    }
    const account: Account = { ...this.draft(provider, input.label, endpoint, input.demo ?? false), facts }
    const name = vaultNames.credential(account.provider, account.id)
    await this.vault.set(name, JSON.stringify(credential))
    try {
      this.settings.set('accounts', [...this.all(), account])
    } catch (err) {
      // Not added: its credential must not stay behind (if this fails too, Repair lists it as an orphan).
      await this.vault.delete(name).catch(() => false)
      throw err
    }
    this.setStatus(account.id, 'ok')
    this.onChange()
    return this.view(account)
  }

  defaults(): Pick<Account, 'propagationWindowSec' | 'refreshIntervalSec'> {
    return { propagationWindowSec: DEFAULT_WINDOW_SEC, refreshIntervalSec: DEFAULT_REFRESH_SEC }
  }

  /** Keeps an account's metadata without a credential (an imported account the user has yet to complete). */
  addWithoutCredential(input: Omit<Account, 'id' | 'demo' | 'createdAt'>): AccountView {
    const account: Account = { ...this.draft(input.provider, input.label, input.endpoint, false), ...input }
    this.settings.set('accounts', [...this.all(), account])
    this.setStatus(account.id, 'keychain', waitingMessage(account.label))
    return this.view(account)
  }

  async update(patch: AccountPatch, signal?: AbortSignal): Promise<AccountView> {
    const current = this.get(patch.id)
    const endpoint = patch.endpoint !== undefined ? requireSafeEndpoint(patch.endpoint) : current.endpoint
    if (new URL(endpoint).origin !== new URL(current.endpoint).origin && !patch.credential) {
      // The stored credential is never sent to a server the user has not given it to.
      throw new AppError(
        'INVALID_INPUT',
        `Moving ${current.label} to ${new URL(endpoint).host} needs its credential again: ` +
          'enter it with the new endpoint.',
        { accountId: current.id },
      )
    }
    let facts = current.facts
    if (patch.credential || endpoint !== current.endpoint) {
      await requireVault(this.vault)
      const given = patch.credential
        ? await this.resolve(current.provider, endpoint, patch.credential, current.label, current)
        : null
      const credential = given ?? (await this.credential(current))
      facts = (await this.validate(current.provider, endpoint, credential, current.label, signal, patch.credential))
        .facts
      // A cancel that arrives as the service answers still changes nothing.
      if (signal?.aborted) throw new AppError('CANCELLED', 'Cancelled: nothing was changed.')
      if (given) await this.setCredential(current, given)
      this.setStatus(current.id, 'ok')
    }
    const next: Account = {
      ...current,
      endpoint,
      facts,
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.propagationWindowSec !== undefined ? { propagationWindowSec: patch.propagationWindowSec } : {}),
      ...(patch.refreshIntervalSec !== undefined ? { refreshIntervalSec: patch.refreshIntervalSec } : {}),
    }
    const all = this.all().map((a) => (a.id === next.id ? next : a))
    this.settings.set('accounts', all)
    this.onChange()
    return this.view(next)
  }

  /**
   * Keychain first, then settings: an account whose secrets cannot be deleted stays listed with the reason, so no
   * secret is orphaned, and a removal is reported done only when both stores say so.
   */
  async remove(id: string): Promise<Account> {
    const account = this.get(id)
    this.credentials.forget(id)
    await removeAccountSecrets(this.vault, account)
    try {
      this.settings.set(
        'accounts',
        this.all().filter((a) => a.id !== id),
      )
    } catch (err) {
      const message = `${account.label}'s secrets were removed from the keychain, but the account could not be removed from the settings`
      this.setStatus(id, 'keychain', `${message}: remove it again to finish.`)
      throw new AppError(
        'PERMISSION_DENIED',
        `${message}. ${err instanceof AppError ? err.message : ''} Remove it again to finish.`,
        {
          accountId: id,
        },
      )
    }
    this.status.delete(id)
    this.credentials.forget(id)
    this.onChange()
    return account
  }

  /** A context with a renewed credential (stored first), or null when the credential cannot be renewed. */
  renew(ctx: ProviderContext): Promise<ProviderContext | null> {
    // Concurrent 401s share one renewal: a refresh token may be single-use.
    const running = this.renewing.get(ctx.account.id)
    if (running) return running
    const p = this.renewOnce(ctx).finally(() => this.renewing.delete(ctx.account.id))
    this.renewing.set(ctx.account.id, p)
    return p
  }

  private async renewOnce(ctx: ProviderContext): Promise<ProviderContext | null> {
    const stored = await this.credential(ctx.account)
    if (JSON.stringify(stored) !== JSON.stringify(ctx.credential)) return { ...ctx, credential: stored }
    const provider = this.ports.providers.get(ctx.account.provider)
    const credential = provider.renew ? await provider.renew(this.http, ctx.account, ctx.credential) : null
    if (!credential) return null
    await this.setCredential(ctx.account, credential)
    return { ...ctx, credential }
  }

  /** Moves an account onto a new credential (rotation of its own key). */
  async replaceCredential(id: string, credential: Credential): Promise<void> {
    const account = this.get(id)
    const { facts } = await this.validate(account.provider, account.endpoint, credential, account.label)
    await this.setCredential(account, credential)
    this.settings.set(
      'accounts',
      this.all().map((a) => (a.id === id ? { ...a, facts } : a)),
    )
    this.onChange()
  }

  private async setCredential(account: Account, credential: Credential): Promise<void> {
    this.credentials.forget(account.id)
    await this.vault.set(vaultNames.credential(account.provider, account.id), JSON.stringify(credential))
    this.credentials.forget(account.id)
  }

  private draft(provider: ProviderId, label: string, endpoint: string, demo: boolean): Account {
    return {
      id: this.ports.newId(),
      provider,
      label,
      endpoint,
      facts: {},
      demo,
      createdAt: iso(this.ports.clock.now()),
      propagationWindowSec: DEFAULT_WINDOW_SEC,
      refreshIntervalSec: DEFAULT_REFRESH_SEC,
    }
  }
}

export function sameOwner(a: Account['facts'], b: Account['facts']): boolean {
  const who = (f: Account['facts']) => [f.userId ?? f.user ?? '', f.domain ?? '', f.tenant ?? ''].join('|')
  return who(a) === who(b)
}
