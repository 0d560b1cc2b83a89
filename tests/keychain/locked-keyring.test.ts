// A locked keyring (a screen lock does this) must not crash, hang or mislead KeyDesk, and unlocking must bring it
// back without a restart. Runs against the real gnome-keyring of scripts/with-keyring.sh.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView, VaultStatus } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { toNewAccount } from '../../src/main/core/demo'
import { KeytarVault, vaultNames } from '../../src/main/core/vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from './guard'
import { lockKeyring, unlockKeyring } from './keyring'
import { stringMatching } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('a locked keyring', () => {
  const service = `KeyDesk Locked ${process.pid}`
  const vault = new KeytarVault(service, { retryAfterMs: 0 })
  let sandbox: Sandbox
  let dir: string
  let core: AppCore
  let account: AccountView
  const statuses: VaultStatus[] = []
  const figures: Record<string, number> = {}

  const call = async (channel: string, input: unknown) => core.invoke(channel, input)

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, accountsPerProvider: 1, seed: 'locked-keyring', log: () => undefined })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-locked-'))
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
    core.onEvent((event, payload) => {
      if (event === 'vault.status') statuses.push(payload as VaultStatus)
    })
    await core.start()
    const r = await call('accounts.add', toNewAccount(sandbox.accounts.find((a) => a.provider === 'cloudmc')!))
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    account = r.value as AccountView
    await vault.set(vaultNames.keySecret('cloudmc', account.id, 'kept-key'), '{"secret":{"keyId":"kept-key"}}')
  })

  afterAll(async () => {
    await unlockKeyring().catch(() => undefined)
    await core.close()
    await sandbox.close()
    const cleanup = new KeytarVault(service)
    for (const name of await cleanup.names()) await cleanup.delete(name)
    await cleanup.close()
    rmSync(dir, { recursive: true, force: true })
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/figures-locked-keyring.json', JSON.stringify(figures, null, 2))
  })

  it('is reported as locked with what to do, and no request reaches keytar while it is', async () => {
    const before = await vault.helperStats()
    await lockKeyring()
    const status = await call('vault.status', {})
    expect(status).toMatchObject({ ok: true, value: { state: 'locked', fix: stringMatching(/Unlock/) } })

    const requests: Array<[string, unknown]> = [
      ['keys.kept', { accountId: account.id }],
      ['keys.list', { accountId: account.id }],
      ['keys.copySecret', { accountId: account.id, keyId: 'kept-key', part: 'secret' }],
      ['accounts.remove', { id: account.id }],
      ['accounts.check', { id: account.id }],
      ['vault.status', {}],
    ]
    let refused = 0
    for (let round = 0; round < 5; round++) {
      for (const [channel, input] of requests) {
        const r = await call(channel, input)
        if (!r.ok) {
          refused++
          expect(r.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: stringMatching(/locked/) })
        }
      }
    }
    const after = await vault.helperStats()
    figures.requestsWhileLocked = requests.length * 5
    figures.refusedWhileLocked = refused
    figures.keytarCallsWhileLocked = after.keytarCalls - before.keytarCalls
    figures.helperCrashesWhileLocked = after.pid === before.pid ? 0 : 1
    expect(after.keytarCalls).toBe(before.keytarCalls)
    expect(after.pid).toBe(before.pid)

    // Never "credential missing: re-enter it" for a credential that is only locked away, and never half-removed.
    const listed = (await call('accounts.list', {})) as { ok: true; value: AccountView[] }
    const row = listed.value.find((a) => a.id === account.id)!
    expect(row).toBeDefined()
    expect(row.statusMessage ?? '').not.toMatch(/missing|re-enter/)
  })

  it('recovers by itself once the keyring is unlocked, without a restart', async () => {
    const seen = statuses.length
    const started = Date.now()
    await unlockKeyring()
    const back = await new Promise<VaultStatus>((resolve) => {
      const stop = core.onEvent((event, payload) => {
        if (event === 'vault.status' && (payload as VaultStatus).state === 'available') {
          stop()
          resolve(payload as VaultStatus)
        }
      })
    })
    figures.recoveryMsAfterUnlock = Date.now() - started
    expect(back.state).toBe('available')
    expect(statuses.length).toBeGreaterThan(seen)
    const kept = await call('keys.kept', { accountId: account.id })
    expect(kept).toEqual({ ok: true, value: ['kept-key'] })
    const removed = await call('accounts.remove', { id: account.id })
    expect(removed.ok).toBe(true)
    expect(await vault.names()).toEqual([])
  })

  it('restarts a helper that crashed, on the next call', async () => {
    await vault.set('probe/crash', 'x')
    const { pid } = await vault.helperStats()
    const pending = vault.get('probe/crash')
    process.kill(pid, 'SIGSEGV')
    await expect(pending).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(await vault.get('probe/crash')).toBe('x')
    expect((await vault.helperStats()).pid).not.toBe(pid)
    await vault.delete('probe/crash')
  })
})
