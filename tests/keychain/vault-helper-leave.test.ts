// gnome-keyring (Debian 12) aborts when a client that asked it something is gone before the answer, so the keychain
// helper is never ended mid-call: not when the app lets it go, not when the app closes, not after a question KeyDesk
// stopped waiting for. The real keyring daemon is paused (SIGSTOP) while the helper's question is open.
import { afterEach, describe, expect, it } from 'vitest'
import { forkVaultHelper, KeytarVault } from '../../src/main/core/vault'
import type { HelperStats, VaultHelperProcess, VaultReply, VaultRequest } from '../../src/main/core/vault-protocol'
import { hasKeyring, requireKeyringInCi } from './guard'
import { keyringDaemonPid } from './keyring'

requireKeyringInCi()

const service = 'KeyDesk leave test'

interface Exit {
  code: number | null
  signal: string | null
}

function exitOf(helper: VaultHelperProcess): Promise<Exit> {
  return new Promise((resolve) => helper.onExit((code, signal) => resolve({ code, signal })))
}

/** Asks the raw helper for its stats until its lock question is open (sent to the paused daemon). */
async function questionOpen(helper: VaultHelperProcess): Promise<void> {
  let last: HelperStats | undefined
  helper.onMessage((reply: VaultReply) => {
    if (reply.id >= 1000 && reply.ok) last = reply.value as HelperStats
  })
  let id = 1000
  await expect
    .poll(
      () => {
        helper.postMessage({ id: id++, op: 'stats', service })
        return last?.lockUnanswered
      },
      { timeout: 8000, interval: 50 },
    )
    .toBe(1)
}

describe.runIf(hasKeyring)('a keychain helper that is let go mid-call', () => {
  let paused = 0
  const pause = (): void => {
    paused = keyringDaemonPid()
    process.kill(paused, 'SIGSTOP')
  }
  const resume = (): void => {
    if (paused) process.kill(paused, 'SIGCONT')
    paused = 0
  }
  afterEach(resume)

  it('finishes the call it started and answers it, then exits by itself', async () => {
    const helper = forkVaultHelper()
    const events: string[] = []
    helper.onMessage((reply) => {
      if (reply.id === 1) events.push(`answered ${JSON.stringify(reply)}`)
    })
    const exit = exitOf(helper).then((e) => {
      events.push('exited')
      return e
    })
    try {
      pause()
      helper.postMessage({ id: 1, op: 'get', service, name: 'missing' })
      await questionOpen(helper)
      // What Electron's utilityProcess gets when the app lets it go (the channel stays open to answer).
      helper.postMessage({ op: 'leave' } as unknown as VaultRequest)
      resume()
      expect(await exit).toMatchObject({ code: 0, signal: null })
      expect(events).toEqual([`answered ${JSON.stringify({ id: 1, ok: true, value: null })}`, 'exited'])
    } finally {
      // A failure above must not leave the helper waiting on the test's worker.
      helper.release()
    }
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
    await vault.status()
    pause()
    const got = vault.get('missing')
    await expect.poll(async () => (await vault.helperStats()).lockUnanswered, { timeout: 8000 }).toBe(1)
    const closed = vault.close()
    resume()
    await closed
    expect(await got).toBeNull()
    expect(await exit).toEqual({ code: 0, signal: null })
  })
})
