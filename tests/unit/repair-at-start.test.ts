// Repair's look at the keychain when KeyDesk starts waits until the window's first screen is out, then says what it
// found once.
import { afterEach, describe, expect, it } from 'vitest'
import { REPAIR_AT_START_DELAY_MS } from '../../src/main/core/app-core'
import { vaultNames } from '../../src/main/core/vault'
import { FakeClock } from '../support/fake-clock'
import { MemoryVault } from '../support/memory-vault'
import { openCore, removeDir, type Harness } from './create-harness'

/** A keychain that counts how often its entries are listed (Repair lists them all). */
class ListingVault extends MemoryVault {
  listings = 0
  override async names(): Promise<string[]> {
    this.listings += 1
    return super.names()
  }
}

const opened: Harness[] = []
afterEach(async () => {
  for (const h of opened.splice(0)) {
    await h.close()
    removeDir(h.dir)
  }
})

async function started(vault: ListingVault, clock: FakeClock, host: 'browser' | 'cli' = 'browser'): Promise<Harness> {
  const h = openCore({ vault, clock, host })
  opened.push(h)
  await h.core.start()
  return h
}

describe('Repair at start', () => {
  it('looks at the keychain only once the first screen has had its time, then says what it found', async () => {
    const vault = new ListingVault()
    await vault.set(vaultNames.credential('cloudmc', 'gone'), 'left behind')
    const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'))
    const h = await started(vault, clock)
    const notices = async (): Promise<readonly string[]> => (await h.call('app.info', {})).notices
    const notified = (): unknown[] => h.events.filter((e) => e.name === 'notify').map((e) => e.payload)
    await clock.advance(REPAIR_AT_START_DELAY_MS - 1)
    expect(vault.listings).toBe(0)
    expect(await notices()).toEqual([])
    expect(notified()).toEqual([])
    await clock.advance(1)
    expect(vault.listings).toBe(1)
    const found = 'Repair found 1 keychain entry no account owns and 0 accounts without a credential.'
    expect((await notices()).filter((n) => n.startsWith(found))).toHaveLength(1)
    expect(notified()).toEqual([{ title: 'Repair', body: expect.stringContaining(found) as unknown }])
  })

  it('never looks for a command of the CLI, which shows no notice', async () => {
    const vault = new ListingVault()
    await vault.set(vaultNames.credential('cloudmc', 'gone'), 'left behind')
    const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'))
    await started(vault, clock, 'cli')
    await clock.advance(REPAIR_AT_START_DELAY_MS * 2)
    expect(vault.listings).toBe(0)
  })

  it('does not look when KeyDesk closes before then', async () => {
    const vault = new ListingVault()
    const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'))
    const h = await started(vault, clock)
    opened.splice(opened.indexOf(h), 1)
    await h.close()
    await clock.advance(REPAIR_AT_START_DELAY_MS * 2)
    expect(vault.listings).toBe(0)
    removeDir(h.dir)
  })
})
