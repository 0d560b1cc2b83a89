// Tracks changes a service accepted but has not yet applied everywhere (DESIGN §4 Propagation).
// One timer serves every record and reads are coalesced per account, so thousands of pending changes stay cheap.
import { AppError, assertNever, type ErrorCode } from '../../../shared/errors'
import type { KeyRecord, Propagation, PropagationModel, PropagationOp, ProviderId } from '../../../shared/model'
import { getProvider as registeredProvider } from '../../providers'
import type { KeyProvider } from '../../providers/provider'
import type { Accounts } from '../accounts'
import { backoffMs, failedMessage, judge, settledMessage, timeoutNote, type Verdict } from './rules'
import type { SettingsStore } from '../settings'
import type { Clock } from '../ports'

/** Optional early confirmation for SpaceONE when KeyDesk holds the key's secret: 'refused' when the key no longer authenticates. */
export type Prober = (accountId: string, keyId: string) => Promise<'refused' | 'accepted' | 'unknown'>

interface Options {
  readonly prober?: Prober
  readonly getProvider?: (id: ProviderId) => KeyProvider
  /** Onqlave: give up polling after this long; default 15 minutes. */
  readonly maxPollMs?: number
  readonly random?: () => number
}

type Tracked = Exclude<PropagationModel, 'none'>

/** Scheduling state of a propagating record; rebuilt on restart, so never persisted. */
interface Run {
  readonly model: Tracked
  dueAt: number
  step: number
  probeAt: number
  paused: boolean
}

interface Entry {
  record: Propagation
  run: Run | null
}

const MINUTE = 60_000
const DEFAULT_WINDOW_SEC = 600
// The Onqlave CLI's wait limit, shown as the time the key should be ready by.
const POLL_SETTLE_MS = 10 * MINUTE
const PROBE_EVERY_MS = MINUTE
const PAUSED_RETRY_MS = 5 * MINUTE
const KEEP_FINISHED_MS = 60 * MINUTE
// A poll due this soon rides along with one due now, so one listing can serve both.
const COALESCE_MS = 2_000
const PAUSED_NOTE = 'checking paused: the account needs attention'
const REFUSED_NOTE = 'confirmed refused: the key no longer authenticates'
const NEEDS_ATTENTION: ReadonlySet<ErrorCode> = new Set(['AUTH_FAILED', 'PERMISSION_DENIED', 'KEYCHAIN_UNAVAILABLE'])

export class Propagations {
  /** For bench/tests: requests sent to services so far. */
  readonly stats = { requests: 0 }
  private readonly entries = new Map<string, Entry>()
  private readonly provider: (id: ProviderId) => KeyProvider
  private readonly maxPollMs: number
  private readonly random: () => number
  private timer: { readonly handle: unknown; readonly at: number } | null = null
  private running = false
  private ticking = false
  private flushing = false
  /** Records finished so far: a tick that finished none need not rewrite the file. */
  private finished = 0

  constructor(
    private readonly settings: SettingsStore,
    private readonly accounts: Pick<Accounts, 'get' | 'context' | 'setStatus'>,
    private readonly clock: Clock,
    private readonly onUpdate: (records: readonly Propagation[]) => void,
    private readonly notify: (title: string, body: string) => void,
    private readonly options: Options = {},
  ) {
    this.provider = options.getProvider ?? registeredProvider
    this.maxPollMs = options.maxPollMs ?? 15 * MINUTE
    this.random = options.random ?? Math.random
  }

  start(): void {
    this.running = true
    const now = this.clock.now()
    const stored = this.settings.get('propagations')
    this.entries.clear()
    for (const record of stored) {
      // A hand-edited or damaged record without real times would arm a timer for NaN: drop it.
      if (!Number.isFinite(Date.parse(record.requestedAt)) || !Number.isFinite(Date.parse(record.settleBy))) continue
      const model = record.state === 'propagating' ? this.modelOf(record.accountId, record.op) : null
      if (record.state !== 'propagating' || model) {
        this.entries.set(keyOf(record), { record, run: model ? this.resumed(record, model, now) : null })
      }
    }
    this.prune(now)
    if (this.entries.size !== stored.length) this.persist()
    this.arm()
  }

