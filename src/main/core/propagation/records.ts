// The propagation records, in memory and in the settings file: at most one per key (the latest intent wins),
// finished ones kept an hour, and many changes in one turn written and announced once.
import type { Propagation } from '../../../shared/model'
import type { SettingsStore } from '../settings'
import type { Policy, Run } from './policy'

export interface Live {
  readonly policy: Policy
  run: Run
  paused: boolean
}

export interface Entry {
  record: Propagation
  /** Null once the record has settled or failed. */
  live: Live | null
}

const KEEP_FINISHED_MS = 60 * 60_000

export class Records {
  private readonly entries = new Map<string, Entry>()
  private flushing = false

  constructor(
    private readonly settings: SettingsStore,
    private readonly announce: (records: readonly Propagation[]) => void,
  ) {}

  /** Reads the file back; `revive` gives a propagating record its schedule, or null when it can no longer run. */
  load(revive: (record: Propagation) => Live | null): void {
    const stored = this.settings.get('propagations')
    this.entries.clear()
    for (const record of stored) {
      // A hand-edited or damaged record without real times would arm a timer for NaN: drop it.
      if (!Number.isFinite(Date.parse(record.requestedAt)) || !Number.isFinite(Date.parse(record.settleBy))) continue
      const live = record.state === 'propagating' ? revive(record) : null
      // A propagating record's note says its checks were paused; revived, it is checked again, so the note goes.
      if (live) this.entries.set(keyOf(record), { record: withoutNote(record), live })
      else if (record.state !== 'propagating') this.entries.set(keyOf(record), { record, live })
    }
    if (this.entries.size !== stored.length) this.persist()
  }

  values(): IterableIterator<Entry> {
    return this.entries.values()
  }

  /** The account's other live records a listing now would move on (not paused, and their policy reads listings). */
  listableNow(accountId: string, except: readonly Entry[], now: number): Entry[] {
    return [...this.entries.values()].filter(
      (e) =>
        e.live &&
        !e.live.paused &&
        e.record.accountId === accountId &&
        !except.includes(e) &&
        e.live.policy.listable(e.record, now),
    )
  }

  all(): Propagation[] {
    return [...this.entries.values()].map((e) => e.record)
  }

  deleting(accountId: string): Propagation[] {
    return this.all().filter((p) => p.accountId === accountId && p.op === 'delete' && p.state === 'propagating')
  }

  /** A new record for its key, replacing any earlier one. */
  put(record: Propagation, live: Live): void {
    this.entries.delete(keyOf(record))
    this.entries.set(keyOf(record), { record, live })
  }

  /** True when the key had a record. */
  drop(key: Pick<Propagation, 'accountId' | 'keyId'>): boolean {
    return this.entries.delete(keyOf(key))
  }

  /** Whether the entry is still its key's record (a later change replaces it while a check is on its way). */
  isCurrent(entry: Entry): boolean {
    return this.entries.get(keyOf(entry.record)) === entry
  }

  dropAccount(accountId: string): boolean {
    let dropped = false
    for (const [key, entry] of this.entries) {
      if (entry.record.accountId === accountId) dropped = this.entries.delete(key)
    }
    return dropped
  }

  prune(now: number): boolean {
    let pruned = false
    for (const [key, entry] of this.entries) {
      if (!entry.live && keptUntil(entry.record) <= now) pruned = this.entries.delete(key)
    }
    return pruned
  }

  /** Written and announced at the end of this turn, once however many changes it made. */
  changed(): void {
    if (this.flushing) return
    this.flushing = true
    queueMicrotask(() => this.flush())
  }

  flush(): void {
    if (!this.flushing) return
    this.flushing = false
    this.persist()
    this.announce(this.all())
  }

  persist(): void {
    this.settings.set('propagations', this.all())
  }
}

/** A finished record leaves the list an hour after its last check. */
export function keptUntil(record: Propagation): number {
  return Date.parse(record.checkedAt ?? record.settleBy) + KEEP_FINISHED_MS
}

export function withoutNote(record: Propagation): Propagation {
  const { note: _dropped, ...rest } = record
  return rest
}

function keyOf(record: Pick<Propagation, 'accountId' | 'keyId'>): string {
  return `${record.accountId}\n${record.keyId}`
}

/** When the entry next needs the timer: its next read or probe, or when a finished record leaves. */
export function wakeAt(entry: Entry): number {
  const live = entry.live
  if (!live) return keptUntil(entry.record)
  return live.paused ? live.run.dueAt : Math.min(live.run.dueAt, live.run.probeAt)
}
