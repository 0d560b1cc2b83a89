// The first listing of every account, started with the core: the window asks for exactly these as it opens, so they
// travel while it loads. Each is handed out once, only while fresh and only while nothing has changed the account's
// keys since it was asked for; otherwise the caller lists afresh.
import type { KeyRecord } from '../../../shared/model'
import type { Clock } from '../ports'

/** Older than this, a listing is not what the user expects from "just opened". */
const FRESH_MS = 10_000

interface Opening {
  readonly at: number
  readonly keys: Promise<readonly KeyRecord[]>
}

export class OpeningLists {
  private readonly pending = new Map<string, Opening>()

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  start(accountIds: readonly string[], list: (accountId: string) => Promise<readonly KeyRecord[]>): void {
    for (const id of accountIds) {
      const keys = list(id)
      // A failure is not reported here: the caller's own listing meets it again and says so.
      keys.catch(() => this.pending.delete(id))
      this.pending.set(id, { at: this.clock.now(), keys })
    }
  }

  /** The account's keys changed (or it went): what was listed before may be out of date. */
  forget(accountId: string): void {
    this.pending.delete(accountId)
  }

  /** The opening listing of the account, once, when it is fresh and succeeds; null otherwise. */
  async take(accountId: string): Promise<{ keys: readonly KeyRecord[]; at: number } | null> {
    const opening = this.pending.get(accountId)
    this.pending.delete(accountId)
    if (!opening || this.clock.now() - opening.at > FRESH_MS) return null
    const keys = await opening.keys.catch(() => null)
    return keys ? { keys, at: opening.at } : null
  }
}
