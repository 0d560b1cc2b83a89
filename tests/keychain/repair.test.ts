// Repair against the real keychain: entries left by a crash between the two stores are listed, removed only when
// confirmed, and none are left afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RepairReport } from '../../src/shared/api'
import type { AccountView } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { toNewAccount } from '../../src/main/core/demo'
import { KeytarVault, vaultNames } from '../../src/main/core/vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from './guard'
import { objectContaining, stringMatching } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('Repair', () => {
  const service = `KeyDesk Repair ${process.pid}`
  const vault = new KeytarVault(service)
  let sandbox: Sandbox
  let dir: string
  let core: AppCore
  const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.value as T
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, accountsPerProvider: 2, seed: 'repair', log: () => undefined })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-repair-'))
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
  })
  afterAll(async () => {
    await core.close()
    await sandbox.close()
    for (const name of await vault.names()) await vault.delete(name)
    await vault.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('lists orphans and missing credentials, removes only what was confirmed, and leaves none after a full fix', async () => {
    const [a, b] = sandbox.accounts.filter((x) => x.provider === 'cloudmc')
    const kept = ok<AccountView>(await core.invoke('accounts.add', toNewAccount(a)))
    const gone = ok<AccountView>(await core.invoke('accounts.add', toNewAccount(b)))
    await vault.set(vaultNames.keySecret('cloudmc', gone.id, 'k1'), '{"secret":{}}')
    // A crash after the settings write of an older KeyDesk: the account left settings, its secrets stayed.
    core.settings.set(
      'accounts',
      core.settings.get('accounts').filter((x) => x.id !== gone.id),
    )
    await vault.delete(vaultNames.credential('cloudmc', kept.id))

    const scan = ok<RepairReport>(await core.invoke('repair.scan', {}))
    expect(scan.orphans.map((o) => o.name).sort()).toEqual(
      [vaultNames.credential('cloudmc', gone.id), vaultNames.keySecret('cloudmc', gone.id, 'k1')].sort(),
    )
    expect(scan.missing).toEqual([objectContaining({ accountId: kept.id, what: stringMatching(/enter it again/) })])

    // Only what the user confirmed, and never an entry an account still owns.
    const partial = ok<RepairReport>(
      await core.invoke('repair.fix', {
        remove: [vaultNames.credential('cloudmc', gone.id), 'cloudmc/other/credential'],
      }),
    )
    expect(partial.removed).toBe(1)
    expect(partial.orphans).toHaveLength(1)

    const fixed = ok<RepairReport>(await core.invoke('repair.fix', { remove: partial.orphans.map((o) => o.name) }))
    expect(fixed.orphans).toEqual([])
    mkdirSync('test-results', { recursive: true })
    writeFileSync(
      'test-results/figures-repair.json',
      JSON.stringify({ orphansFound: scan.orphans.length, orphansAfterRepair: fixed.orphans.length }),
    )
  })
})
