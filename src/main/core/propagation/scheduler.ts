// Runs every propagating record on one timer: asks each record's policy when to look, reads the service (one listing
// per account when several records are due together), tries kept keys, persists every record and says when one
// settles or fails. Thousands of pending changes stay cheap: one timer, coalesced reads and writes.
import { AppError, type ErrorCode } from '../../../shared/errors'
import type { KeyRecord, Propagation, PropagationOp } from '../../../shared/model'
import type { KeyProvider } from '../../providers/provider'
import type { Accounts } from '../accounts'
import { iso, type Ports } from '../ports'
import type { SettingsStore } from '../settings'
import { Alarm } from './alarm'
import { policyFor } from './models'
import type { Look, Policy, Probe, Step } from './policy'
import { readKey } from './read-key'
import { Records, wakeAt, withoutNote, type Entry, type Live } from './records'
import { failedMessage, settledMessage } from './rules'

export type Prober = (accountId: string, keyId: string, op: PropagationOp) => Promise<Probe>

interface Options {
  /** Tries a key KeyDesk holds; without one, every key counts as not held. */
  readonly prober?: Prober
  readonly random?: () => number
  /** Told of every record that settles or fails (a delete's kept secret is dropped then). */
  readonly onFinished?: (record: Propagation) => void
}

const DEFAULT_WINDOW_SEC = 600
const PAUSED_RETRY_MS = 5 * 60_000
const PAUSED_NOTE = 'checking paused: the account needs attention'
// Only what the user must fix pauses checking. A keychain that fails (its daemon restarting, a slow answer) is retried
// on the backoff like the network: paused, a change would wait minutes after the keychain works again.
const NEEDS_ATTENTION: ReadonlySet<ErrorCode> = new Set(['AUTH_FAILED', 'PERMISSION_DENIED'])

export class Propagations {
  /** For bench and tests: requests sent to services so far (reads and probes). */
  readonly stats = { requests: 0 }
  private readonly records: Records
  private readonly alarm: Alarm
  private running = false
  private ticking = false
  /** Records finished so far: a tick that finished none need not rewrite the file. */
  private finished = 0

  constructor(
    settings: SettingsStore,
    private readonly accounts: Pick<Accounts, 'get' | 'context' | 'setStatus'>,
    private readonly ports: Pick<Ports, 'clock' | 'providers' | 'emit'>,
    private readonly options: Options = {},
  ) {
    this.records = new Records(settings, (records) => ports.emit('propagation.updated', { records }))
    this.alarm = new Alarm(ports.clock, () => void this.tick())
  }

  start(): void {
    this.running = true
    const now = this.ports.clock.now()
    this.records.load((record) => {
      const policy = this.policyOf(record.accountId, record.op)
      return policy ? this.live(policy, record, now, false) : null
    })
    if (this.records.prune(now)) this.records.persist()
    this.arm()
  }

  stop(): void {
    this.records.flush()
    this.running = false
    this.alarm.clear()
  }

  all(): Propagation[] {
    return this.records.all()
  }

  /** The account's deletes still propagating. */
  deleting(accountId: string): Propagation[] {
    return this.records.deleting(accountId)
  }

  /** `key`: the key as last seen, kept with a delete so its row stays true while the delete propagates. */
  track(accountId: string, keyId: string, op: PropagationOp, key?: KeyRecord): Propagation | null {
    const account = this.accounts.get(accountId)
    const policy = this.policyOf(accountId, op)
    if (!policy) {
      if (this.records.drop({ accountId, keyId })) this.changed()
      return null
    }
    const now = this.ports.clock.now()
    const windowSec = account.propagationWindowSec >= 0 ? account.propagationWindowSec : DEFAULT_WINDOW_SEC
    const record: Propagation = {
      accountId,
      keyId,
      op,
      requestedAt: iso(now),
      settleBy: iso(now + policy.settleDelayMs(windowSec)),
      state: 'propagating',
      ...(op === 'delete' && key ? { key } : {}),
    }
    this.records.put(record, this.live(policy, record, now, true))
    this.changed()
    return record
  }

