// SpaceONE's window model: a disable or delete is in force only after the account's window, tried and refused.
import { describe, expect, it } from 'vitest'
import { START, SEC, MIN, harness, record, readTimes } from './propagation-harness'

describe('SpaceONE disable and delete wait for the window', () => {
  it('a disable sends nothing before the window ends, then one re-read settles it by the window where KeyDesk cannot try the key', async () => {
    const h = harness()
    h.service.put('spaceone', 'so', 'api-key-1', 'disabled')
    const tracked = h.tracker.track('so', 'api-key-1', 'disable')
    expect(tracked?.settleBy).toBe(new Date(START + 600 * SEC).toISOString())

    await h.clock.advance(600 * SEC - 1)
    expect(h.tracker.stats.requests).toBe(0)
    expect(record(h, 'api-key-1')?.state).toBe('propagating')

    await h.clock.advance(1)
    expect(h.service.reads).toEqual([{ kind: 'get', accountId: 'so', keyId: 'api-key-1', at: START + 600 * SEC }])
    expect(record(h, 'api-key-1')?.state).toBe('settled')
    expect(h.notices).toEqual([
      {
        title: 'Key api-key-1 is now disabled everywhere',
        body: "Label so: settled by the window: KeyDesk does not hold this key's secret, so it could not try the key itself.",
        outcome: 'settled',
      },
    ])
    expect(h.updates.at(-1)?.[0]?.state).toBe('settled')
  })

  it('the window comes from the account setting', () => {
    const h = harness()
    h.accounts.add('short', 'spaceone', 120)
    expect(h.tracker.track('short', 'api-key-2', 'delete')?.settleBy).toBe(new Date(START + 120 * SEC).toISOString())
  })

  it('a disable fails when the re-read finds the key enabled again', async () => {
    const h = harness()
    h.service.put('spaceone', 'so', 'api-key-1', 'enabled')
    h.tracker.track('so', 'api-key-1', 'disable')
    await h.clock.advance(10 * MIN)
    expect(record(h, 'api-key-1')).toMatchObject({ state: 'failed', note: 'the key is enabled again' })
    expect(h.notices[0]?.title).toBe('Disabling of api-key-1 failed')
  })

  it('a delete settles when the key is gone at the window end', async () => {
    const h = harness()
    h.tracker.track('so', 'api-key-1', 'delete')
    await h.clock.advance(10 * MIN)
    expect(record(h, 'api-key-1')?.state).toBe('settled')
    expect(h.notices[0]?.title).toBe('Key api-key-1 is now deleted everywhere')
  })

  it('a delete fails when the key is still there at the window end', async () => {
    const h = harness()
    h.service.put('spaceone', 'so', 'api-key-1', 'enabled')
    h.tracker.track('so', 'api-key-1', 'delete')
    await h.clock.advance(10 * MIN)
    expect(record(h, 'api-key-1')).toMatchObject({ state: 'failed', note: 'the key is still listed after delete' })
    expect(h.notices[0]).toEqual({
      title: 'Deletion of api-key-1 failed',
      body: 'Label so: the key is still listed after delete.',
      outcome: 'failed',
    })
  })

  it('a prober that finds the key refused settles it early, probing at most once a minute', async () => {
    const probes: number[] = []
    let answer: 'accepted' | 'refused' = 'accepted'
    const h = harness({
      prober: async () => {
        probes.push(Date.now())
        return answer
      },
    })
    h.tracker.track('so', 'api-key-1', 'disable')
    await h.clock.advance(4 * MIN + 30 * SEC)
    expect(probes).toHaveLength(4)
    expect(record(h, 'api-key-1')?.state).toBe('propagating')

    answer = 'refused'
    await h.clock.advance(30 * SEC)
    expect(probes).toHaveLength(5)
    expect(record(h, 'api-key-1')).toMatchObject({
      state: 'settled',
      note: 'confirmed refused: the key no longer authenticates',
    })
    expect(h.service.reads).toEqual([])
  })

  it('an accepting prober never settles early, and the window end still decides', async () => {
    let probes = 0
    const h = harness({
      prober: async () => {
        probes += 1
        return 'accepted'
      },
    })
    h.service.put('spaceone', 'so', 'api-key-1', 'enabled')
    h.tracker.track('so', 'api-key-1', 'disable')
    await h.clock.advance(10 * MIN - 1)
    expect(record(h, 'api-key-1')?.state).toBe('propagating')
    expect(probes).toBe(9)
    await h.clock.advance(1)
    expect(record(h, 'api-key-1')?.state).toBe('failed')
  })

  it('at the window end a key the service shows disabled is tried, and settles only once it is refused', async () => {
    let answer: 'accepted' | 'refused' = 'accepted'
    const h = harness({ prober: async () => answer })
    h.service.put('spaceone', 'so', 'api-key-1', 'disabled')
    h.tracker.track('so', 'api-key-1', 'disable')
    await h.clock.advance(10 * MIN)
    expect(record(h, 'api-key-1')?.state).toBe('propagating')
    answer = 'refused'
    await h.clock.advance(2 * SEC)
    expect(record(h, 'api-key-1')).toMatchObject({
      state: 'settled',
      note: 'confirmed refused: the key no longer authenticates',
    })
  })

  it('a network failure at the window end does not fail the record: it retries at the next backoff step', async () => {
    const h = harness()
    h.service.put('spaceone', 'so', 'api-key-1', 'disabled')
    h.tracker.track('so', 'api-key-1', 'disable')
    h.service.failWith = 'NETWORK'
    await h.clock.advance(600 * SEC + 2 * SEC)
    expect(record(h, 'api-key-1')?.state).toBe('propagating')
    expect(readTimes(h)).toEqual([600, 601])
    h.service.failWith = null
    await h.clock.advance(2 * SEC)
    expect(readTimes(h)).toEqual([600, 601, 603])
    expect(record(h, 'api-key-1')?.state).toBe('settled')
  })

  it('a window is never judged early, even when another check runs just before its end', async () => {
    const h = harness()
    h.accounts.add('so62', 'spaceone', 62)
    h.service.put('spaceone', 'so62', 'api-key-1', 'disabled')
    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    h.tracker.track('so62', 'api-key-1', 'disable')
    h.tracker.track('oq', 'apikey--1', 'create')
    await h.clock.advance(62 * SEC)
    expect(h.service.reads.filter((r) => r.accountId === 'oq').at(-1)?.at).toBe(START + 61 * SEC)
    expect(h.service.reads.filter((r) => r.accountId === 'so62').map((r) => r.at)).toEqual([START + 62 * SEC])
  })

  it('create and enable are effective at once, so they leave no record', () => {
    const h = harness()
    expect(h.tracker.track('so', 'api-key-1', 'create')).toBeNull()
    expect(h.tracker.track('so', 'api-key-1', 'enable')).toBeNull()
    expect(h.tracker.all()).toEqual([])
  })
})
