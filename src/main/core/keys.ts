// Keys of every account: list, create with a one-time secret, lifecycle changes, kept secrets.
import { randomBytes } from 'node:crypto'
import type { KeyList, CreateOptionsView } from '../../shared/api'
import type { Events, EventName } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Account, AccountView, CreatedKey, Endpoint, KeyRecord } from '../../shared/model'
import { getProvider } from '../providers'
import type { CreateInput, ExportFile, ProviderContext, SecretBundle, TryResult } from '../providers/provider'
import { scrubbed, type Accounts } from './accounts'
import type { Http } from './http'
import type { Propagations } from './propagation'
import { vaultNames, type SecretVault } from './vault'

type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

export type SecretRef = { handle: string } | { accountId: string; keyId: string }

interface HeldSecret {
  readonly account: Account
  readonly secret: SecretBundle
  readonly endpoints: readonly Endpoint[]
  readonly expires: number
}

const HANDLE_TTL_MS = 30 * 60_000
const ACTIVATION_LIMIT_MS = 5 * 60_000

export interface CreateRequest extends CreateInput {
  readonly accountId: string
  readonly requestId: string
  readonly keep: boolean
}

export class Keys {
  private readonly held = new Map<string, HeldSecret>()
  private readonly creating = new Map<string, Promise<CreatedKey>>()
  /** Keys the service created for a requestId whose later steps failed: a retry resumes them instead of creating again. */
  private readonly born = new Map<string, KeyRecord>()
  /** handle → the requestId whose answer holds it, so releasing the handle also drops the remembered answer. */
  private readonly answered = new Map<string, string>()

