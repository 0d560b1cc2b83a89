// The first listing of every account, started with the core: the window asks for exactly these as it opens, so they
// travel while it loads. Those already done go out together in the window's first request (keys.opening); the rest
// answer each account's first keys.list. Each is handed out once, only while fresh and only while nothing has changed
// the account's keys since it was asked for; otherwise the caller lists afresh.
import type { KeyRecord } from '../../../shared/model'
import type { Clock } from '../ports'

/** Older than this, a listing is not what the user expects from "just opened". */
const FRESH_MS = 10_000

interface Opening {
  readonly at: number
  readonly keys: Promise<readonly KeyRecord[]>
  /** The keys, once the listing has succeeded. */
  listed?: readonly KeyRecord[]
}

export interface Opened {
  readonly accountId: string
  readonly keys: readonly KeyRecord[]
  readonly at: number
}

export class OpeningLists {
  private readonly pending = new Map<string, Opening>()

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  start(accountIds: readonly string[], list: (accountId: string) => Promise<readonly KeyRecord[]>): void {
    for (const id of accountIds) {
      const opening: Opening = { at: this.clock.now(), keys: list(id) }
      opening.keys.then(
        (keys) => (opening.listed = keys),
        // A failure is not reported here: the caller's own listing meets it again and says so.
        () => this.pending.get(id) === opening && this.pending.delete(id),
      )
      this.pending.set(id, opening)
    }
  }

  /** The account's keys changed (or it went): what was listed before may be out of date. */
  forget(accountId: string): void {
    this.pending.delete(accountId)
  }

  /** Every opening listing that has already succeeded and is fresh, each handed out once: it never waits. */
  takeListed(): Opened[] {
    const out: Opened[] = []
    for (const [accountId, opening] of this.pending) {
      if (!opening.listed || !this.fresh(opening)) continue
      this.pending.delete(accountId)
      out.push({ accountId, keys: opening.listed, at: opening.at })
    }
    return out
  }

  /** The opening listing of the account, once, when it is fresh and succeeds; null otherwise. */
  async take(accountId: string): Promise<{ keys: readonly KeyRecord[]; at: number } | null> {
    const opening = this.pending.get(accountId)
    this.pending.delete(accountId)
    if (!opening || !this.fresh(opening)) return null
    const keys = await opening.keys.catch(() => null)
    return keys ? { keys, at: opening.at } : null
  }

  private fresh(opening: Opening): boolean {
    return this.clock.now() - opening.at <= FRESH_MS
  }
}
