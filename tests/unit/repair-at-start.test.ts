// Repair's look at the keychain when KeyDesk starts waits until the window's first screen is out, then says what it
// found once.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppCore, REPAIR_AT_START_DELAY_MS } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { vaultNames } from '../../src/main/core/vault'
import { FakeClock } from '../support/fake-clock'
import { MemoryVault } from '../support/memory-vault'
import { removeDir } from './create-harness'

/** A keychain that counts how often its entries are listed (Repair lists them all). */
class ListingVault extends MemoryVault {
  listings = 0
  override async names(): Promise<string[]> {
    this.listings += 1
    return super.names()
  }
}

const dirs: string[] = []
const cores: AppCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
  for (const d of dirs.splice(0)) removeDir(d)
})

async function started(
  vault: ListingVault,
  clock: FakeClock,
): Promise<{ core: AppCore; notices: () => Promise<string[]> }> {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-repair-start-'))
  dirs.push(dir)
  const core = new AppCore({
    dataDir: dir,
    version: '0.1.0',
    host: 'browser',
    vault,
    clipboard: new MemoryClipboard(),
    clock,
  })
  cores.push(core)
  await core.start()
  const notices = async (): Promise<string[]> => {
    const reply = await core.invoke('app.info', {})
    if (!reply.ok) throw new Error(JSON.stringify(reply.error))
    return (reply.value as { notices: string[] }).notices
  }
  return { core, notices }
}

describe('Repair at start', () => {
  it('looks at the keychain only once the first screen has had its time, then says what it found', async () => {
    const vault = new ListingVault()
    await vault.set(vaultNames.credential('cloudmc', 'gone'), 'left behind')
    const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'))
    const { core, notices } = await started(vault, clock)
    const notified: { title: string; body: string }[] = []
    core.onEvent((event, payload) => {
      if (event === 'notify') notified.push(payload as { title: string; body: string })
    })
    await clock.advance(REPAIR_AT_START_DELAY_MS - 1)
    expect(vault.listings).toBe(0)
    expect(await notices()).toEqual([])
    await clock.advance(1)
    expect(vault.listings).toBe(1)
    const found = 'Repair found 1 keychain entry no account owns and 0 accounts without a credential.'
    expect((await notices()).filter((n) => n.startsWith(found))).toHaveLength(1)
    expect(notified.map((n) => [n.title, n.body.startsWith(found)])).toEqual([['Repair', true]])
  })

  it('does not look when KeyDesk closes before then', async () => {
    const vault = new ListingVault()
    const clock = new FakeClock(Date.parse('2026-11-30T12:00:00Z'))
    const { core } = await started(vault, clock)
    await core.close()
    cores.splice(cores.indexOf(core), 1)
    await clock.advance(REPAIR_AT_START_DELAY_MS * 2)
    expect(vault.listings).toBe(0)
  })
})
