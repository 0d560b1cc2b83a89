// KeyDesk's own expiry reminders (the services' e-mails are off by default, spaceone-apps.md §7): after each
// listing, every key within a reminder threshold is announced once per threshold, and once more when it expires.
import { dueReminder, REMINDER_DAYS } from '../../shared/expiry'
import type { Account, KeyRecord } from '../../shared/model'
import type { SettingsStore } from './settings'

export interface Reminder {
  readonly title: string
  readonly body: string
}

export class Reminders {
  constructor(
    private readonly settings: Pick<SettingsStore, 'get' | 'set'>,
    private readonly notify: (reminder: Reminder) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Gives the reminders a fresh listing makes due, and forgets the keys this account no longer lists. */
  check(account: Account, keys: readonly KeyRecord[], days: readonly number[] = REMINDER_DAYS): void {
    const stored = this.settings.get('reminders') ?? []
    const prefix = `${account.id}\n`
    // Only this account's entries can change: the others are neither rebuilt nor compared on every listing.
    const before = new Map(stored.filter((r) => r.id.startsWith(prefix)).map((r) => [r.id, r.days]))
    const after = new Map<string, number>()
    const now = this.now()
    const due: { key: KeyRecord; days: number }[] = []
    for (const key of keys) {
      if (!key.expiresAt || key.state === 'deleted' || key.state === 'failed') continue
      const id = `${prefix}${key.keyId}\n${key.expiresAt}`
      const threshold = dueReminder(key.expiresAt, now, days)
      const told = before.get(id)
      if (told !== undefined) after.set(id, told)
      if (threshold === undefined || (told !== undefined && told <= threshold)) continue
      after.set(id, threshold)
      due.push({ key, days: threshold })
    }
    const same = after.size === before.size && [...after].every(([id, d]) => before.get(id) === d)
    if (!same) {
      // In one order whichever account listed last.
      const list = [
        ...stored.filter((r) => !r.id.startsWith(prefix)),
        ...[...after].map(([id, d]) => ({ id, days: d })),
      ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      this.settings.set('reminders', list)
    }
    for (const d of due) this.notify(words(account, d.key, d.days, now))
  }
}

function words(account: Account, key: KeyRecord, days: number, now: number): Reminder {
  const date = (key.expiresAt ?? '').slice(0, 10)
  const own = account.facts.ownKeyId === key.keyId ? ' It is the credential KeyDesk uses for this account.' : ''
  if (days === 0) {
    return {
      title: `${key.name} has expired`,
      body:
        `${key.name} in ${account.label} expired on ${date}: programs using it get 401 errors.${own} ` +
        'Open it in KeyDesk and rotate or regenerate it.',
    }
  }
  const left = Math.max(1, Math.ceil((Date.parse(key.expiresAt ?? '') - now) / 86_400_000))
  return {
    title: `${key.name} expires in ${left} day${left === 1 ? '' : 's'}`,
    body: `${key.name} in ${account.label} expires on ${date}.${own} Rotate it in KeyDesk before then, without a gap.`,
  }
}