  constructor(
    private readonly accounts: Accounts,
    private readonly vault: SecretVault,
    private readonly http: Http,
    private readonly propagations: Propagations,
    private readonly emit: Emit,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async list(accountId: string): Promise<KeyList> {
    const keys = await this.call(accountId, (ctx) => getProvider(ctx.account.provider).list(ctx))
    this.propagations.onListed(accountId, keys)
    return { accountId, keys: this.withTombstones(accountId, keys), fetchedAt: new Date().toISOString() }
  }

  async check(accountId: string): Promise<AccountView> {
    const account = this.accounts.get(accountId)
    this.accounts.setStatus(accountId, 'checking')
    await this.call(accountId, (ctx) => getProvider(account.provider).validate(ctx)).catch(() => undefined)
    return this.accounts.view(this.accounts.get(accountId))
  }

  endpoints(accountId: string): Promise<Endpoint[]> {
    return this.call(accountId, (ctx) => getProvider(ctx.account.provider).endpoints(ctx))
  }

  createOptions(accountId: string): Promise<CreateOptionsView | null> {
    return this.call(accountId, (ctx) => getProvider(ctx.account.provider).createOptions(ctx))
  }

  /** One key per requestId, however often the same dialog submits. */
  create(req: CreateRequest): Promise<CreatedKey> {
    const running = this.creating.get(req.requestId)
    if (running) return running
    const p = this.createOnce(req)
    this.creating.set(req.requestId, p)
    p.then(
      (created) => {
        this.answered.set(created.handle, req.requestId)
      },
      () => {
        this.creating.delete(req.requestId)
      },
    )
    return p
  }

  private async createOnce(req: CreateRequest): Promise<CreatedKey> {
    const ctx = await this.accounts.context(req.accountId)
    const provider = getProvider(ctx.account.provider)
    const resumed = this.born.get(req.requestId)
    const max = provider.descriptor.keyLimit
    if (max !== null && !resumed) {
      const own = (await this.call(req.accountId, (c) => provider.list(c))).filter((k) => k.state !== 'deleted')
      if (own.length >= max) {
        throw new AppError(
          'LIMIT_REACHED',
          `${ctx.account.label} already has ${own.length} of ${max} keys, the most ` +
            `${provider.descriptor.name} allows a user. Delete one (or rotate it) before creating another.`,
          { accountId: req.accountId },
        )
      }
    }
    const progress = (stage: Events['create.progress']['stage'], message: string): void =>
      this.emit('create.progress', { requestId: req.requestId, stage, message })
    if (!resumed) progress('creating', `Asking ${provider.descriptor.name} for a new key…`)
    const result = resumed ? { key: resumed } : await this.call(req.accountId, (c) => provider.create(c, req))
    if (!resumed) this.emit('keys.changed', { accountId: req.accountId })
    let key = result.key
    let secret = result.secret
    if (!secret && provider.fetchSecret) this.born.set(req.requestId, key)
    // Onqlave hands the secret out after activation, so a reconciled key can still be fetched; the others cannot.
    if (!secret && result.reconciled && !provider.fetchSecret) {
      throw new AppError(
        'PROVIDER_ERROR',
        `The request timed out, but ${provider.descriptor.name} did create key ${key.keyId}. ` +
          'Its secret was lost on the way: delete that key and create a new one.',
        { accountId: req.accountId },
      )
    }
    if (!secret && provider.fetchSecret) {
      this.propagations.track(req.accountId, key.keyId, 'create')
      progress('activating', `Waiting for ${key.keyId} to become active…`)
      key = await this.awaitActive(ctx, key)
      progress('fetching', 'Fetching the secret (the service shows it once)…')
      secret = await this.call(req.accountId, (c) => provider.fetchSecret!(c, key.keyId))
    }
    if (!secret)
      throw new AppError('PROVIDER_ERROR', `${provider.descriptor.name} returned no secret for ${key.keyId}.`)
    this.born.delete(req.requestId)
    const endpoints = await provider.endpoints(ctx).catch(() => [])
    const handle = randomBytes(16).toString('hex')
    this.held.set(handle, { account: ctx.account, secret, endpoints, expires: Date.now() + HANDLE_TTL_MS })
    const kept =
      req.keep &&
      (await this.keepSecret(handle).then(
        () => true,
        (err: unknown) => {
          // The key exists and its secret is shown once: a keychain failure must not swallow it.
          this.emit('notify', {
            title: `${key.keyId} was not kept in the keychain`,
            body: `${err instanceof AppError ? err.message : 'The keychain refused it.'} Copy or export the secret before closing the dialog.`,
          })
          return false
        },
      ))
    progress('done', 'Key created.')
    this.emit('keys.changed', { accountId: req.accountId })
    setTimeout(() => this.release(handle), HANDLE_TTL_MS).unref()
    return {
      key,
      handle,
      kept,
      endpoints,
      parts: provider.secretParts(secret, ctx.account),
      exports: provider
        .exportFiles(secret, ctx.account, endpoints)
        .map(({ id, fileName, label }) => ({ id, fileName, label })),
    }
  }

  private async awaitActive(ctx: ProviderContext, key: KeyRecord): Promise<KeyRecord> {
    const provider = getProvider(ctx.account.provider)
    const started = Date.now()
    let delay = 250
    let current: KeyRecord | null = key
    while (current?.state === 'pending' && Date.now() - started < ACTIVATION_LIMIT_MS) {
      await this.sleep(delay)
      delay = Math.min(delay * 2, 5000)
      current = await provider.get(ctx, key.keyId).catch((err: unknown) => {
        if (err instanceof AppError && err.retryable) return current
        throw err
      })
    }
    if (current?.state === 'enabled') return current
    const why = current?.state === 'failed' ? 'the service reports it failed' : 'it did not become active in time'
    throw new AppError('PROVIDER_ERROR', `Key ${key.keyId} could not be activated: ${why}. Delete it and try again.`, {
      accountId: ctx.account.id,
    })
  }

  enable(accountId: string, keyId: string): Promise<KeyRecord | null> {
    return this.change(accountId, keyId, 'enable', (p, ctx) => {
      if (!p.enable) throw notSupported(p.descriptor.name, 'enable keys')
      return p.enable(ctx, keyId)
    })
  }

  disable(accountId: string, keyId: string): Promise<KeyRecord | null> {
    return this.change(accountId, keyId, 'disable', (p, ctx) => {
      if (!p.disable) throw notSupported(p.descriptor.name, 'disable keys')
      return p.disable(ctx, keyId)
    })
  }

  async remove(accountId: string, keyId: string): Promise<KeyRecord | null> {
    const result = await this.change(accountId, keyId, 'delete', (p, ctx) => p.delete(ctx, keyId))
    // Nothing can use a deleted key's secret, so KeyDesk stops holding it.
    const account = this.accounts.get(accountId)
    await this.vault.delete(vaultNames.keySecret(account.provider, accountId, keyId)).catch(() => false)
    return result
  }

  async rename(accountId: string, keyId: string, name: string): Promise<KeyRecord> {
    const ctx = await this.accounts.context(accountId)
    const p = getProvider(ctx.account.provider)
    if (!p.rename) throw notSupported(p.descriptor.name, 'rename keys')
    const key = await this.call(accountId, (c) => p.rename!(c, keyId, name))
    this.emit('keys.changed', { accountId })
    return key
  }

  private async change(
    accountId: string,
    keyId: string,
    op: 'enable' | 'disable' | 'delete',
    run: (p: ReturnType<typeof getProvider>, ctx: ProviderContext) => Promise<KeyRecord | null>,
  ): Promise<KeyRecord | null> {
    const ctx = await this.accounts.context(accountId)
    const result = await this.call(accountId, (c) => run(getProvider(ctx.account.provider), c))
    this.propagations.track(accountId, keyId, op)
    this.emit('keys.changed', { accountId })
    return result
  }

  /** A SpaceONE key deleted but still propagating stays visible as `deleted` until it settles. */
  private withTombstones(accountId: string, keys: readonly KeyRecord[]): readonly KeyRecord[] {
    const deleting = this.propagations
      .all()
      .filter((p) => p.accountId === accountId && p.op === 'delete' && p.state === 'propagating')
    // The common case, and with 10,000 keys the set below is not free.
    if (deleting.length === 0) return keys
    const present = new Set(keys.map((k) => k.keyId))
    const account = this.accounts.get(accountId)
    const tombstones = deleting
      .filter((p) => !present.has(p.keyId))
      .map((p): KeyRecord => ({
        provider: account.provider,
        accountId,
        keyId: p.keyId,
        name: p.keyId,
        state: 'deleted',
        createdAt: p.requestedAt,
        extra: {},
      }))
    return [...keys, ...tombstones]
  }

  async keepSecret(handle: string): Promise<void> {
    const h = this.hold(handle)
    await this.vault.set(
      vaultNames.keySecret(h.account.provider, h.account.id, h.secret.keyId),
      JSON.stringify({ secret: h.secret, endpoints: h.endpoints }),
    )
  }

  async forgetSecret(accountId: string, keyId: string): Promise<void> {
    const account = this.accounts.get(accountId)
    await this.vault.delete(vaultNames.keySecret(account.provider, accountId, keyId))
    this.emit('keys.changed', { accountId })
  }

  async kept(accountId: string): Promise<string[]> {
    const account = this.accounts.get(accountId)
    const prefix = vaultNames.keySecret(account.provider, accountId, '')
    return (await this.vault.names()).filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))
  }

  async forgetAccount(account: Account): Promise<void> {
    const prefix = vaultNames.keySecret(account.provider, account.id, '')
    for (const name of await this.vault.names().catch(() => [])) {
      if (name.startsWith(prefix)) await this.vault.delete(name)
    }
  }

  release(handle: string): void {
    this.held.delete(handle)
    const requestId = this.answered.get(handle)
    if (requestId !== undefined) this.creating.delete(requestId)
    this.answered.delete(handle)
  }

  /** The whole bundle, for the core's own use (rotation makes it the account's credential); never sent to the renderer. */
  async secretBundle(ref: SecretRef): Promise<SecretBundle> {
    return (await this.resolve(ref)).secret
  }

  async secretPart(ref: SecretRef, label: string): Promise<string> {
    const { account, secret } = await this.resolve(ref)
    const part = getProvider(account.provider)
      .secretParts(secret, account)
      .find((p) => p.label === label)
    if (!part) throw new AppError('INVALID_INPUT', `This key has no "${label}" to copy.`)
    return part.value
  }

  async exportFile(ref: SecretRef, format: string): Promise<ExportFile> {
    const { account, secret, endpoints } = await this.resolve(ref)
    const file = getProvider(account.provider)
      .exportFiles(secret, account, endpoints)
      .find((f) => f.id === format)
    if (!file) throw new AppError('INVALID_INPUT', `Unknown export format "${format}".`)
    return file
  }

  async tryKey(ref: SecretRef): Promise<TryResult> {
    const { account, secret } = await this.resolve(ref)
    return getProvider(account.provider).tryKey(this.http, account, secret)
  }

  /** Whether a kept key still authenticates, for confirming a SpaceONE disable or delete before its window ends. */
  async probe(accountId: string, keyId: string): Promise<'refused' | 'accepted' | 'unknown'> {
    // A key whose secret KeyDesk does not hold, or an unreachable service, tells nothing.
    const r = await this.tryKey({ accountId, keyId }).catch(() => null)
    return r?.ok ? 'accepted' : r?.refused ? 'refused' : 'unknown'
  }

  private hold(handle: string): HeldSecret {
    const h = this.held.get(handle)
    if (!h || h.expires < Date.now()) {
      this.held.delete(handle)
      throw new AppError(
        'NOT_FOUND',
        'That secret is no longer held: KeyDesk drops a shown secret when its dialog closes.',
      )
    }
    return h
  }

  private async resolve(ref: SecretRef): Promise<Omit<HeldSecret, 'expires'>> {
    if ('handle' in ref) return this.hold(ref.handle)
    const account = this.accounts.get(ref.accountId)
    const raw = await this.vault.get(vaultNames.keySecret(account.provider, account.id, ref.keyId))
    if (!raw) throw new AppError('NOT_FOUND', `KeyDesk does not hold the secret of ${ref.keyId}.`)
    const stored = JSON.parse(raw) as { secret: SecretBundle; endpoints: Endpoint[] }
    return { account, secret: stored.secret, endpoints: stored.endpoints }
  }

  /** Runs a provider call and keeps the account's status dot true to its outcome. */
  private async call<T>(accountId: string, fn: (ctx: ProviderContext) => Promise<T>): Promise<T> {
    const ctx = await this.accounts.context(accountId)
    try {
      const value = await fn(ctx).catch(async (err: unknown) => {
        // An expired access token is renewed once with its refresh token; the request was refused, so repeating it is safe.
        const renewed = err instanceof AppError && err.code === 'AUTH_FAILED' ? await this.accounts.renew(ctx) : null
        if (!renewed) throw err
        return fn(renewed)
      })
      this.accounts.setStatus(accountId, 'ok')
      return value
    } catch (caught) {
      const err = scrubbed(caught, ctx.credential)
      if (err instanceof AppError) {
        const status =
          err.code === 'AUTH_FAILED'
            ? 'rejected'
            : err.code === 'NETWORK' || err.code === 'TIMEOUT'
              ? 'unreachable'
              : err.code === 'KEYCHAIN_UNAVAILABLE'
                ? 'keychain'
                : null
        if (status) this.accounts.setStatus(accountId, status, err.message)
        throw new AppError(err.code, err.message, { accountId, retryable: err.retryable })
      }
      throw err
    }
  }
}

function notSupported(service: string, what: string): AppError {
  return new AppError('NOT_SUPPORTED', `${service} does not let KeyDesk ${what}.`)
}
