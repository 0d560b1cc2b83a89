// The first listings start with the core, so the window's first keys.list of an account costs no request of its own;
// a change of its keys in between, or a listing gone stale, makes it list afresh. Counted on the wire, on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { OpeningLists } from '../../src/main/core/keys/opening-lists'
import type { KeyRecord } from '../../src/shared/model'
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

  it('go out together in keys.opening once done, without waiting for one and only once', async () => {
    sent.length = 0
    const h = openCore({ dir: first.dir, vault: first.vault, http: counting })
    await h.core.start()
    // No turn of the event loop since the start: the listing cannot have answered, and keys.opening does not wait.
    expect(await h.call('keys.opening', {})).toEqual([])
    const opened = await until('the opening listing in keys.opening', async () => {
      const lists = await h.call('keys.opening', {})
      return lists.length ? lists : undefined
    })
    expect(opened.map((l) => l.accountId)).toEqual([accountId])
    expect(opened[0]?.keys.length).toBeGreaterThan(0)
    expect(listings()).toBe(1)
    expect(await h.call('keys.opening', {})).toEqual([])
    // Handed out: the window's keys.list of the account lists afresh.
    await h.call('keys.list', { accountId })
    expect(listings()).toBe(2)
    await h.close()
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

describe('the opening listings already done', () => {
  it('are those that succeeded and are fresh, each handed out once', async () => {
    const clock = new FakeClock(Date.now())
    const lists = new OpeningLists(clock)
    const listed = [{ keyId: 'k1' }] as unknown as readonly KeyRecord[]
    let answer: (keys: readonly KeyRecord[]) => void = () => undefined
    const slow = { promise: new Promise<readonly KeyRecord[]>((resolve) => (answer = resolve)) }
    const outcome: Record<string, Promise<readonly KeyRecord[]>> = {
      done: Promise.resolve(listed),
      failed: Promise.reject(new Error('HTTP 503')),
      slow: slow.promise,
    }
    lists.start(Object.keys(outcome), (id) => outcome[id] ?? Promise.reject(new Error(id)))
    await Promise.allSettled(Object.values(outcome).slice(0, 2))
    expect(lists.takeListed()).toEqual([{ accountId: 'done', keys: listed, at: clock.now() }])
    expect(lists.takeListed()).toEqual([])
    answer(listed)
    await slow.promise
    await clock.advance(10_001)
    expect(lists.takeListed()).toEqual([])
  })
})
