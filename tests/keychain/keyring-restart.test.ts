// The keyring daemon stops and comes back (gnome-keyring aborts on an upstream bug, or the session restarts it): the
// keychain calls after it work, without restarting KeyDesk and without one of them failing. libsecret keeps asking the
// daemon that is gone, so the helper that notices the new daemon asks nothing of it, and a fresh helper answers the
// call. Run in a keyring of its own: the daemon is killed.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { hasKeyring, requireKeyringInCi } from './guard'

requireKeyringInCi()

describe.runIf(hasKeyring)('a keyring daemon that restarts', () => {
  it('answers every call after it, through a fresh keychain helper', () => {
    const out = execFileSync('scripts/with-keyring.sh', ['npx', 'tsx', 'tests/keychain/fixtures/keyring-restart.ts'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 60_000,
    })
    const { before, after, status } = JSON.parse(out) as { before: string; after: string[]; status: { state: string } }
    expect(before).toBe('secret-kept')
    expect(after).toEqual(['secret-kept', 'secret-kept', 'secret-kept'])
    expect(status.state).toBe('available')
  }, 120_000)
})
