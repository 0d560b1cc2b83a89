// One policy per propagation model: pure rules of when to look at a record and what a look means. No clock, no
// timers, no requests: the scheduler owns those and hands each policy the time and what the service said.
import type { KeyRecord, PropagationModel, Propagation } from '../../../shared/model'

/** What testing the key itself said: refused, still accepted, no answer, or KeyDesk does not hold its secret. */
export type Probe = 'refused' | 'accepted' | 'unknown' | 'not-held'

export type Tracked = Exclude<PropagationModel, 'none'>

/** When a record next wants a read of the key and a probe of it (Infinity: never); rebuilt on restart. */
export interface Run {
  readonly dueAt: number
  readonly probeAt: number
  /** Reads so far that found the change unfinished: the backoff step. */
  readonly step: number
}

export type Step =
  | { readonly kind: 'wait'; readonly run: Run }
  | { readonly kind: 'probe'; readonly run: Run }
  | { readonly kind: 'settled'; readonly note?: string }
  | { readonly kind: 'failed'; readonly note: string }

export interface Look {
  readonly record: Propagation
  readonly run: Run
  readonly now: number
  /** 0 ≤ random < 1, for jitter. */
  readonly random: number
  /** The service's name, for words (looked up only when words need it). */
  readonly service: () => string
}

export interface Policy {
  /** How long after the request the change should be in force, for the record's settleBy. */
  settleDelayMs(windowSec: number): number
  /** The schedule of a new record, or of one read back after a restart or a pause. */
  start(record: Propagation, now: number, fresh: boolean, random: number): Run
  /** Whether a read of the key now is due (`slack`: may ride along with another read due now). */
  readDue(look: Look, slack: boolean): boolean
  probeDue(look: Look): boolean
  /** Whether any listing taken now may judge the record. */
  listable(record: Propagation, now: number): boolean
  /** What a read of the key says; `scheduled` when it was the record's own due read. */
  onRead(look: Look, key: KeyRecord | null, scheduled: boolean): Step
  onProbe(look: Look, probe: Probe): Step
  /** The read or probe failed for a passing reason (the network): when to try again. */
  onError(look: Look): Run
}

const BACKOFF_FIRST_MS = 1_000
const BACKOFF_MAX_MS = 30_000
const JITTER = 0.2

/** The wait before read number `step` (0-based): 1, 2, 4, 8, 16, 30, 30… s, each ±20 % so many keys do not read in step. */
export function backoffMs(step: number, random: number): number {
  const base = Math.min(BACKOFF_FIRST_MS * 2 ** step, BACKOFF_MAX_MS)
  return Math.round(base * (1 + JITTER * (2 * random - 1)))
}
