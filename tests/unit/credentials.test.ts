import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { AppError } from '../../src/shared/errors'
import type { VaultStatus } from '../../src/shared/model'
import { vaultNames } from '../../src/main/core/vault'
import { MemoryVault } from '../support/memory-vault'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { addAccount, openCore, removeDir, testSandbox, until, type Harness } from './create-harness'
import { credentialOf } from './providers-support'

/** A keychain that counts the secrets read from it and can be locked. */
class CountingVault extends MemoryVault {
  reads = 0
  state: VaultStatus['state'] = 'available'
  override async get(name: string): Promise<string | null> {
    if (this.state !== 'available') throw new Error('the keyring is locked')
    this.reads += 1
    return super.get(name)
  }
  override async names(): Promise<string[]> {
    if (this.state !== 'available') throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked. Unlock it.')
    return super.names()
  }
  override async status(): Promise<VaultStatus> {
    return this.state === 'available'
      ? { state: 'available' }
      : { state: 'locked', reason: 'The keychain is locked.', fix: 'Unlock your "login" keyring.' }
  }
}

let sb: Sandbox
let h: Harness
let vault: CountingVault
beforeAll(async () => {
  sb = await testSandbox({ seed: 'credentials' })
  vault = new CountingVault()
  h = openCore({ vault })
})
afterAll(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

describe("an account's credential", () => {
  it('is read from the keychain once, not on every listing', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    const before = vault.reads
    for (let i = 0; i < 5; i += 1) await h.call('keys.list', { accountId: account.id })
    expect(vault.reads - before).toBe(1)
    await h.call('accounts.remove', { id: account.id })
  })

  it('is not used while the keyring is locked, and is read afresh once it is open again', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    await h.call('keys.list', { accountId: account.id })
    vault.state = 'locked'
    const told = h.events.length
    const refused = await h.failure('keys.list', { accountId: account.id })
    expect(refused.code).toBe('KEYCHAIN_UNAVAILABLE')
    expect(refused.message).toMatch(/locked/)
    // The keychain's status everyone sees follows at once, not at the watch's next look.
    const status = await until('the keychain status event', () =>
      h.events.slice(told).find((e) => e.name === 'vault.status'),
    )
    expect(status.payload).toMatchObject({ state: 'locked' })
    const row = (await h.call('accounts.list', {})).find((a) => a.id === account.id)
    expect(row?.status).toBe('keychain')
    vault.state = 'available'
    // Open again, as the watch's next look (or the window asking) finds it.
    expect(await h.call('vault.status', {})).toMatchObject({ state: 'available' })
    const before = vault.reads
    await h.call('keys.list', { accountId: account.id })
    expect(vault.reads - before).toBe(1)
    await h.call('accounts.remove', { id: account.id })
  })

  it('is read afresh once it has vanished from the keychain, and the account then says so', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    await h.call('keys.list', { accountId: account.id })
    await vault.delete(vaultNames.credential('cloudmc', account.id))
    expect((await h.failure('keys.list', { accountId: account.id })).code).toBe('KEYCHAIN_UNAVAILABLE')
    const row = (await h.call('accounts.list', {})).find((a) => a.id === account.id)
    expect(row?.status).toBe('keychain')
    await h.call('accounts.remove', { id: account.id })
  })

  it('is read afresh after it was re-entered, and the new one is used', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    await h.call('keys.list', { accountId: account.id })
    const wrong = { provider: 'cloudmc' as const, apiKey: 'not-the-key-of-this-account' }
    expect((await h.failure('accounts.update', { id: account.id, credential: wrong })).code).toBe('AUTH_FAILED')
    await h.call('keys.list', { accountId: account.id })
    const seed = sb.accounts.find((a) => a.provider === 'cloudmc')!
    await h.call('accounts.update', { id: account.id, credential: credentialOf(seed) })
    const before = vault.reads
    await h.call('keys.list', { accountId: account.id })
    expect(vault.reads - before).toBe(1)
    await h.call('accounts.remove', { id: account.id })
  })

  it('is not kept while KeyDesk is locked, and what was kept is dropped when it locks', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    await h.call('keys.list', { accountId: account.id })
    await h.call('lock.setPassphrase', { passphrase: 'correct horse battery staple', idleMinutes: 0 })
    await h.call('lock.lock', {})
    const before = vault.reads
    await h.call('keys.list', { accountId: account.id })
    await h.call('keys.list', { accountId: account.id })
    expect(vault.reads - before).toBe(2)
    await h.call('lock.unlock', { passphrase: 'correct horse battery staple' })
    await h.call('keys.list', { accountId: account.id })
    await h.call('keys.list', { accountId: account.id })
    expect(vault.reads - before).toBe(3)
  })

  it('is read as the core starts, for the window that lists every account at once; not for a command', async () => {
    const own = openCore()
    const account = await addAccount(own, sb, 'cloudmc')
    await own.close()
    for (const host of ['browser', 'cli'] as const) {
      const fresh = new CountingVault()
      await fresh.set(
        vaultNames.credential('cloudmc', account.id),
        JSON.stringify(credentialOf(sb.accounts.find((a) => a.provider === 'cloudmc')!)),
      )
      const core = new AppCore({
        dataDir: own.dir,
        version: '0.1.0',
        host,
        vault: fresh,
        clipboard: new MemoryClipboard(),
      })
      try {
        await core.start()
        // At start: the window's read of every credential, not for a command (Repair looks later).
        const atStart = host === 'browser' ? 1 : 0
        await until('the reads at start', () => (fresh.reads >= atStart ? true : undefined))
        const listed = await core.invoke('keys.list', { accountId: account.id })
        expect(listed.ok).toBe(true)
        expect([host, fresh.reads - atStart]).toEqual([host, host === 'browser' ? 0 : 1])
      } finally {
        await core.close()
      }
    }
    removeDir(own.dir)
  })
})
