import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Channel, Reply } from '../../src/shared/api'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { LOCKED_MESSAGE } from '../../src/main/core/lock'
import { FakeClock } from '../support/fake-clock'
import { MemoryVault } from '../support/memory-vault'

const PASSPHRASE = 'correct horse battery staple'
const MINUTE = 60_000
const KEPT = { accountId: 'acct-1', keyId: 'key-1' }

let dir: string
let clock: FakeClock
let core: AppCore

function open(host: 'browser' | 'cli' = 'browser'): AppCore {
  return new AppCore({
    dataDir: dir,
    version: '0.1.0',
    host,
    vault: new MemoryVault(),
    clipboard: new MemoryClipboard(),
    clock,
  })
}

async function value(channel: Channel, input: unknown = {}): Promise<unknown> {
  const reply = await core.invoke(channel, input)
  if (!reply.ok) throw new Error(`${channel} failed: ${JSON.stringify(reply.error)}`)
  return reply.value
}

function code(reply: Reply): string | undefined {
  return reply.ok ? undefined : (reply.error as { code: string }).code
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-lock-'))
  clock = new FakeClock(Date.UTC(2026, 0, 1))
  core = open()
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the app lock', () => {
  it('is off until a passphrase is set: lock on demand changes nothing', async () => {
    expect(await value('lock.lock')).toEqual({ enabled: false, locked: false, idleMinutes: 0 })
    expect(code(await core.invoke('keys.copySecret', { ...KEPT, part: 'secret' }))).not.toBe('LOCKED')
  })

  it('locks after the idle time set and not before; any request restarts the wait', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 5 })
    await clock.advance(4 * MINUTE)
    await value('accounts.list')
    await clock.advance(4 * MINUTE)
    expect(await value('lock.status')).toMatchObject({ locked: false })
    await clock.advance(1 * MINUTE + 1)
    expect(await value('lock.status')).toMatchObject({ enabled: true, locked: true, idleMinutes: 5 })
  })

  it('refuses every request that releases or uses a kept secret while locked, and lets them through after unlock', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 0 })
    await value('lock.lock')
    const releasing: [Channel, object][] = [
      ['keys.try', KEPT],
      ['keys.copySecret', { ...KEPT, part: 'secret' }],
      ['keys.export', { ...KEPT, format: 'env' }],
      ['keys.exportTo', { ...KEPT, format: 'env', path: join(dir, 'out.env') }],
      ['keys.secretForProgram', { ...KEPT, purpose: 'env' }],
    ]
    for (const [channel, input] of releasing) {
      const reply = await core.invoke(channel, input, 'cli')
      expect(reply).toMatchObject({ ok: false, error: { code: 'LOCKED', message: LOCKED_MESSAGE } })
    }
    // Lists stay visible while locked.
    expect((await core.invoke('accounts.list', {})).ok).toBe(true)

    await value('lock.unlock', { passphrase: PASSPHRASE })
    for (const [channel, input] of releasing) {
      // Past the lock: no such account here, so the core's own answer comes back.
      expect(code(await core.invoke(channel, input, 'cli'))).toBe('NOT_FOUND')
    }
  })

  it('stays locked for a wrong passphrase, and makes repeated failures wait', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 0 })
    await value('lock.lock')
    for (let i = 0; i < 3; i += 1) {
      const reply = await core.invoke('lock.unlock', { passphrase: 'not it' })
      expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', message: /not the one set/ } })
    }
    expect(await value('lock.status')).toMatchObject({ locked: true })
    // The third failure earned a wait: even the right passphrase is refused until it passes.
    expect(await core.invoke('lock.unlock', { passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_FAILED', message: /try again in 1 s/ },
    })
    await clock.advance(1000)
    expect(await value('lock.unlock', { passphrase: PASSPHRASE })).toMatchObject({ locked: false })
  })

  it('stores only a salted hash: neither the hash nor the settings file holds the passphrase', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 10 })
    const stored = core.settings.get('lock')
    expect(stored).not.toBeNull()
    const file = readFileSync(core.settings.path, 'utf8')
    for (const text of [JSON.stringify(stored), file]) {
      expect(text).not.toContain(PASSPHRASE)
      expect(text).not.toContain(Buffer.from(PASSPHRASE).toString('base64'))
      expect(text).not.toContain(Buffer.from(PASSPHRASE).toString('hex'))
    }
    // A random salt: the same passphrase set again is stored differently.
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, current: PASSPHRASE, idleMinutes: 10 })
    expect(core.settings.get('lock')?.salt).not.toBe(stored?.salt)
    expect(core.settings.get('lock')?.hash).not.toBe(stored?.hash)
  })

  it('needs the current passphrase to change or remove it', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 0 })
    const reply = await core.invoke('lock.setPassphrase', { passphrase: null, current: 'guess', idleMinutes: 0 })
    expect(code(reply)).toBe('AUTH_FAILED')
    expect(await value('lock.setPassphrase', { passphrase: null, current: PASSPHRASE, idleMinutes: 0 })).toEqual({
      enabled: false,
      locked: false,
      idleMinutes: 0,
    })
  })

  it('starts locked after a restart when a passphrase is set', async () => {
    await value('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 0 })
    await core.close()
    core = open()
    expect(await value('lock.status')).toMatchObject({ enabled: true, locked: true })
  })
})
