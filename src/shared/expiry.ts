// Expiry as a first-class fact of any key that has one (KeyRecord.expiresAt): the flag the list filters and sorts
// by, the words, and which reminder is due. Pure: the renderer, the CLI and the core's reminders share it.
import type { KeyRecord } from './model'

const DAY = 86_400_000

/** A key counts as expiring this many days ahead: the earliest reminder. */
export const EXPIRING_WITHIN_DAYS = 30
/** KeyDesk's own reminders (the services' e-mails are off by default): days before the expiry. */
export const REMINDER_DAYS: readonly number[] = [30, 7, 1]

export type ExpiryFlag = 'expired' | 'expiring'

/** Whole days until `expiresAt`, rounded up: 0.2 days left is "1 day"; negative once it has passed. */
export function daysLeft(expiresAt: string, now: number): number {
  return Math.ceil((Date.parse(expiresAt) - now) / DAY)
}

/** expired, expiring (within EXPIRING_WITHIN_DAYS), or nothing; deleted and failed keys have no flag. */
export function expiryFlag(key: KeyRecord, now: number): ExpiryFlag | undefined {
  if (!key.expiresAt || key.state === 'deleted' || key.state === 'failed') return undefined
  const at = Date.parse(key.expiresAt)
  if (Number.isNaN(at)) return undefined
  if (at <= now) return 'expired'
  return at - now <= EXPIRING_WITHIN_DAYS * DAY ? 'expiring' : undefined
}

/** Sort key: soonest expiry first; keys that never expire last. */
export function expiryRank(key: KeyRecord): number {
  const at = key.expiresAt ? Date.parse(key.expiresAt) : Number.NaN
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at
}

export function expiryWords(expiresAt: string, now: number): string {
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return 'Expiry unknown'
  const date = new Date(at).toISOString().slice(0, 10)
  if (at <= now) {
    const ago = Math.floor((now - at) / DAY)
    return ago === 0 ? `Expired today (${date})` : `Expired ${ago} day${ago === 1 ? '' : 's'} ago (${date})`
  }
  const left = daysLeft(expiresAt, now)
  return `Expires in ${left} day${left === 1 ? '' : 's'} (${date})`
}

/**
 * The reminder due now: the smallest threshold of `days` the key is within, or 0 once it has expired; undefined when
 * none is due. A reminder is given once per threshold, so the caller remembers the ones it gave.
 */
export function dueReminder(
  expiresAt: string,
  now: number,
  days: readonly number[] = REMINDER_DAYS,
): number | undefined {
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return undefined
  if (at <= now) return 0
  const within = days.filter((d) => at - now <= d * DAY)
  return within.length > 0 ? Math.min(...within) : undefined
}
