// A keyring that is only slow to answer is said to be slow, not missing: "install a Secret Service" would be untrue
// while gnome-keyring is running but busy (a fake dbus-send on PATH stands for a daemon that answers in 9 s).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { KeytarVault } from '../../src/main/core/vault'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.runIf(hasKeyring)('a keychain that answers late', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-slow-'))
  const PATH = process.env.PATH
  afterAll(() => {
    process.env.PATH = PATH
    rmSync(dir, { recursive: true, force: true })
  })

  it('is reported as not answering in time, with no word of a missing Secret Service', async () => {
    writeFileSync(join(dir, 'dbus-send'), `#!/bin/sh\nsleep 9; echo '   variant       boolean false'\n`)
    chmodSync(join(dir, 'dbus-send'), 0o755)
    process.env.PATH = `${dir}:${PATH ?? ''}`
    const vault = new KeytarVault('KeyDesk slow keyring test', { timeoutMs: 8000 })
    const status = await vault.status()
    process.env.PATH = PATH
    expect(status.state).toBe('unavailable')
    expect(status.reason).toMatch(/did not answer within 6 s/)
    expect(`${status.reason ?? ''} ${status.fix ?? ''}`).not.toMatch(/install|No Secret Service/i)
    await vault.close()
  })
})
