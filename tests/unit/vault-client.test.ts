// The keychain client against a helper that hangs: timeouts, no pile-up while it is down, one probe to come back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { KeytarVault } from '../../src/main/core/vault'
import type { VaultHelperProcess, VaultReply, VaultRequest } from '../../src/main/core/vault-protocol'

class FakeHelper implements VaultHelperProcess {
  readonly posted: VaultRequest[] = []
  released = false
  answer = false
  listener: (m: VaultReply) => void = () => undefined
  postMessage(message: VaultRequest): void {
    this.posted.push(message)
    if (this.answer)
      queueMicrotask(() =>
        this.listener({ id: message.id, ok: true, value: message.op === 'status' ? { state: 'available' } : 'v' }),
      )
  }
  onMessage(listener: (m: VaultReply) => void): void {
    this.listener = listener
  }
  onExit(): void {}
  release(): void {
    this.released = true
  }
}

describe('the keychain client', () => {
  let now = 0
  let helpers: FakeHelper[]
  let vault: KeytarVault
  beforeEach(() => {
    vi.useFakeTimers()
    now = 0
    helpers = []
    vault = new KeytarVault('Test', {
      timeoutMs: 1000,
      retryAfterMs: 500,
      now: () => now,
      spawn: () => {
        const h = new FakeHelper()
        helpers.push(h)
        return h
      },
    })
  })
  afterEach(() => vi.useRealTimers())

  it('gives up on a helper that does not answer, lets it go, and says the keychain is unavailable', async () => {
    const pending = vault.get('a')
    const check = expect(pending).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: /did not answer within 1 s/,
    })
    await vi.advanceTimersByTimeAsync(1000)
    await check
    expect(helpers[0].released).toBe(true)
    expect(await vault.status()).toMatchObject({ state: 'unavailable', reason: /did not answer/ })
  })

  it('sends nothing while the helper is down, then one probe restarts it for everyone waiting', async () => {
    const first = vault.get('a').catch(() => null)
    await vi.advanceTimersByTimeAsync(1000)
    await first
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => vault.get(`n${i}`)))
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    expect(helpers).toHaveLength(1)

    now += 500
    const waiting = Array.from({ length: 20 }, (_, i) => vault.get(`n${i}`))
    expect(helpers).toHaveLength(2)
    expect(helpers[1].posted.map((m) => m.op)).toEqual(['status'])
    helpers[1].answer = true
    // The one probe is answered by hand; everything waiting goes through once it is.
    const probe = helpers[1].posted[0]
    helpers[1].listener({
      id: probe.id,
      ok: true,
      value: { state: 'available' },
    })
    expect(await Promise.all(waiting)).toEqual(Array(20).fill('v'))
    expect(helpers[1].posted.filter((m) => m.op === 'status')).toHaveLength(1)
  })

  it('waits longer after each failed probe, up to a bound', async () => {
    const fail = async () => {
      const p = vault.get('a').catch(() => null)
      await vi.advanceTimersByTimeAsync(1000)
      await p
    }
    await fail()
    now += 500
    await fail() // the probe hangs too
    now += 500
    await expect(vault.get('a')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect(helpers).toHaveLength(2)
    now += 500
    const p = vault.get('a').catch(() => null)
    expect(helpers).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1000)
    await p
  })
})

describe('the keychain index', () => {
  it('is looked up once for the calls made together, and afresh after a write', async () => {
    const helper = new FakeHelper()
    helper.answer = true
    const vault = new KeytarVault('Test', { spawn: () => helper })
    const together = await Promise.all([vault.names(), vault.names(), vault.names()])
    expect(together).toEqual(['v', 'v', 'v'])
    expect(helper.posted.filter((m) => m.op === 'names')).toHaveLength(1)
    // A lookup on its way when a secret is written would not show it: the next caller asks again.
    const before = vault.names()
    const write = vault.set('k', 's')
    const after = vault.names()
    await Promise.all([before, write, after])
    expect(helper.posted.map((m) => m.op)).toEqual(['names', 'names', 'set', 'names'])
    await vault.names()
    expect(helper.posted.filter((m) => m.op === 'names')).toHaveLength(4)
  })
})
