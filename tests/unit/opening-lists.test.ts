// The first listings start with the core, so the window's first keys.list of an account costs no request of its own;
// a change of its keys in between, or a listing gone stale, makes it list afresh. Counted on the wire, on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { OpeningLists } from '../../src/main/core/keys/opening-lists'
import type { Http, HttpRequest } from '../../src/main/net/http'
import type { KeyRecord } from '../../src/shared/model'
import { FakeClock } from '../support/fake-clock'
import { addAccount, countingHttp, openCore, removeDir, testSandbox, until, type Harness } from './create-harness'

const { http: sending, sent } = countingHttp()
const isListing = (r: HttpRequest): boolean => r.method === 'GET' && new URL(r.url).pathname.endsWith('/api_keys')
const listings = (): number => sent.filter(isListing).length
/** Requests whose answer has come back. */
const answered: HttpRequest[] = []
const counting: Http = {
  request: async (req) => {
    const res = await sending.request(req)
    answered.push(req)
    return res
  },
}
const listingAnswered = async (): Promise<void> => {
  await until('the opening listing answered', () => (answered.some(isListing) ? true : undefined))
}

let sb: Sandbox
let first: Harness
let accountId = ''
let keyId = ''
beforeAll(async () => {
  sb = await testSandbox({ seed: 'opening-lists' })
  first = openCore({ http: counting })
  await first.core.start()
  accountId = (await addAccount(first, sb, 'cloudmc')).id
  keyId = (await first.call('keys.list', { accountId })).keys[0]?.keyId ?? ''
  await first.close()
})
afterAll(async () => {
  removeDir(first.dir)
  await sb.close()
})

/** A restart of the same KeyDesk, once its opening listing has been sent. */
async function restart(clock = new FakeClock(Date.now())): Promise<Harness> {
  sent.length = 0
  answered.length = 0
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
    answered.length = 0
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

  it('are not in keys.opening once a change of the account’s keys came after them', async () => {
    const h = await restart()
    await listingAnswered()
    await h.call('keys.rename', { accountId, keyId, name: 'renamed after the opening listing' })
    expect(await h.call('keys.opening', {})).toEqual([])
    await h.close()
  })

  // Last: the account is gone for good afterwards.
  it('are not in keys.opening for an account removed after them', async () => {
    const h = await restart()
    await listingAnswered()
    await h.call('accounts.remove', { id: accountId })
    expect(await h.call('keys.opening', {})).toEqual([])
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
