// gnome-keyring (Debian 12) can abort or answer nonsense when new D-Bus clients reach it at the same moment (it admits
// a client in an idle callback that the client's first call can beat). KeyDesk's lock check opens with a Ping and asks
// by the collection's own path, so a burst of new connections gets a true answer each and leaves the daemon running.
// Run in a keyring of its own, with the daemon's messages kept: a failure here may take the daemon down.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.runIf(hasKeyring)('lock checks from many processes at once', () => {
  it('each get a true answer, and gnome-keyring neither complains nor stops', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-many-readers-'))
    const log = join(dir, 'daemon.log')
    try {
      const out = execFileSync('scripts/with-keyring.sh', ['npx', 'tsx', 'tests/keychain/fixtures/many-readers.ts'], {
        encoding: 'utf8',
        env: { ...process.env, KEYDESK_KEYRING_LOG: log },
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 90_000,
      })
      expect(JSON.parse(out)).toEqual({ unlocked: 4000 })
      expect(readFileSync(log, 'utf8')).not.toMatch(/CRITICAL|Bail out|assertion/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
