// The first listings start with the core, so the window's first keys.list of an account costs no request of its own;
// a change of its keys in between, or a listing gone stale, makes it list afresh. Counted on the wire, on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { FakeClock } from '../support/fake-clock'
import { addAccount, countingHttp, openCore, removeDir, testSandbox, until, type Harness } from './create-harness'

const { http: counting, sent } = countingHttp()
const listings = (): number =>
  sent.filter((r) => r.method === 'GET' && new URL(r.url).pathname.endsWith('/api_keys')).length

let sb: Sandbox
let first: Harness
let accountId = ''
beforeAll(async () => {
  sb = await testSandbox({ seed: 'opening-lists' })
  first = openCore({ http: counting })
  await first.core.start()
  accountId = (await addAccount(first, sb, 'cloudmc')).id
  await first.close()
})
afterAll(async () => {
  removeDir(first.dir)
  await sb.close()
})

/** A restart of the same KeyDesk, once its opening listing has been sent. */
async function restart(clock = new FakeClock(Date.now())): Promise<Harness> {
  sent.length = 0
  const h = openCore({ dir: first.dir, vault: first.vault, http: counting, clock })
  await h.core.start()
  await until('the opening listing', () => (listings() === 1 ? true : undefined))
  return h
}

describe('the opening listings', () => {
  it('answer the first keys.list of each account without a second request, and only the first', async () => {
    const h = await restart()
    const opened = await h.call('keys.list', { accountId })
    expect(listings()).toBe(1)
    expect(opened.keys.length).toBeGreaterThan(0)
    await h.call('keys.list', { accountId })
    expect(listings()).toBe(2)
    await h.close()
  })

  it('are not used once a change of the account’s keys has been made since', async () => {
    const h = await restart()
    const key = (await h.call('keys.list', { accountId })).keys[0]
    if (!key) throw new Error('no key listed')
    await h.close()
    const again = await restart()
    await again.call('keys.rename', { accountId, keyId: key.keyId, name: 'renamed before the window asked' })
    const listed = await again.call('keys.list', { accountId })
    expect(listings()).toBe(2)
    expect(listed.keys.find((k) => k.keyId === key.keyId)?.name).toBe('renamed before the window asked')
    await again.close()
  })

  it('are not used when older than ten seconds, and say when they were fetched', async () => {
    const clock = new FakeClock(Date.now())
    const h = await restart(clock)
    await clock.advance(10_001)
    const listed = await h.call('keys.list', { accountId })
    expect(listings()).toBe(2)
    expect(Date.parse(listed.fetchedAt)).toBe(clock.now())
    await h.close()
  })
})
