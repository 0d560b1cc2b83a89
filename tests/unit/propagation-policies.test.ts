// Each propagation model's rules on their own: plain values in, a decision out; no clock, no timers, no service.
import { describe, expect, it } from 'vitest'
import { backoffMs, type Look } from '../../src/main/core/propagation/policy'
import { POLL_LIMIT_MS, pollPolicy } from '../../src/main/core/propagation/poll'
import { BY_WINDOW_NOTE, REFUSED_NOTE, windowPolicy } from '../../src/main/core/propagation/window'
import type { KeyRecord, Propagation } from '../../src/shared/model'

const T0 = Date.parse('2030-01-01T00:00:00.000Z')
const MIN = 60_000

const record = (op: Propagation['op'], settleInMs: number): Propagation => ({
  accountId: 'a',
  keyId: 'k',
  op,
  requestedAt: new Date(T0).toISOString(),
  settleBy: new Date(T0 + settleInMs).toISOString(),
  state: 'propagating',
})

const key = (state: KeyRecord['state']): KeyRecord => ({
  provider: 'spaceone',
  accountId: 'a',
  keyId: 'k',
  name: 'k',
  state,
  createdAt: new Date(T0 - 60 * MIN).toISOString(),
  extra: {},
})

const look = (r: Propagation, now: number, run = { dueAt: now, probeAt: Infinity, step: 0 }): Look => ({
  record: r,
  run,
  now,
  random: 0.5,
  service: () => 'Service',
})

describe('window (SpaceONE disable and delete)', () => {
  const disable = record('disable', 10 * MIN)

  it('waits the whole window before reading, and tries a kept key once a minute meanwhile', () => {
    const run = windowPolicy.start(disable, T0, true, 0.5)
    expect(run).toEqual({ dueAt: T0 + 10 * MIN, probeAt: T0 + MIN, step: 0 })
    expect(windowPolicy.listable(disable, T0 + 10 * MIN - 1)).toBe(false)
  })

  it('a key refused before the window ends is settled early', () => {
    expect(windowPolicy.onProbe(look(disable, T0 + 2 * MIN), 'refused')).toEqual({
      kind: 'settled',
      note: REFUSED_NOTE,
    })
  })

  it('a state read alone is not evidence: a disabled key is tried after the window', () => {
    const step = windowPolicy.onRead(look(disable, T0 + 10 * MIN), key('disabled'), true)
    expect(step).toMatchObject({ kind: 'probe', run: { probeAt: T0 + 10 * MIN, dueAt: Infinity } })
  })

  it('after the window, refused settles, and a key KeyDesk cannot try is settled by the window and says so', () => {
    const end = look(disable, T0 + 10 * MIN)
    expect(windowPolicy.onProbe(end, 'refused')).toEqual({ kind: 'settled', note: REFUSED_NOTE })
    expect(windowPolicy.onProbe(end, 'not-held')).toEqual({ kind: 'settled', note: BY_WINDOW_NOTE })
  })

  it('a key that still works after the window is read again, and fails once the grace time is over', () => {
    expect(windowPolicy.onProbe(look(disable, T0 + 10 * MIN), 'accepted')).toMatchObject({
      kind: 'wait',
      run: { dueAt: T0 + 10 * MIN + 1_000, step: 1 },
    })
    expect(windowPolicy.onProbe(look(disable, T0 + 20 * MIN), 'accepted')).toMatchObject({ kind: 'failed' })
  })

  it('a key enabled again at the window end fails the disable', () => {
    expect(windowPolicy.onRead(look(disable, T0 + 10 * MIN), key('enabled'), true)).toEqual({
      kind: 'failed',
      note: 'the key is enabled again',
    })
  })
})

describe('poll (Onqlave create and delete)', () => {
  const create = record('create', 10 * MIN)

  it('reads after 1, 2, 4, 8, 16 and then every 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((step) => backoffMs(step, 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ])
    expect(pollPolicy.start(create, T0, true, 0.5)).toEqual({ dueAt: T0 + 1000, step: 1, probeAt: Infinity })
  })

  it('settles on the outcome and fails when the service reports failure', () => {
    expect(pollPolicy.onRead(look(create, T0 + 3000), key('enabled'), true)).toEqual({ kind: 'settled' })
    expect(pollPolicy.onRead(look(create, T0 + 3000), key('failed'), true)).toMatchObject({ kind: 'failed' })
  })

  it('a key still pending at the limit fails, naming the service', () => {
    expect(pollPolicy.onRead(look(create, T0 + POLL_LIMIT_MS), key('pending'), true)).toEqual({
      kind: 'failed',
      note: 'the service did not finish within 15 minutes; check the Service console',
    })
  })

  it('a pending delete stays pending: it is "deleting", never settled by a pending read', () => {
    expect(pollPolicy.onRead(look(record('delete', 10 * MIN), T0 + 3000), key('pending'), true)).toMatchObject({
      kind: 'wait',
    })
  })
})
