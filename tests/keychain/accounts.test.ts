import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView, Credential, VaultStatus } from '../../src/shared/model'
import type { Reply } from '../../src/shared/api'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { KeytarVault, vaultNames } from '../../src/main/core/vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { toNewAccount } from '../../src/main/core/demo'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('accounts in the real OS keychain', () => {
  const service = `KeyDesk Test ${process.pid}`
  let sandbox: Sandbox
  let dir: string
  let core: AppCore
  const vault = new KeytarVault(service)
  const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.value as T
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, accountsPerProvider: 2, seed: 'keychain-accounts', log: () => undefined })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-keychain-'))
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
  })
  afterAll(async () => {
    await core.close()
    await sandbox.close()
    for (const name of await vault.names()) await vault.delete(name)
    rmSync(dir, { recursive: true, force: true })
  })

  it('reports the keychain available', async () => {
    expect(ok(await core.invoke('vault.status', {}))).toEqual({ state: 'available' })
  })

  it('adds one account of each provider: the credential in the keychain, the metadata in settings, no secret on disk', async () => {
    const firsts = ['spaceone', 'cloudmc', 'onqlave'].map((p) => sandbox.accounts.find((a) => a.provider === p)!)
    for (const acc of firsts) ok(await core.invoke('accounts.add', toNewAccount(acc)))
    const listed = ok<AccountView[]>(await core.invoke('accounts.list', {}))
    expect(listed.map((a) => a.provider).sort()).toEqual(['cloudmc', 'onqlave', 'spaceone'])
    for (const a of listed) {
      const stored = await vault.get(vaultNames.credential(a.provider, a.id))
      expect(stored).not.toBeNull()
      expect((JSON.parse(stored!) as Credential).provider).toBe(a.provider)
      expect(a).not.toHaveProperty('credential')
    }
    const onDisk = readdirSync(dir)
      .map((f) => {
        try {
          return readFileSync(join(dir, f), 'utf8')
        } catch {
          return ''
        }
      })
      .join('\n')
    // The tenant id is a non-secret fact; the token and API key are the secrets.
    const secrets = firsts.flatMap((acc) =>
      Object.entries(acc.credentials)
        .filter(([k]) => k !== 'tenantId')
        .map(([, v]) => v),
    )
    expect(secrets).toHaveLength(3)
    for (const secret of secrets) expect(onDisk).not.toContain(secret)
  })

  it('keeps two accounts of one provider apart, and refuses the same user twice', async () => {
    const second = sandbox.accounts.filter((a) => a.provider === 'cloudmc')[1]
    ok(await core.invoke('accounts.add', toNewAccount(second)))
    const again = await core.invoke('accounts.add', { ...toNewAccount(second), label: 'Same user again' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const cloudmc = ok<AccountView[]>(await core.invoke('accounts.list', {})).filter((a) => a.provider === 'cloudmc')
    expect(cloudmc).toHaveLength(2)
    const creds = await Promise.all(cloudmc.map((a) => vault.get(vaultNames.credential('cloudmc', a.id))))
    expect(new Set(creds).size).toBe(2)
  })

  it('reads the credential back from the keychain after a restart', async () => {
    await core.close()
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
    const spaceone = ok<AccountView[]>(await core.invoke('accounts.list', {})).find((a) => a.provider === 'spaceone')!
    const keys = ok<{ keys: unknown[] }>(await core.invoke('keys.list', { accountId: spaceone.id }))
    expect(Array.isArray(keys.keys)).toBe(true)
  })

  it('removes an account with its keychain entry and leaves the service untouched', async () => {
    const target = ok<AccountView[]>(await core.invoke('accounts.list', {})).find((a) => a.provider === 'onqlave')!
    const before = ok<{ keys: unknown[] }>(await core.invoke('keys.list', { accountId: target.id })).keys.length
    ok(await core.invoke('accounts.remove', { id: target.id }))
    expect(await vault.get(vaultNames.credential('onqlave', target.id))).toBeNull()
    const readd = ok<AccountView>(
      await core.invoke('accounts.add', toNewAccount(sandbox.accounts.find((a) => a.provider === 'onqlave')!)),
    )
    expect(ok<{ keys: unknown[] }>(await core.invoke('keys.list', { accountId: readd.id })).keys.length).toBe(before)
  })

  it('marks an account whose credential vanished from the keychain as needing attention, without failing the others', async () => {
    const accounts = ok<AccountView[]>(await core.invoke('accounts.list', {}))
    const victim = accounts.find((a) => a.provider === 'spaceone')!
    await vault.delete(vaultNames.credential('spaceone', victim.id))
    const r = await core.invoke('keys.list', { accountId: victim.id })
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', accountId: victim.id } })
    const after = ok<AccountView[]>(await core.invoke('accounts.list', {}))
    expect(after.find((a) => a.id === victim.id)?.status).toBe('keychain')
    const other = after.find((a) => a.provider === 'cloudmc')!
    expect(
      ok<{ keys: unknown[] }>(await core.invoke('keys.list', { accountId: other.id })).keys.length,
    ).toBeGreaterThan(0)
  })

  it('refuses to add an account when the keychain is unreachable, and writes nothing', () => {
    const noKeychainDir = mkdtempSync(join(tmpdir(), 'keydesk-nokeychain-'))
    const acc = sandbox.accounts.find((a) => a.provider === 'spaceone')!
    const out = execFileSync(
      'npx',
      [
        'tsx',
        'tests/keychain/fixtures/add-without-keychain.ts',
        noKeychainDir,
        acc.endpoint,
        (acc.credentials as { token: string }).token,
      ],
      {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keydesk-bus', DISPLAY: '' },
        encoding: 'utf8',
      },
    )
    const { status, add } = JSON.parse(out) as { status: { value: VaultStatus }; add: Reply }
    expect(status.value.state).toBe('unavailable')
    expect(status.value.fix).toMatch(/gnome-keyring/)
    expect(add).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    const settings = readdirSync(noKeychainDir)
      .map((f) => readFileSync(join(noKeychainDir, f), 'utf8'))
      .join('')
    expect(settings).not.toContain((acc.credentials as { token: string }).token)
    expect(settings).not.toContain('No keychain')
    rmSync(noKeychainDir, { recursive: true, force: true })
  })
})
