// Propagation records over time: persisted, resumed, sharing one read per account, bounded in cost.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openSettings } from '../../src/main/core/settings'
import type { Propagation } from '../../src/shared/model'
import { START, SEC, MIN, harness, record } from './propagation-harness'

describe('records over time', () => {
  it('a change on top of a pending change replaces it: the latest intent wins', async () => {
    const h = harness()
    h.service.put('spaceone', 'so', 'api-key-1', 'enabled')
    h.tracker.track('so', 'api-key-1', 'disable')
    expect(h.tracker.track('so', 'api-key-1', 'enable')).toBeNull()
    expect(h.tracker.all()).toEqual([])

    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    h.tracker.track('oq', 'apikey--1', 'create')
    await h.clock.advance(2 * SEC)
    h.tracker.track('oq', 'apikey--1', 'delete')
    h.service.put('onqlave', 'oq', 'apikey--1', 'enabled')
    await h.clock.advance(2 * SEC)
    expect(h.tracker.all()).toMatchObject([{ keyId: 'apikey--1', op: 'delete', state: 'propagating' }])
    h.service.put('onqlave', 'oq', 'apikey--1', 'deleted')
    await h.clock.advance(5 * SEC)
    expect(h.tracker.all()).toMatchObject([{ op: 'delete', state: 'settled' }])
    expect(h.notices.map((n) => n.title)).toEqual(['Key apikey--1 is now deleted everywhere'])
  })

  it('a restart resumes pending records from the settings file and settles them', async () => {
    const first = harness()
    first.service.put('spaceone', 'so', 'api-key-1', 'disabled')
    first.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    first.tracker.track('so', 'api-key-1', 'disable')
    first.tracker.track('oq', 'apikey--1', 'create')
    first.tracker.stop()
    const onDisk = JSON.parse(readFileSync(first.settings.path, 'utf8')) as { propagations: Propagation[] }
    expect(onDisk.propagations.map((r) => r.keyId)).toEqual(['api-key-1', 'apikey--1'])

    await first.clock.advance(5 * MIN)
    expect(first.service.reads).toEqual([])
    const second = harness({ from: first })
    expect(second.tracker.all().map((r) => r.state)).toEqual(['propagating', 'propagating'])
    first.service.put('onqlave', 'oq', 'apikey--1', 'enabled')
    await second.clock.advance(SEC)
    expect(record(second, 'apikey--1')?.state).toBe('settled')
    await second.clock.advance(5 * MIN)
    expect(record(second, 'api-key-1')?.state).toBe('settled')
    expect(second.service.reads.filter((r) => r.keyId === 'api-key-1').map((r) => r.at)).toEqual([START + 10 * MIN])
    const reopened = openSettings(first.dir, '0.1.0')
    expect(reopened.get('propagations').map((r) => r.state)).toEqual(['settled', 'settled'])
  })

  it('settled records stay for an hour, then leave the list and the file', async () => {
    const h = harness()
    h.tracker.track('oq', 'apikey--1', 'delete')
    h.tracker.onListed('oq', [])
    await h.clock.advance(59 * MIN)
    expect(h.tracker.all()).toHaveLength(1)
    await h.clock.advance(MIN)
    expect(h.tracker.all()).toEqual([])
    expect(openSettings(h.dir, '0.1.0').get('propagations')).toEqual([])
    expect(h.clock.pending()).toBe(0)
  })

  it('forgetting an account drops its records', () => {
    const h = harness()
    h.tracker.track('oq', 'apikey--1', 'delete')
    h.tracker.track('so', 'api-key-1', 'delete')
    h.tracker.forgetAccount('oq')
    h.tracker.stop()
    expect(h.tracker.all().map((r) => r.accountId)).toEqual(['so'])
    expect(h.settings.get('propagations').map((r) => r.accountId)).toEqual(['so'])
  })

  it('records of one account due together are confirmed with one listing', async () => {
    const h = harness()
    for (const id of ['api-key-1', 'api-key-2', 'api-key-3']) {
      h.service.put('spaceone', 'so', id, 'disabled')
      h.tracker.track('so', id, 'disable')
    }
    await h.clock.advance(10 * MIN)
    expect(h.service.reads).toEqual([{ kind: 'list', accountId: 'so', keyId: undefined, at: START + 10 * MIN }])
    expect(h.tracker.all().map((r) => r.state)).toEqual(['settled', 'settled', 'settled'])
  })
})

describe('records of one account share their reads', () => {
  it('Onqlave records tracked at different times fall into step: one listing per poll for the account', async () => {
    const h = harness()
    for (const [i, after] of [0, 10, 15].entries()) {
      await h.clock.advance(after * SEC)
      h.service.put('onqlave', 'oq', `apikey--${i}`, 'pending')
      h.tracker.track('oq', `apikey--${i}`, 'create')
    }
    await h.clock.advance(5 * MIN)
    const late = h.service.reads.filter((r) => r.at > START + 3 * MIN)
    // Every 30 seconds by then: four polls in two minutes, each one listing for all three keys (not three reads).
    expect(late.length).toBeLessThanOrEqual(5)
    expect(late.every((r) => r.kind === 'list')).toBe(true)
    expect(h.tracker.all().every((r) => r.state === 'propagating')).toBe(true)
  })
})

describe('cost stays bounded with many pending records', () => {
  it('1,000 Onqlave records on 10 accounts cost at most 10 requests each over 10 minutes', async () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const h = harness({ random })
    for (let a = 0; a < 10; a += 1) h.accounts.add(`oq${a}`, 'onqlave')
    for (let i = 0; i < 1000; i += 1) {
      const accountId = `oq${i % 10}`
      h.service.put('onqlave', accountId, `apikey--${i}`, 'pending')
      h.tracker.track(accountId, `apikey--${i}`, 'create')
    }
    await h.clock.advance(10 * MIN)
    expect(h.tracker.all().every((r) => r.state === 'propagating')).toBe(true)
    expect(h.tracker.stats.requests / 1000).toBeLessThanOrEqual(10)
    expect(h.tracker.stats.requests).toBeGreaterThan(0)
  })

  it('1,000 SpaceONE records send nothing before their window ends', async () => {
    const h = harness()
    for (let a = 0; a < 10; a += 1) h.accounts.add(`so${a}`, 'spaceone')
    for (let i = 0; i < 1000; i += 1) {
      const accountId = `so${i % 10}`
      h.service.put('spaceone', accountId, `api-key-${i}`, 'disabled')
      h.tracker.track(accountId, `api-key-${i}`, 'disable')
    }
    await h.clock.advance(10 * MIN - 1)
    expect(h.tracker.stats.requests).toBe(0)
    await h.clock.advance(1)
    expect(h.tracker.all().every((r) => r.state === 'settled')).toBe(true)
    expect(h.tracker.stats.requests).toBe(10)
  })
})