  onListed(accountId: string, keys: readonly KeyRecord[]): void {
    if (this.observe(accountId, keys, new Set())) this.changed()
  }

  forgetAccount(accountId: string): void {
    if (this.records.dropAccount(accountId)) this.changed()
  }

  private live(policy: Policy, record: Propagation, now: number, fresh: boolean): Live {
    const run = policy.start(record, now, fresh, this.random())
    // Without a prober nothing can be tried early: only the policy's own reads wake the timer.
    return { policy, run: this.options.prober ? run : { ...run, probeAt: Infinity }, paused: false }
  }

  private policyOf(accountId: string, op: PropagationOp): Policy | null {
    try {
      const model = this.ports.providers.get(this.accounts.get(accountId).provider).descriptor.changes[op].model
      return model === 'none' ? null : policyFor(model)
    } catch {
      return null
    }
  }

  private async tick(): Promise<void> {
    this.ticking = true
    try {
      const now = this.ports.clock.now()
      const pruned = this.records.prune(now)
      const due = new Map<string, Entry[]>()
      for (const entry of this.records.values()) {
        if (!entry.live || !(this.readDue(entry, now) || this.probeDue(entry, now))) continue
        const group = due.get(entry.record.accountId)
        if (group) group.push(entry)
        else due.set(entry.record.accountId, [entry])
      }
      const finished = this.finished
      await Promise.all([...due].map(([accountId, entries]) => this.check(accountId, entries, now)))
      // A check time alone is not worth a write: a restart checks again anyway.
      if (pruned || this.finished !== finished) this.records.persist()
      if (pruned || due.size > 0) this.ports.emit('propagation.updated', { records: this.all() })
    } finally {
      this.ticking = false
      this.arm()
    }
  }

  private look(entry: Entry, live: Live, now = this.ports.clock.now()): Look {
    const service = (): string => this.names(entry.record.accountId).service
    return { record: entry.record, run: live.run, now, random: this.random(), service }
  }

  private readDue(entry: Entry, now: number): boolean {
    const live = entry.live
    return !!live && live.policy.readDue(this.look(entry, live, now), !live.paused)
  }

  private probeDue(entry: Entry, now: number): boolean {
    const live = entry.live
    return !!live && !live.paused && live.policy.probeDue(this.look(entry, live, now))
  }

  private async check(accountId: string, due: readonly Entry[], now: number): Promise<void> {
    let provider: KeyProvider
    try {
      provider = this.ports.providers.get(this.accounts.get(accountId).provider)
    } catch {
      this.records.dropAccount(accountId)
      return
    }
    // A due read comes first: it leads to a probe when the service's state is as asked.
    const dueReads = due.filter((e) => this.readDue(e, now))
    await Promise.all(due.filter((e) => this.probeDue(e, now) && !dueReads.includes(e)).map((e) => this.probe(e)))
    if (dueReads.length === 0) return
    // One listing answers every record of the account it can: they are all read now, so their schedules fall into
    // step and the next poll is one request for the account, not one per key on its own jittered timer.
    const reads = [...dueReads, ...this.records.listableNow(accountId, dueReads, now)]
    try {
      const ctx = await this.accounts.context(accountId)
      this.stats.requests++
      if (reads.length >= 2) this.observe(accountId, await provider.list(ctx), new Set(reads))
      else this.read(reads[0], await readKey(provider, ctx, reads[0].record.keyId))
    } catch (err) {
      if (err instanceof AppError && NEEDS_ATTENTION.has(err.code)) this.pause(accountId, reads, err)
      else
        for (const e of reads)
          if (e.live && this.records.isCurrent(e)) e.live.run = e.live.policy.onError(this.look(e, e.live))
    }
    await Promise.all(reads.filter((e) => e.live && this.probeDue(e, this.ports.clock.now())).map((e) => this.probe(e)))
  }

  private read(entry: Entry, key: KeyRecord | null): void {
    const live = entry.live
    if (live && this.records.isCurrent(entry))
      this.apply(entry, live.policy.onRead(this.look(entry, live), key, true), true)
  }

