// Creates whose answer was lost: the service may have made the key after KeyDesk gave up waiting. Each one is kept in
// the settings (never a secret) and the account is listed again with backoff until the key shows up or a listing
// taken after the whole window shows none, across restarts, so a live key whose secret nobody saw is never left hidden.
import type { KeyRecord } from '../../../shared/model'
import { AppError } from '../../../shared/errors'
import type { KeyProvider } from '../../providers/provider'
import { iso, type Ports } from '../ports'
import type { SettingsStore, UnconfirmedCreate } from '../settings'
import type { ProviderSession } from './session'

export const RECHECK_FIRST_MS = 2_000
export const RECHECK_LONGEST_MS = 60_000
/** How long after a lost create the service may still make its key: only a listing taken later can show there is none. */
export const RECHECK_LIMIT_MS = 10 * 60_000
/** While listings keep failing KeyDesk keeps trying this long, then says it could not tell (never "no key"). */
export const UNREACHABLE_LIMIT_MS = 24 * 60 * 60_000
/** Outcomes remembered per requestId, so a retry of a create that made a key never makes a second one. */
const REMEMBERED = 200

/** The name the service gives the key when the provider takes one at create; '' when it names keys itself. */
export function wantedName(provider: KeyProvider, name: string | undefined): string {
  return provider.descriptor.create.fields.some((f) => f.name === 'name') ? (name?.trim() ?? '') : ''
}

/** Keys not listed before the create, newest last; with a wanted name, only the keys that carry it. */
export function freshKeys(keys: readonly KeyRecord[], before: readonly string[], name: string): KeyRecord[] {
  const known = new Set(before)
  return keys
    .filter((k) => !known.has(k.keyId) && k.state !== 'deleted' && (name === '' || k.name === name))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

export class UnconfirmedCreates {
  private readonly timers = new Map<string, unknown>()
  private readonly delays = new Map<string, number>()
  private readonly checking = new Set<string>()
  /** requestId → why a retry of it must not create: its key exists and its secret was never seen. */
  private readonly spent = new Map<string, string>()

  constructor(
    private readonly settings: Pick<SettingsStore, 'get' | 'set'>,
    private readonly session: Pick<ProviderSession, 'providerOf' | 'call'>,
    private readonly ports: Pick<Ports, 'emit' | 'clock'>,
    /** Keeps a message on screen (the core's notices) until the user has seen it. */
    private readonly notice: (text: string) => void,
    /** Its checks have ended, whatever they found (a rotation that sent it stops showing it as being checked). */
    private readonly settled: (requestId: string) => void = () => undefined,
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

  /**
   * A second create on this account could make a second key while the first may still exist, and a retry of a
   * create that made a key would make another: both refused.
   */
  refuseWhilePending(accountId: string, requestId: string): void {
    const made = this.spent.get(requestId)
    if (made !== undefined) throw new AppError('CONFLICT', made, { accountId, retryable: false })
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

  /** The service made the key but its secret is lost: said once on screen, and a retry of the request refused. */
  madeWithoutSecret(accountId: string, requestId: string, message: string): void {
    this.remember(requestId, `${message} (This request already created it; a new key needs a new create.)`)
    this.notice(message)
    this.ports.emit('keys.changed', { accountId })
  }

  private remember(requestId: string, message: string): void {
    this.spent.set(requestId, message)
    for (const old of this.spent.keys()) {
      if (this.spent.size <= REMEMBERED) break
      this.spent.delete(old)
    }
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
      const listedAt = this.ports.clock.now()
      const keys = await this.session.call(r.accountId, (ctx) => provider.list(ctx)).catch(() => null)
      const since = listedAt - Date.parse(r.requestedAt)
      if (keys) {
        const mine = freshKeys(keys, r.before, r.name)
        if (mine.length > 0) return this.appeared(r, mine, true)
        if (since >= RECHECK_LIMIT_MS) {
          // Renamed meanwhile, or made elsewhere: never hidden, said with the doubt it carries.
          const other = freshKeys(keys, r.before, '')
          return other.length > 0 ? this.appeared(r, other, false) : this.gaveUp(r)
        }
      } else if (since >= UNREACHABLE_LIMIT_MS) return this.unreachable(r)
      const delay = Math.min((this.delays.get(requestId) ?? RECHECK_FIRST_MS) * 2, RECHECK_LONGEST_MS)
      this.schedule(requestId, delay)
    } catch {
      // The account is gone (removed while checking): nothing is left to look at.
      this.drop(r)
    } finally {
      this.checking.delete(requestId)
    }
  }

  private appeared(r: UnconfirmedCreate, fresh: readonly KeyRecord[], sure: boolean): void {
    this.drop(r)
    const ids = fresh.map((k) => k.keyId).join(', ')
    const title = sure
      ? `Key ${ids} appeared after the create timed out`
      : `Key ${ids} appeared while KeyDesk checked a create that timed out`
    const asked = r.name ? ` for "${r.name}"` : ''
    const body = sure
      ? `Its secret was never seen: the service made the key after KeyDesk stopped waiting${asked}. ` +
        'Delete it (and create a new one), or keep it if something else holds its secret.'
      : `It does not carry the name asked${asked}, so it may have been made elsewhere; if not, it is that create's ` +
        'key and its secret was never seen: delete it, or keep it if something else holds its secret.'
    this.remember(r.requestId, `${title}. ${body}`)
    this.notice(`${title}. ${body}`)
    this.ports.emit('notify', { title, body })
    this.ports.emit('keys.changed', { accountId: r.accountId })
  }

  private gaveUp(r: UnconfirmedCreate): void {
    this.drop(r)
    const title = 'No key was created'
    const asked = r.name ? ` ("${r.name}")` : ''
    const body =
      `The create of ${r.requestedAt}${asked} lost its answer, and a listing taken more than ` +
      `${RECHECK_LIMIT_MS / 60_000} minutes later shows no new key: the service made none. You can create the key again.`
    this.notice(`${title}. ${body}`)
    this.ports.emit('notify', { title, body })
  }

  private unreachable(r: UnconfirmedCreate): void {
    this.drop(r)
    const title = 'KeyDesk could not tell whether a key was created'
    const body =
      `The create of ${r.requestedAt} lost its answer, and the account could not be listed for ` +
      `${UNREACHABLE_LIMIT_MS / 3_600_000} hours. Look at its keys: one you do not know may be that create's, ` +
      'and its secret was never seen.'
    this.notice(`${title}. ${body}`)
    this.ports.emit('notify', { title, body })
  }

  private drop(r: UnconfirmedCreate): void {
    this.settings.set(
      'unconfirmedCreates',
      this.all().filter((o) => o.requestId !== r.requestId),
    )
    this.delays.delete(r.requestId)
    this.settled(r.requestId)
  }
}