  stop(): void {
    this.flush()
    this.running = false
    if (this.timer) this.clock.clearTimeout(this.timer.handle)
    this.timer = null
  }

  all(): Propagation[] {
    return [...this.entries.values()].map((e) => e.record)
  }

  /** `key`: the key as last seen, kept with a delete so its row stays true while the delete propagates. */
  track(accountId: string, keyId: string, op: PropagationOp, key?: KeyRecord): Propagation | null {
    const account = this.accounts.get(accountId)
    const model = this.provider(account.provider).descriptor.changes[op].model
    const id = keyOf({ accountId, keyId })
    const replaced = this.entries.delete(id)
    if (model === 'none') {
      if (replaced) this.changed()
      return null
    }
    const now = this.clock.now()
    const windowSec = account.propagationWindowSec >= 0 ? account.propagationWindowSec : DEFAULT_WINDOW_SEC
    const settleBy = now + settleDelayMs(model, windowSec)
    const record: Propagation = {
      accountId,
      keyId,
      op,
      requestedAt: iso(now),
      settleBy: iso(settleBy),
      state: 'propagating',
      ...(op === 'delete' && key ? { key } : {}),
    }
    this.entries.set(id, { record, run: this.fresh(model, now, settleBy) })
    this.changed()
    return record
  }

  /** The account's deletes still propagating. */
  deleting(accountId: string): Propagation[] {
    return this.all().filter((p) => p.accountId === accountId && p.op === 'delete' && p.state === 'propagating')
  }

  onListed(accountId: string, keys: readonly KeyRecord[]): void {
    if (this.observe(accountId, keys, new Set())) this.changed()
  }

  forgetAccount(accountId: string): void {
    if (this.dropAccount(accountId)) this.changed()
  }

  private fresh(model: Tracked, now: number, settleBy: number): Run {
    switch (model) {
      case 'window':
        return { model, dueAt: settleBy, step: 0, probeAt: this.firstProbe(now), paused: false }
      case 'poll':
        return { model, dueAt: now + backoffMs(0, this.random), step: 1, probeAt: Infinity, paused: false }
      default:
        return assertNever(model)
    }
  }

  private resumed(record: Propagation, model: Tracked, now: number): Run {
    switch (model) {
      case 'window': {
        const dueAt = Math.max(Date.parse(record.settleBy), now)
        return { model, dueAt, step: 0, probeAt: this.firstProbe(now), paused: false }
      }
      case 'poll':
        return { model, dueAt: now, step: 0, probeAt: Infinity, paused: false }
      default:
        return assertNever(model)
    }
  }

  private firstProbe(now: number): number {
    return this.options.prober ? now + PROBE_EVERY_MS : Infinity
  }

  private modelOf(accountId: string, op: PropagationOp): Tracked | null {
    try {
      const model = this.provider(this.accounts.get(accountId).provider).descriptor.changes[op].model
      return model === 'none' ? null : model
    } catch {
      return null
    }
  }

  private async tick(): Promise<void> {
    this.timer = null
    this.ticking = true
    try {
      const now = this.clock.now()
      const pruned = this.prune(now)
      const due = new Map<string, Entry[]>()
      for (const entry of this.entries.values()) {
        if (entry.run && (this.readDue(entry, now) || this.probeDue(entry, now))) {
          const group = due.get(entry.record.accountId)
          if (group) group.push(entry)
          else due.set(entry.record.accountId, [entry])
        }
      }
      const finished = this.finished
      await Promise.all([...due].map(([accountId, entries]) => this.check(accountId, entries, now)))
      // A check time alone is not worth a write: a restart checks again anyway.
      if (pruned || this.finished !== finished) this.persist()
      if (pruned || due.size > 0) this.onUpdate(this.all())
    } finally {
      this.ticking = false
      this.arm()
    }
  }

  private readDue(entry: Entry, now: number): boolean {
    const run = entry.run
    if (!run) return false
    // Only polls may be read early: a window must not be judged before its end.
    return run.dueAt <= now + (run.model === 'poll' && !run.paused ? COALESCE_MS : 0)
  }

  private probeDue(entry: Entry, now: number): boolean {
    const run = entry.run
    return (
      !!run && !run.paused && run.model === 'window' && run.probeAt <= now && now < Date.parse(entry.record.settleBy)
    )
  }

