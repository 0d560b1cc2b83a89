// The keyring daemon stops and comes back (gnome-keyring aborts on an upstream bug, or the session restarts it): the
// next keychain call works again, without restarting KeyDesk. libsecret keeps asking the daemon that is gone, so the
// keychain helper that met the failure is replaced. Run in a keyring of its own: the daemon is killed.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.runIf(hasKeyring)('a keyring daemon that restarts', () => {
  it('is used again from the next call on, by a fresh keychain helper', () => {
    const out = execFileSync('scripts/with-keyring.sh', ['npx', 'tsx', 'tests/keychain/fixtures/keyring-restart.ts'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    })
    const { before, after, status } = JSON.parse(out) as { before: string; after: string[]; status: { state: string } }
    expect(before).toBe('secret-kept')
    // At most the call that met the old daemon fails; every later one reads the secret again.
    expect(after.slice(1)).toEqual(['secret-kept', 'secret-kept'])
    expect(status.state).toBe('available')
  })
})
