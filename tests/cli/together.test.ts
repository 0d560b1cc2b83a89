import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Reply } from '../../src/shared/api'
import type { AccountView } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { serveCommands } from '../../src/main/core/command-channel'
import { claimForApp, ownerPath, type Claim } from '../../src/main/core/data-dir-owner'
import { KeytarVault } from '../../src/main/core/vault'
import type { Sandbox, SandboxAccount } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, tempDir, VAULT_SERVICE } from './harness'

requireKeyringInCi()

/** The app as the Electron shell and the browser host run it: claims the data directory and serves commands. */
async function openApp(dataDir: string): Promise<{ core: AppCore; close(): Promise<void> }> {
  const claim: Claim = await claimForApp(dataDir, 5_000)
  const core = new AppCore({
    dataDir,
    version: '0.1.0',
    host: 'browser',
    vault: new KeytarVault(VAULT_SERVICE),
    clipboard: new MemoryClipboard(),
  })
  await core.start()
  const stop = await serveCommands(core, claim)
  return {
    core,
    close: async () => {
      await stop()
      await core.close()
      claim.release()
    },
  }
}

function added(reply: Reply): AccountView {
  if (!reply.ok) throw new Error(`the app could not add an account: ${JSON.stringify(reply.error)}`)
  return reply.value as AccountView
}

describe.skipIf(!hasKeyring)('the app and the command line at the same time', () => {
  let sb: Sandbox
  let dir: string
  let seeds: SandboxAccount[]

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-together', accountsPerProvider: 4 })
    seeds = sb.accounts.filter((a) => a.provider !== 'onqlave')
    dir = tempDir('together')
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('loses nothing when both add accounts at once, and the open app hears of the CLI’s change', async () => {
    const app = await openApp(dir)
    try {
      let heard = 0
      app.core.onEvent((event) => {
        if (event === 'accounts.changed') heard += 1
      })
      // The core treats two adds to one endpoint at once as one double-submitted add, and every sandbox account of a
      // provider shares an endpoint: so each side adds one provider's accounts in turn, both sides at the same time.
      const spaceone = seeds.filter((x) => x.provider === 'spaceone')
      const cloudmc = seeds.filter((x) => x.provider === 'cloudmc')
      const fromCli = (async () => {
        for (const [i, s] of spaceone.slice(0, 3).entries()) await addAccount(dir, s, `cli ${i}`)
      })()
      const fromApp = (async () => {
        for (const [i, s] of cloudmc.slice(0, 3).entries()) {
          added(
            await app.core.invoke('accounts.add', {
              provider: s.provider,
              label: `app ${i}`,
              endpoint: s.endpoint,
              credential: { provider: s.provider, ...s.credentials },
            }),
          )
          await app.core.invoke('settings.set', { theme: i % 2 ? 'dark' : 'light' })
        }
      })()
      await Promise.all([fromCli, fromApp])
      const labels = (await keydesk(dir, ['accounts', 'list', '--json'])).json<{ accounts: { label: string }[] }>()
      expect(labels.accounts.map((x) => x.label).sort()).toEqual(['app 0', 'app 1', 'app 2', 'cli 0', 'cli 1', 'cli 2'])
      const inApp = await app.core.invoke('accounts.list', {})
      expect(inApp.ok && (inApp.value as AccountView[]).length).toBe(6)
      expect(heard).toBeGreaterThan(0)
      const audit = (await keydesk(dir, ['audit', '--action', 'account.add', '--json'])).json<{
        entries: { from: string }[]
      }>()
      expect(audit.entries.map((x) => x.from).sort()).toEqual(['app', 'app', 'app', 'cli', 'cli', 'cli'])
    } finally {
      await app.close()
    }
  })

  it('loses nothing when several commands write at once without the app', async () => {
    const spaceone = seeds.filter((x) => x.provider === 'spaceone')[3]
    const cloudmc = seeds.filter((x) => x.provider === 'cloudmc')[3]
    await Promise.all([spaceone, cloudmc].map((s, i) => addAccount(dir, s, `alone ${i}`)))
    const list = (await keydesk(dir, ['accounts', 'list', '--json'])).json<{ accounts: { label: string }[] }>()
    expect(list.accounts.map((x) => x.label)).toEqual(expect.arrayContaining(['alone 0', 'alone 1']))
    expect(list.accounts).toHaveLength(8)
  })

  it('refuses a second app on the same data directory, naming the one that runs', async () => {
    const app = await openApp(dir)
    try {
      await expect(claimForApp(dir, 1_000)).rejects.toThrow(/already running/)
    } finally {
      await app.close()
    }
  })

  it('clears the claim of a process that crashed, so commands still work', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(
      ownerPath(dir),
      JSON.stringify({
        pid: Number(dead.stdout),
        kind: 'app',
        startedAt: new Date().toISOString(),
        socket: join(dir, 'gone.sock'),
        token: 'x',
      }),
    )
    const r = await keydesk(dir, ['accounts', 'list', '--json'])
    expect(r.code).toBe(0)
    expect(r.json().accounts).toHaveLength(8)
  })
})
