// A key's life after its creation: listing (with the deleted keys still propagating), enable, disable, rename,
// delete. One change is one request to the service and one keys.changed; its propagation is tracked from here.
import type { CreateOptionsView, KeyList } from '../../../shared/api'
import { AppError, outcomeUnknown } from '../../../shared/errors'
import type { AccountView, Endpoint, KeyRecord, PropagationOp } from '../../../shared/model'
import type { KeyProvider, ProviderContext } from '../../providers/provider'
import type { Accounts } from '../accounts'
import type { Ports } from '../ports'
import type { Propagations } from '../propagation/scheduler'
import type { SecretCustody } from './custody'
import { OpeningLists } from './opening-lists'
import type { ProviderSession } from './session'

type Change = Exclude<PropagationOp, 'create'>

export class KeyLifecycle {
  readonly opening: OpeningLists

  constructor(
    private readonly accounts: Pick<Accounts, 'get' | 'setStatus' | 'view'>,
    private readonly session: ProviderSession,
    private readonly custody: Pick<SecretCustody, 'dropDeleted'>,
    private readonly propagations: Pick<Propagations, 'track' | 'onListed' | 'deleting'>,
    private readonly ports: Pick<Ports, 'emit' | 'clock'>,
  ) {
    this.opening = new OpeningLists(ports.clock)
  }

  /** Starts the listings the window will ask for first (see opening-lists.ts). */
  open(accountIds: readonly string[]): void {
    this.opening.start(accountIds, (id) => this.session.call(id, (ctx, p) => p.list(ctx)))
  }

  async list(accountId: string): Promise<KeyList> {
    const opened = await this.opening.take(accountId)
    const at = opened?.at ?? this.ports.clock.now()
    const keys = opened?.keys ?? (await this.session.call(accountId, (ctx, p) => p.list(ctx)))
    return this.listed(accountId, keys, at)
  }

  /** The opening listings already done, of the given accounts: the window's first screen takes them in one answer. */
  opened(accountIds: ReadonlySet<string>): KeyList[] {
    return this.opening
      .takeListed()
      .filter((o) => accountIds.has(o.accountId))
      .map((o) => this.listed(o.accountId, o.keys, o.at))
  }

  private listed(accountId: string, keys: readonly KeyRecord[], at: number): KeyList {
    this.propagations.onListed(accountId, keys)
    return { accountId, keys: this.withTombstones(accountId, keys), fetchedAt: new Date(at).toISOString() }
  }

  async check(accountId: string): Promise<AccountView> {
    this.accounts.setStatus(accountId, 'checking')
    await this.session.call(accountId, (ctx, p) => p.validate(ctx)).catch(() => undefined)
    return this.accounts.view(this.accounts.get(accountId))
  }

  endpoints(accountId: string): Promise<Endpoint[]> {
    return this.session.call(accountId, (ctx, p) => p.endpoints(ctx))
  }

  createOptions(accountId: string): Promise<CreateOptionsView | null> {
    return this.session.call(accountId, (ctx, p) => p.createOptions(ctx))
  }

  enable(accountId: string, keyId: string): Promise<KeyRecord | null> {
    return this.change(accountId, keyId, 'enable', (p, ctx) => {
      if (!p.enable) throw notSupported(p, 'enable keys')
      return p.enable(ctx, keyId)
    })
  }

  disable(accountId: string, keyId: string): Promise<KeyRecord | null> {
    return this.change(accountId, keyId, 'disable', (p, ctx) => {
      if (!p.disable) throw notSupported(p, 'disable keys')
      return p.disable(ctx, keyId)
    })
  }

  /**
   * `shown`: the key as the user saw it, kept with the delete so its row stays true while the delete propagates (the
   * core does not hold on to every listing for the rare delete: 50 accounts × 1,000 keys are 20 MB).
   */
  async remove(accountId: string, keyId: string, shown?: KeyRecord): Promise<KeyRecord | null> {
    const known = shown?.accountId === accountId && shown.keyId === keyId ? shown : undefined
    const result = await this.change(accountId, keyId, 'delete', (p, ctx) => p.delete(ctx, keyId), known)
    // Nothing can use a deleted key's secret, so KeyDesk stops holding it; where caches may still accept the key,
    // not before trying it has shown the delete in force (the tracker drops it when the delete settles).
    if (this.session.providerOf(accountId).descriptor.changes.delete.model !== 'window') {
      await this.custody.dropDeleted(accountId, keyId)
    }
    return result
  }

