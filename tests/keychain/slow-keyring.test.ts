// A keyring that is only slow to answer is said to be slow, not missing: "install a Secret Service" would be untrue
// while gnome-keyring is running but busy. The real daemon is paused (SIGSTOP) for longer than KeyDesk waits; the
// question KeyDesk stopped waiting for is kept open until the daemon answers it (never cut short: gnome-keyring aborts
// when a client is gone before its answer).
import { describe, expect, it } from 'vitest'
import { KeytarVault } from '../../src/main/core/vault'
import { hasKeyring, requireKeyringInCi } from './guard'
import { withDaemonPaused } from './keyring'

requireKeyringInCi()

describe.runIf(hasKeyring)('a keychain that answers late', () => {
  it('is reported as not answering in time, with no word of a missing Secret Service', async () => {
    const vault = new KeytarVault('KeyDesk slow keyring test', { timeoutMs: 8000 })
    await vault.status()
    const status = await withDaemonPaused(async () => {
      const answer = await vault.status()
      // KeyDesk stopped waiting; its question is still open.
      expect((await vault.helperStats()).lockUnanswered).toBe(1)
      return answer
    })
    expect(status.state).toBe('unavailable')
    expect(status.reason).toMatch(/did not answer within 6 s/)
    expect(`${status.reason ?? ''} ${status.fix ?? ''}`).not.toMatch(/install|No Secret Service/i)
    // Once the daemon answers, the question is closed and the keychain is usable again.
    await expect.poll(async () => (await vault.helperStats()).lockUnanswered, { timeout: 8000 }).toBe(0)
    expect((await vault.status()).state).toBe('available')
    await vault.close()
  })
})