  private async check(accountId: string, due: readonly Entry[], now: number): Promise<void> {
    let provider: KeyProvider
    try {
      provider = this.provider(this.accounts.get(accountId).provider)
    } catch {
      this.dropAccount(accountId)
      return
    }
    await Promise.all(due.filter((e) => this.probeDue(e, now)).map((e) => this.probe(e)))
    const reads = due.filter((e) => this.readDue(e, now))
    if (reads.length === 0) return
    try {
      const ctx = await this.accounts.context(accountId)
      this.stats.requests++
      if (reads.length >= 2) this.observe(accountId, await provider.list(ctx), new Set(reads))
      else this.apply(reads[0], await readKey(provider, ctx, reads[0].record.keyId), true)
    } catch (err) {
      if (err instanceof AppError && NEEDS_ATTENTION.has(err.code)) this.pause(accountId, reads, err)
      else for (const entry of reads) this.retry(entry)
    }
  }

  private async probe(entry: Entry): Promise<void> {
    const prober = this.options.prober
    if (!prober || !entry.run) return
    entry.run.probeAt = this.clock.now() + PROBE_EVERY_MS
    this.stats.requests++
    const answer = await prober(entry.record.accountId, entry.record.keyId).catch(() => 'unknown' as const)
    if (!this.isCurrent(entry)) return
    if (answer === 'refused') this.finish(entry, { kind: 'settled', note: REFUSED_NOTE })
    else entry.record = { ...entry.record, checkedAt: iso(this.clock.now()) }
  }

  /** Applies a listing to every propagating record of the account; `due` marks the reads that were scheduled. */
  private observe(accountId: string, keys: readonly KeyRecord[], due: ReadonlySet<Entry>): boolean {
    // Built only when a record of this account needs it: most listings have none to settle.
    let byId: Map<string, KeyRecord> | null = null
    const now = this.clock.now()
    let touched = false
    for (const entry of this.entries.values()) {
      const run = entry.run
      if (!run || entry.record.accountId !== accountId) continue
      const before = entry.record
      // A listing that worked means the account works again.
      if (run.paused) this.resume(entry, run, now)
      if (run.model !== 'window' || now >= Date.parse(entry.record.settleBy)) {
        byId ??= new Map(keys.map((k) => [k.keyId, k]))
        this.apply(entry, byId.get(entry.record.keyId) ?? null, due.has(entry))
      }
      touched ||= entry.record !== before
    }
    return touched
  }

  /** `scheduled`: this read was the record's due check, so a pending answer moves it along its schedule. */
  private apply(entry: Entry, key: KeyRecord | null, scheduled: boolean): void {
    const run = entry.run
    if (!run || !this.isCurrent(entry)) return
    const verdict = judge(entry.record.op, key, run.model !== 'poll')
    if (verdict.kind !== 'pending') return this.finish(entry, verdict)
    if (!scheduled) return
    const now = this.clock.now()
    if (run.model === 'poll' && now - Date.parse(entry.record.requestedAt) >= this.maxPollMs) {
      return this.finish(entry, { kind: 'failed', note: timeoutNote(this.maxPollMs, this.serviceName(entry)) })
    }
    run.paused = false
    entry.record = { ...withoutNote(entry.record), checkedAt: iso(now) }
    this.reschedule(entry, run, now)
  }

  private retry(entry: Entry): void {
    if (entry.run && this.isCurrent(entry)) this.reschedule(entry, entry.run, this.clock.now())
  }

  private reschedule(entry: Entry, run: Run, now: number): void {
    const next = now + backoffMs(run.step++, this.random)
    const cap = Date.parse(entry.record.requestedAt) + this.maxPollMs
    // The last poll lands on the cap, so a key that never finishes fails on time.
    run.dueAt = run.model === 'poll' && now < cap ? Math.min(next, cap) : next
  }

  private pause(accountId: string, entries: readonly Entry[], err: AppError): void {
    const now = this.clock.now()
    for (const entry of entries) {
      if (!entry.run || !this.isCurrent(entry)) continue
      entry.run.paused = true
      entry.run.dueAt = now + PAUSED_RETRY_MS
      entry.record = { ...entry.record, note: PAUSED_NOTE }
    }
    if (err.code === 'AUTH_FAILED') this.accounts.setStatus(accountId, 'rejected', err.message)
  }

