// Onqlave's poll model: create and delete are read again with backoff until the service says they are done.
import { describe, expect, it } from 'vitest'
import { START, SEC, MIN, harness, record, readTimes } from './propagation-harness'

/** A harness tracking the create of apikey--1, which the service still lists as pending. */
function pendingCreate(options?: Parameters<typeof harness>[0]): ReturnType<typeof harness> {
  const h = harness(options)
  h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
  h.tracker.track('oq', 'apikey--1', 'create')
  return h
}

describe('Onqlave create and delete are polled with backoff', () => {
  it('polls at 1, 2, 4, 8, 16 then every 30 seconds until the key is active', async () => {
    const h = harness()
    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    const tracked = h.tracker.track('oq', 'apikey--1', 'create')
    expect(tracked?.settleBy).toBe(new Date(START + 10 * MIN).toISOString())
    await h.clock.advance(100 * SEC)
    expect(readTimes(h)).toEqual([1, 3, 7, 15, 31, 61, 91])
    h.service.put('onqlave', 'oq', 'apikey--1', 'enabled')
    await h.clock.advance(30 * SEC)
    expect(record(h, 'apikey--1')?.state).toBe('settled')
    expect(h.notices[0]?.title).toBe('Key apikey--1 is now active')
    await h.clock.advance(5 * MIN)
    expect(readTimes(h)).toHaveLength(8)
  })

  it('jitter moves each wait by at most a fifth either way', async () => {
    const low = pendingCreate({ random: () => 0 })
    await low.clock.advance(80 * SEC)
    expect(readTimes(low)).toEqual([0.8, 2.4, 5.6, 12, 24.8, 48.8, 72.8])

    const high = pendingCreate({ random: () => 1 })
    await high.clock.advance(110 * SEC)
    expect(readTimes(high)).toEqual([1.2, 3.6, 8.4, 18, 37.2, 73.2, 109.2])
  })

  it('a create fails when the service reports the key failed', async () => {
    const h = harness()
    h.service.put('onqlave', 'oq', 'apikey--1', 'failed')
    h.tracker.track('oq', 'apikey--1', 'create')
    await h.clock.advance(SEC)
    expect(record(h, 'apikey--1')).toMatchObject({
      state: 'failed',
      note: 'the service reports that creating the key failed',
    })
    expect(h.notices[0]?.title).toBe('Creation of apikey--1 failed')
  })

  it('a delete settles once the key shows deleted, or is gone', async () => {
    const h = harness()
    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    h.service.put('onqlave', 'oq', 'apikey--2', 'enabled')
    h.tracker.track('oq', 'apikey--1', 'delete')
    h.tracker.track('oq', 'apikey--2', 'delete')
    await h.clock.advance(5 * SEC)
    expect(h.tracker.all().map((r) => r.state)).toEqual(['propagating', 'propagating'])
    h.service.put('onqlave', 'oq', 'apikey--1', 'deleted')
    h.service.remove('oq', 'apikey--2')
    await h.clock.advance(10 * SEC)
    expect(h.tracker.all().map((r) => r.state)).toEqual(['settled', 'settled'])
  })

  it('a key still pending after 15 minutes fails with advice, and polling stops', async () => {
    const h = pendingCreate()
    await h.clock.advance(15 * MIN - 1)
    expect(record(h, 'apikey--1')?.state).toBe('propagating')
    await h.clock.advance(1)
    expect(record(h, 'apikey--1')).toMatchObject({
      state: 'failed',
      note: 'the service did not finish within 15 minutes; check the Onqlave console',
    })
    const reads = h.service.reads.length
    await h.clock.advance(30 * MIN)
    expect(h.service.reads).toHaveLength(reads)
  })

  it('a rejected credential pauses checking with a note, and a working listing resumes it', async () => {
    const h = pendingCreate()
    h.service.failWith = 'AUTH_FAILED'
    await h.clock.advance(SEC)
    expect(record(h, 'apikey--1')).toMatchObject({
      state: 'propagating',
      note: 'checking paused: the account needs attention',
    })
    expect(h.accounts.statuses).toEqual([{ id: 'oq', status: 'rejected', message: 'fake AUTH_FAILED' }])
    await h.clock.advance(20 * MIN)
    expect(record(h, 'apikey--1')?.state).toBe('propagating')
    expect(h.service.reads.length).toBeLessThanOrEqual(5)

    h.service.failWith = null
    h.tracker.onListed('oq', h.service.listing('oq'))
    expect(record(h, 'apikey--1')?.note).toBeUndefined()
    h.service.put('onqlave', 'oq', 'apikey--1', 'enabled')
    await h.clock.advance(SEC)
    expect(record(h, 'apikey--1')?.state).toBe('settled')
  })

  it('a keychain that fails for a moment does not pause checking: the next read on the backoff goes on', async () => {
    const h = pendingCreate()
    h.service.failWith = 'KEYCHAIN_UNAVAILABLE'
    await h.clock.advance(SEC)
    expect(record(h, 'apikey--1')?.note).toBeUndefined()
    h.service.failWith = null
    h.service.put('onqlave', 'oq', 'apikey--1', 'enabled')
    await h.clock.advance(3 * SEC)
    expect(record(h, 'apikey--1')?.state).toBe('settled')
    expect(h.accounts.statuses).toEqual([])
  })
})
