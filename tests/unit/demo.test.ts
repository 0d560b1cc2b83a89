import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { MemoryVault } from '../support/memory-vault'

const dirs: string[] = []
const cores: AppCore[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function open(dataDir: string, vault = new MemoryVault()): AppCore {
  const core = new AppCore({ dataDir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
  cores.push(core)
  return core
}

const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.value as T
}

describe('demo mode', () => {
  it('adds one demo account of each provider backed by a loopback sandbox, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-demo-'))
    dirs.push(dir)
    const core = open(dir)
    await core.start()
    const added = ok<AccountView[]>(await core.invoke('demo.start', {}))
    expect(added.map((a) => a.provider).sort()).toEqual(['cloudmc', 'onqlave', 'spaceone', 'spaceone-apps'])
    expect(added.every((a) => a.demo && a.endpoint.startsWith('http://127.0.0.1:'))).toBe(true)
    expect(
      ok<AccountView[]>(await core.invoke('demo.start', {}))
        .map((a) => a.id)
        .sort(),
    ).toEqual(added.map((a) => a.id).sort())
    expect(statSync(join(dir, 'demo')).mode & 0o777).toBe(0o700)
    for (const a of added)
      expect(ok<{ keys: unknown[] }>(await core.invoke('keys.list', { accountId: a.id })).keys.length).toBeGreaterThan(
        0,
      )
  })

  it('comes back after a restart on a new port, with its keys, even when the keyring forgot the demo credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-demo-'))
    dirs.push(dir)
    const first = open(dir)
    await first.start()
    const added = ok<AccountView[]>(await first.invoke('demo.start', {}))
    const cloudmc = added.find((a) => a.provider === 'cloudmc')!
    const before = ok<{ keys: { keyId: string }[] }>(
      await first.invoke('keys.list', { accountId: cloudmc.id }),
    ).keys.map((k) => k.keyId)
    await first.close()
    cores.splice(cores.indexOf(first), 1)

    const second = open(dir, new MemoryVault())
    await second.start()
    const again = ok<AccountView[]>(await second.invoke('accounts.list', {}))
    expect(again.map((a) => a.id).sort()).toEqual(added.map((a) => a.id).sort())
    const after = ok<{ keys: { keyId: string }[] }>(
      await second.invoke('keys.list', { accountId: cloudmc.id }),
    ).keys.map((k) => k.keyId)
    expect(after.sort()).toEqual(before.sort())
  })

  it('stops the demo services when the last demo account is removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-demo-'))
    dirs.push(dir)
    const core = open(dir)
    await core.start()
    const added = ok<AccountView[]>(await core.invoke('demo.start', {}))
    const endpoint = added[0].endpoint
    for (const a of added) ok(await core.invoke('accounts.remove', { id: a.id }))
    await expect(fetch(`${new URL(endpoint).origin}/api/v2/users`)).rejects.toThrow()
    expect(core.settings.get('demo')).toBeNull()
  })

  it('keeps its state only in the data directory, whatever path the settings file names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-demo-'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'keydesk-demo-elsewhere-'))
    dirs.push(dir, elsewhere)
    const first = open(dir)
    await first.start()
    ok(await first.invoke('demo.start', {}))
    await first.close()
    cores.splice(cores.indexOf(first), 1)
    const planted = join(elsewhere, 'state.json')
    const edited = open(dir)
    edited.settings.set('demo', { seed: edited.settings.get('demo')?.seed ?? 'x', stateFile: planted })
    await edited.close()
    cores.splice(cores.indexOf(edited), 1)

    const core = open(dir)
    await core.start()
    const accounts = ok<AccountView[]>(await core.invoke('accounts.list', {}))
    const cloudmc = accounts.find((a) => a.provider === 'cloudmc' && a.demo)!
    ok(await core.invoke('keys.create', { accountId: cloudmc.id, requestId: 'demo-state-path', keep: false }))
    await core.close()
    cores.splice(cores.indexOf(core), 1)
    expect(existsSync(planted)).toBe(false)
    expect(statSync(join(dir, 'demo', 'sandbox-state.json')).isFile()).toBe(true)
    const reopened = open(dir)
    expect(reopened.settings.get('demo')?.stateFile).toBe(join(dir, 'demo', 'sandbox-state.json'))
    const info = ok<{ notices: string[] }>(await core.invoke('app.info', {}))
    expect(info.notices.some((n) => n.includes(planted) && n.includes('did not use'))).toBe(true)
  })
})
