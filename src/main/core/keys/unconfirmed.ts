// Creates whose answer was lost: the service may have made the key after KeyDesk gave up waiting. Each one is kept in
// the settings (never a secret) and the account is listed again with backoff until the key shows up or time runs out,
// across restarts, so a live key whose secret nobody saw is never left hidden.
import type { KeyRecord } from '../../../shared/model'
import { AppError } from '../../../shared/errors'
import { iso, type Ports } from '../ports'
import type { SettingsStore, UnconfirmedCreate } from '../settings'
import type { ProviderSession } from './session'

export const RECHECK_FIRST_MS = 2_000
export const RECHECK_LONGEST_MS = 60_000
/** How long a lost create is looked for before KeyDesk concludes the service made no key. */
export const RECHECK_LIMIT_MS = 10 * 60_000

export class UnconfirmedCreates {
  private readonly timers = new Map<string, unknown>()
  private readonly delays = new Map<string, number>()
  private readonly checking = new Set<string>()

  constructor(
    private readonly settings: Pick<SettingsStore, 'get' | 'set'>,
    private readonly session: Pick<ProviderSession, 'providerOf' | 'call'>,
    private readonly ports: Pick<Ports, 'emit' | 'clock'>,
    /** Keeps a message on screen (the core's notices) until the user has seen it. */
    private readonly notice: (text: string) => void,
  ) {}

  /** Picks up the creates a previous run was still checking. */
  start(): void {
    for (const r of this.all()) this.schedule(r.requestId, RECHECK_FIRST_MS)
  }

  stop(): void {
    for (const handle of this.timers.values()) this.ports.clock.clearTimeout(handle)
    this.timers.clear()
  }

  all(): readonly UnconfirmedCreate[] {
    return this.settings.get('unconfirmedCreates') ?? []
  }

  /** A second create on this account could make a second key while the first may still exist: refused. */
  refuseWhilePending(accountId: string, requestId: string): void {
    const pending = this.all().find((r) => r.accountId === accountId || r.requestId === requestId)
    if (!pending) return
    throw new AppError(
      'CONFLICT',
      `KeyDesk is still checking whether the create of ${pending.requestedAt} went through (its answer was lost). ` +
        'It will tell you when it knows; create again after that.',
      { accountId, retryable: false },
    )
  }

  record(entry: Omit<UnconfirmedCreate, 'requestedAt'>): UnconfirmedCreate {
    const r: UnconfirmedCreate = { ...entry, requestedAt: iso(this.ports.clock.now()) }
    this.settings.set('unconfirmedCreates', [...this.all().filter((o) => o.requestId !== r.requestId), r])
    this.schedule(r.requestId, RECHECK_FIRST_MS)
    return r
  }

  private schedule(requestId: string, delay: number): void {
    this.delays.set(requestId, delay)
    const handle = this.ports.clock.setTimeout(() => {
      this.timers.delete(requestId)
      void this.check(requestId)
    }, delay)
    this.timers.set(requestId, handle)
  }

  private async check(requestId: string): Promise<void> {
    const r = this.all().find((o) => o.requestId === requestId)
    if (!r || this.checking.has(requestId)) return
    this.checking.add(requestId)
    try {
      const provider = this.session.providerOf(r.accountId)
      const keys = await this.session.call(r.accountId, (ctx) => provider.list(ctx)).catch(() => null)
      const known = new Set(r.before)
      const fresh = (keys ?? []).filter((k) => !known.has(k.keyId) && k.state !== 'deleted')
      if (fresh.length > 0) return this.appeared(r, fresh)
      if (this.ports.clock.now() - Date.parse(r.requestedAt) >= RECHECK_LIMIT_MS) return this.gaveUp(r)
      const delay = Math.min((this.delays.get(requestId) ?? RECHECK_FIRST_MS) * 2, RECHECK_LONGEST_MS)
      this.schedule(requestId, delay)
    } catch {
      // The account is gone (removed while checking): nothing is left to look at.
      this.drop(r)
    } finally {
      this.checking.delete(requestId)
    }
  }

  private appeared(r: UnconfirmedCreate, fresh: readonly KeyRecord[]): void {
    this.drop(r)
    const ids = fresh.map((k) => k.keyId).join(', ')
    const title = `Key ${ids} appeared after the create timed out`
    const body =
      `Its secret was never seen: the service made the key after KeyDesk stopped waiting for "${r.name}". ` +
      'Delete it (and create a new one), or keep it if something else holds its secret.'
    this.notice(`${title}. ${body}`)
    this.ports.emit('notify', { title, body })
    this.ports.emit('keys.changed', { accountId: r.accountId })
  }

  private gaveUp(r: UnconfirmedCreate): void {
    this.drop(r)
    const title = 'No key was created'
    const body =
      `The create of ${r.requestedAt} ("${r.name}") lost its answer, and no new key appeared within ` +
      `${RECHECK_LIMIT_MS / 60_000} minutes: the service made none. You can create the key again.`
    this.notice(`${title}. ${body}`)
    this.ports.emit('notify', { title, body })
  }

  private drop(r: UnconfirmedCreate): void {
    this.settings.set(
      'unconfirmedCreates',
      this.all().filter((o) => o.requestId !== r.requestId),
    )
    this.delays.delete(r.requestId)
  }
}
