// gnome-keyring (Debian 12) aborts when a client that asked it something is gone before the answer, so the keychain
// helper is never ended mid-call: not when the app lets it go, not when the app closes. A fake dbus-send on PATH
// makes the helper's first question slow; the keytar call after it goes to the private keyring.
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forkVaultHelper, KeytarVault } from '../../src/main/core/vault'
import type { VaultHelperProcess } from '../../src/main/core/vault-protocol'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

const dir = mkdtempSync(join(tmpdir(), 'keydesk-leave-'))
const started = join(dir, 'started')
const finished = join(dir, 'finished')
const PATH = process.env.PATH
const service = 'KeyDesk leave test'

interface Exit {
  code: number | null
  signal: string | null
  /** Whether the helper's question had been answered when the helper exited. */
  answered: boolean
}

function exitOf(helper: VaultHelperProcess): Promise<Exit> {
  return new Promise((resolve) =>
    helper.onExit((code, signal) => resolve({ code, signal, answered: existsSync(finished) })),
  )
}

describe.runIf(hasKeyring)('a keychain helper that is let go mid-call', () => {
  beforeEach(() => {
    rmSync(started, { force: true })
    rmSync(finished, { force: true })
    writeFileSync(
      join(dir, 'dbus-send'),
      `#!/bin/sh\ntouch ${started}; sleep 1; echo '   variant       boolean false'; touch ${finished}\n`,
    )
    chmodSync(join(dir, 'dbus-send'), 0o755)
    process.env.PATH = `${dir}:${PATH ?? ''}`
  })
  afterEach(() => {
    process.env.PATH = PATH
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('finishes the call it started, then exits by itself', async () => {
    const helper = forkVaultHelper()
    const exit = exitOf(helper)
    helper.postMessage({ id: 1, op: 'get', service, name: 'missing' })
    await expect.poll(() => existsSync(started), { timeout: 8000, interval: 20 }).toBe(true)
    helper.release()
    expect(await exit).toEqual({ code: 0, signal: null, answered: true })
  })

  it('answers the calls already sent when the app closes, and is not killed', async () => {
    let exit: Promise<Exit> | undefined
    const vault = new KeytarVault(service, {
      spawn: () => {
        const helper = forkVaultHelper()
        exit = exitOf(helper)
        return helper
      },
    })
    const got = vault.get('missing')
    await expect.poll(() => existsSync(started), { timeout: 8000, interval: 20 }).toBe(true)
    await vault.close()
    expect(await got).toBeNull()
    expect(await exit).toEqual({ code: 0, signal: null, answered: true })
  })
})