  private async probe(entry: Entry): Promise<void> {
    const prober = this.options.prober
    this.stats.requests += prober ? 1 : 0
    const answer = prober
      ? await prober(entry.record.accountId, entry.record.keyId, entry.record.op).catch(() => 'unknown' as const)
      : 'not-held'
    const live = entry.live
    if (live && this.records.isCurrent(entry))
      this.apply(entry, live.policy.onProbe(this.look(entry, live), answer), true)
  }

  /** Applies a listing to every propagating record of the account; `due` marks the reads that were scheduled. */
  private observe(accountId: string, keys: readonly KeyRecord[], due: ReadonlySet<Entry>): boolean {
    // Built only when a record of this account needs it: most listings have none to settle.
    let byId: Map<string, KeyRecord> | null = null
    const now = this.ports.clock.now()
    let touched = false
    for (const entry of this.records.values()) {
      if (!entry.live || entry.record.accountId !== accountId) continue
      const before = entry.record
      // A listing that worked means the account works again.
      if (entry.live.paused) {
        entry.live = this.live(entry.live.policy, entry.record, now, false)
        entry.record = withoutNote(entry.record)
      }
      const live = entry.live
      if (live.policy.listable(entry.record, now)) {
        byId ??= new Map(keys.map((k) => [k.keyId, k]))
        const key = byId.get(entry.record.keyId) ?? null
        this.apply(entry, live.policy.onRead(this.look(entry, live, now), key, due.has(entry)), due.has(entry))
      }
      touched ||= entry.record !== before
    }
    return touched
  }

  /** `looked`: the service was asked for this record, so its check time moves. */
  private apply(entry: Entry, step: Step, looked: boolean): void {
    const live = entry.live
    if (!live) return
    switch (step.kind) {
      case 'wait':
      case 'probe':
        live.run = step.run
        if (looked) entry.record = { ...withoutNote(entry.record), checkedAt: iso(this.ports.clock.now()) }
        return
      case 'settled':
      case 'failed':
        return this.finish(entry, step)
    }
  }

  private pause(accountId: string, entries: readonly Entry[], err: AppError): void {
    const now = this.ports.clock.now()
    for (const entry of entries) {
      if (!entry.live || !this.records.isCurrent(entry)) continue
      entry.live.paused = true
      entry.live.run = { ...entry.live.run, dueAt: now + PAUSED_RETRY_MS }
      entry.record = { ...entry.record, note: PAUSED_NOTE }
    }
    if (err.code === 'AUTH_FAILED') this.accounts.setStatus(accountId, 'rejected', err.message)
  }

  private finish(entry: Entry, step: Extract<Step, { kind: 'settled' | 'failed' }>): void {
    const { accountId, keyId, op } = entry.record
    const note = step.note ? { note: step.note } : {}
    entry.record = { ...withoutNote(entry.record), state: step.kind, checkedAt: iso(this.ports.clock.now()), ...note }
    entry.live = null
    this.finished += 1
    const { label } = this.names(accountId)
    const message =
      step.kind === 'settled' ? settledMessage(op, keyId, label, step.note) : failedMessage(op, keyId, label, step.note)
    this.ports.emit('notify', { ...message, outcome: step.kind })
    this.options.onFinished?.(entry.record)
  }

  /** The account's label and service name, for words; a removed account still gets some. */
  private names(accountId: string): { label: string; service: string } {
    try {
      const account = this.accounts.get(accountId)
      return { label: account.label, service: this.ports.providers.get(account.provider).descriptor.name }
    } catch {
      return { label: accountId, service: 'service' }
    }
  }

  private random(): number {
    return (this.options.random ?? Math.random)()
  }

  private changed(): void {
    this.arm()
    this.records.changed()
  }

  /** Points the one timer at the earliest moment any record needs attention. */
  private arm(): void {
    if (!this.running || this.ticking) return
    let at = Infinity
    for (const entry of this.records.values()) at = Math.min(at, wakeAt(entry))
    this.alarm.set(at)
  }
}