  async rename(accountId: string, keyId: string, name: string): Promise<KeyRecord> {
    const key = await this.session
      .call(accountId, (ctx, p) => {
        if (!p.rename) throw notSupported(p, 'rename keys')
        return p.rename(ctx, keyId, name)
      })
      .catch((err: unknown) => this.renamed(accountId, keyId, name, err))
    this.ports.emit('keys.changed', { accountId })
    return key
  }

  async setTags(accountId: string, keyId: string, tags: Readonly<Record<string, string>>): Promise<KeyRecord> {
    const key = await this.session.call(accountId, (ctx, p) => {
      if (!p.setTags) throw notSupported(p, 'tag keys')
      return p.setTags(ctx, keyId, tags)
    })
    this.ports.emit('keys.changed', { accountId })
    return key
  }

  private async change(
    accountId: string,
    keyId: string,
    op: Change,
    run: (p: KeyProvider, ctx: ProviderContext) => Promise<KeyRecord | null>,
    shown?: KeyRecord,
  ): Promise<KeyRecord | null> {
    const result = await this.session
      .call(accountId, (ctx, p) => run(p, ctx))
      .catch((err: unknown) => this.reconciled(accountId, keyId, op, err))
    this.propagations.track(accountId, keyId, op, result ?? shown)
    this.ports.emit('keys.changed', { accountId })
    return result
  }

  /**
   * The change's answer was lost: a listing tells whether the service made it. Made → reported done (and tracked),
   * never as a failure; not shown, or no listing → the original error, so the user tries again.
   */
  private async reconciled(accountId: string, keyId: string, op: Change, err: unknown): Promise<KeyRecord | null> {
    if (!(err instanceof AppError && outcomeUnknown(err))) throw err
    const keys = await this.relisted(accountId)
    const key = keys?.find((k) => k.keyId === keyId)
    if (keys && op === 'delete' && (!key || key.state === 'deleted')) return null
    if (key && op !== 'delete' && key.state === (op === 'disable' ? 'disabled' : 'enabled')) return key
    throw err
  }

  /**
   * A rename whose answer was lost, told the same way: the key carrying the name asked (trimmed, as the services keep
   * it) is the rename done; anything else, or no listing, is the original error.
   */
  private async renamed(accountId: string, keyId: string, name: string, err: unknown): Promise<KeyRecord> {
    if (!(err instanceof AppError && outcomeUnknown(err))) throw err
    const key = (await this.relisted(accountId))?.find((k) => k.keyId === keyId)
    if (key && key.name === name.trim()) return key
    throw err
  }

  /** The account's keys as the service lists them now, or null when that listing fails too. */
  private relisted(accountId: string): Promise<readonly KeyRecord[] | null> {
    return this.session.call(accountId, (ctx, p) => p.list(ctx)).catch(() => null)
  }

  /** A deleted key still propagating stays visible as `deleted`, with its own fields, until it settles. */
  private withTombstones(accountId: string, keys: readonly KeyRecord[]): readonly KeyRecord[] {
    const deleting = this.propagations.deleting(accountId)
    // The common case, and with 10,000 keys the set below is not free.
    if (deleting.length === 0) return keys
    const present = new Set(keys.map((k) => k.keyId))
    const provider = this.accounts.get(accountId).provider
    const tombstones = deleting
      .filter((p) => !present.has(p.keyId))
      .map((p): KeyRecord => {
        const base = p.key ?? {
          provider,
          accountId,
          keyId: p.keyId,
          name: p.keyId,
          createdAt: p.requestedAt,
          extra: {},
        }
        return { ...base, state: 'deleted' }
      })
    return [...keys, ...tombstones]
  }
}

function notSupported(p: KeyProvider, what: string): AppError {
  return new AppError('NOT_SUPPORTED', `${p.descriptor.name} does not let KeyDesk ${what}.`)
}
