import { describe, expect, it } from 'vitest'
import { dueReminder, expiryFlag, expiryRank, expiryWords } from '../../src/shared/expiry'
import type { Account, KeyRecord } from '../../src/shared/model'
import { Reminders, type Reminder } from '../../src/main/core/reminders'
import type { ReminderGiven } from '../../src/main/core/settings'

const DAY = 86_400_000
const NOW = Date.parse('2026-11-30T12:00:00.000Z')
const at = (days: number): string => new Date(NOW + days * DAY).toISOString()

function key(keyId: string, expiresAt?: string, state: KeyRecord['state'] = 'enabled'): KeyRecord {
  return {
    provider: 'spaceone-apps',
    accountId: 'a1',
    keyId,
    name: keyId,
    state,
    createdAt: '2026-01-01T00:00:00.000Z',
    extra: {},
    ...(expiresAt ? { expiresAt } : {}),
  }
}

const account: Account = {
  id: 'a1',
  provider: 'spaceone-apps',
  label: 'Prod',
  endpoint: 'https://console-v2.example.com',
  facts: { ownKeyId: 'own' },
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  propagationWindowSec: 600,
  refreshIntervalSec: 60,
}

function harness(start = NOW) {
  let now = start
  let stored: ReminderGiven[] = []
  const told: Reminder[] = []
  let writes = 0
  const settings = {
    get: () => stored,
    set: (_k: 'reminders', v: ReminderGiven[] | undefined) => {
      writes += 1
      stored = v ?? []
    },
  }
  const reminders = new Reminders(
    settings as never,
    (r) => told.push(r),
    () => now,
  )
  return {
    reminders,
    told,
    advance: (days: number) => (now += days * DAY),
    stored: () => stored,
    writes: () => writes,
  }
}

describe('expiry as a fact of every key', () => {
  it('flags keys expired or expiring within 30 days, and never deleted keys or keys without an expiry', () => {
    expect(expiryFlag(key('a', at(-1)), NOW)).toBe('expired')
    expect(expiryFlag(key('b', at(30)), NOW)).toBe('expiring')
    expect(expiryFlag(key('c', at(31)), NOW)).toBeUndefined()
    expect(expiryFlag(key('d'), NOW)).toBeUndefined()
    expect(expiryFlag(key('e', at(-1), 'deleted'), NOW)).toBeUndefined()
  })

  it('sorts the soonest expiry first and keys that never expire last', () => {
    const keys = [key('never'), key('late', at(100)), key('soon', at(2)), key('gone', at(-5))]
    expect([...keys].sort((x, y) => expiryRank(x) - expiryRank(y)).map((k) => k.keyId)).toEqual([
      'gone',
      'soon',
      'late',
      'never',
    ])
  })

  it('says when in words', () => {
    expect(expiryWords(at(6.5), NOW)).toBe('Expires in 7 days (2026-12-07)')
    expect(expiryWords(at(-3), NOW)).toBe('Expired 3 days ago (2026-11-27)')
  })

  it('makes the most urgent threshold due: 30, 7, 1 days, then 0 once expired', () => {
    expect(dueReminder(at(31), NOW)).toBeUndefined()
    expect(dueReminder(at(29), NOW)).toBe(30)
    expect(dueReminder(at(6), NOW)).toBe(7)
    expect(dueReminder(at(0.5), NOW)).toBe(1)
    expect(dueReminder(at(-0.1), NOW)).toBe(0)
  })
})

describe('expiry reminders', () => {
  it('reminds once per threshold at 30, 7 and 1 days and once when expired, as time passes', () => {
    const h = harness()
    const keys = [key('report-bot', at(35))]
    const titles = (): string[] => h.told.map((r) => r.title)
    h.reminders.check(account, keys)
    expect(titles()).toEqual([])
    h.advance(6)
    h.reminders.check(account, keys)
    h.reminders.check(account, keys)
    expect(titles()).toEqual(['report-bot expires in 29 days'])
    h.advance(23)
    h.reminders.check(account, keys)
    h.advance(5.5)
    h.reminders.check(account, keys)
    h.advance(1)
    h.reminders.check(account, keys)
    expect(titles()).toEqual([
      'report-bot expires in 29 days',
      'report-bot expires in 6 days',
      'report-bot expires in 1 day',
      'report-bot has expired',
    ])
    expect(h.told[1]?.body).toContain('report-bot in Prod expires on 2027-01-04')
  })

  it('skips thresholds already passed when KeyDesk first sees a key, and tells when it is the account credential', () => {
    const h = harness()
    h.reminders.check(account, [key('own', at(3))])
    expect(h.told.map((r) => r.title)).toEqual(['own expires in 3 days'])
    expect(h.told[0]?.body).toContain('the credential KeyDesk uses')
  })

  it('starts again after a regenerate gives the key a new expiry, and forgets keys no longer listed', () => {
    const h = harness()
    h.reminders.check(account, [key('a', at(5)), key('b', at(5))])
    expect(h.told).toHaveLength(2)
    h.reminders.check(account, [key('a', at(200))])
    expect(h.stored().map((r) => r.id.split('\n')[1])).toEqual([])
    h.advance(195)
    h.reminders.check(account, [key('a', at(200))])
    expect(h.told.map((r) => r.title).at(-1)).toBe('a expires in 5 days')
  })

  it('writes the settings only when a reminder changes, not on every listing of several accounts', () => {
    const h = harness()
    const other: Account = { ...account, id: 'a2' }
    const otherKey = (id: string): KeyRecord => ({ ...key(id, at(20)), accountId: 'a2' })
    h.reminders.check(account, [key('one', at(20))])
    h.reminders.check(other, [otherKey('two')])
    const written = h.writes()
    for (let i = 0; i < 4; i += 1) {
      h.reminders.check(account, [key('one', at(20))])
      h.reminders.check(other, [otherKey('two')])
    }
    expect(h.writes()).toBe(written)
    expect(h.told).toHaveLength(2)
  })
})