  private resume(entry: Entry, run: Run, now: number): void {
    run.paused = false
    run.step = 0
    run.dueAt = run.model === 'window' ? Math.max(now, Date.parse(entry.record.settleBy)) : now
    entry.record = withoutNote(entry.record)
  }

  private finish(entry: Entry, verdict: Exclude<Verdict, { kind: 'pending' }>): void {
    const { accountId, keyId, op } = entry.record
    const note = verdict.note ? { note: verdict.note } : {}
    entry.record = { ...withoutNote(entry.record), state: verdict.kind, checkedAt: iso(this.clock.now()), ...note }
    entry.run = null
    this.finished += 1
    const label = this.accountLabel(accountId)
    const message =
      verdict.kind === 'settled'
        ? settledMessage(op, keyId, label, verdict.note)
        : failedMessage(op, keyId, label, verdict.note)
    this.notify(message.title, message.body)
  }

  private isCurrent(entry: Entry): boolean {
    return this.entries.get(keyOf(entry.record)) === entry
  }

  private accountLabel(accountId: string): string {
    try {
      return this.accounts.get(accountId).label
    } catch {
      return accountId
    }
  }

  private serviceName(entry: Entry): string {
    try {
      return this.provider(this.accounts.get(entry.record.accountId).provider).descriptor.name
    } catch {
      return 'service'
    }
  }

  private dropAccount(accountId: string): boolean {
    let dropped = false
    for (const [key, entry] of this.entries) {
      if (entry.record.accountId === accountId) dropped = this.entries.delete(key)
    }
    return dropped
  }

  private prune(now: number): boolean {
    let pruned = false
    for (const [key, entry] of this.entries) {
      if (!entry.run && finishedAt(entry.record) + KEEP_FINISHED_MS <= now) pruned = this.entries.delete(key)
    }
    return pruned
  }

  /** Many changes in one turn (a bulk delete of 1,000 keys) are written and announced once. */
  private changed(): void {
    this.arm()
    if (this.flushing) return
    this.flushing = true
    queueMicrotask(() => this.flush())
  }

  private flush(): void {
    if (!this.flushing) return
    this.flushing = false
    this.persist()
    this.onUpdate(this.all())
  }

  private persist(): void {
    this.settings.set('propagations', this.all())
  }

  /** Points the one timer at the earliest moment any record needs attention. */
  private arm(): void {
    if (!this.running || this.ticking) return
    let at = Infinity
    for (const entry of this.entries.values()) at = Math.min(at, wakeAt(entry))
    if (this.timer?.at === at) return
    if (this.timer) this.clock.clearTimeout(this.timer.handle)
    this.timer = null
    if (at === Infinity) return
    const handle = this.clock.setTimeout(() => void this.tick(), Math.max(0, at - this.clock.now()))
    this.timer = { handle, at }
  }
}

function wakeAt(entry: Entry): number {
  const run = entry.run
  if (!run) return finishedAt(entry.record) + KEEP_FINISHED_MS
  if (run.paused || run.model !== 'window') return run.dueAt
  return run.probeAt < Date.parse(entry.record.settleBy) ? Math.min(run.dueAt, run.probeAt) : run.dueAt
}

function settleDelayMs(model: Tracked, windowSec: number): number {
  switch (model) {
    case 'window':
      return windowSec * 1000
    case 'poll':
      return POLL_SETTLE_MS
    default:
      return assertNever(model)
  }
}

async function readKey(
  provider: KeyProvider,
  ctx: Parameters<KeyProvider['get']>[0],
  keyId: string,
): Promise<KeyRecord | null> {
  try {
    return await provider.get(ctx, keyId)
  } catch (err) {
    // The interface promises null for a missing key; an adapter that throws NOT_FOUND means the same.
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null
    throw err
  }
}

function finishedAt(record: Propagation): number {
  return Date.parse(record.checkedAt ?? record.settleBy)
}

function withoutNote(record: Propagation): Propagation {
  const { note: _dropped, ...rest } = record
  return rest
}

function keyOf(record: Pick<Propagation, 'accountId' | 'keyId'>): string {
  return `${record.accountId}\n${record.keyId}`
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}
