import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../src/main/net/http'
import { Propagations, type Prober } from '../../src/main/core/propagation/scheduler'
import { FakeClock } from '../support/fake-clock'
import { openSettings, type SettingsStore } from '../../src/main/core/settings'
import { getProvider } from '../../src/main/providers'
import type { KeyProvider, ProviderContext } from '../../src/main/providers/provider'
import type { Events } from '../../src/shared/api'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import type {
  Account,
  AccountStatus,
  Credential,
  KeyRecord,
  KeyState,
  Propagation,
  ProviderId,
} from '../../src/shared/model'

const START = Date.parse('2030-01-01T00:00:00.000Z')
const SEC = 1000
const MIN = 60 * SEC

/** Key state per account, as the fake service holds it, plus a log of every read. */
class FakeService {
  readonly keys = new Map<string, Map<string, KeyRecord>>()
  readonly reads: { kind: 'get' | 'list'; accountId: string; keyId?: string; at: number }[] = []
  failWith: ErrorCode | null = null
  constructor(private readonly clock: FakeClock) {}

  put(provider: ProviderId, accountId: string, keyId: string, state: KeyState): void {
    const keys = this.keys.get(accountId) ?? new Map<string, KeyRecord>()
    keys.set(keyId, {
      provider,
      accountId,
      keyId,
      name: keyId,
      state,
      createdAt: new Date(START).toISOString(),
      extra: {},
    })
    this.keys.set(accountId, keys)
  }

  remove(accountId: string, keyId: string): void {
    this.keys.get(accountId)?.delete(keyId)
  }

  listing(accountId: string): KeyRecord[] {
    return [...(this.keys.get(accountId)?.values() ?? [])]
  }

  provider(id: ProviderId): KeyProvider {
    const real = getProvider(id)
    const unused = (): never => {
      throw new Error('not used by propagation tracking')
    }
    const read = (kind: 'get' | 'list', ctx: ProviderContext, keyId?: string) => {
      this.reads.push({ kind, accountId: ctx.account.id, keyId, at: this.clock.now() })
      if (this.failWith) throw new AppError(this.failWith, `fake ${this.failWith}`)
    }
    return {
      id,
      descriptor: real.descriptor,
      validate: async () => unused(),
      list: async (ctx) => {
        read('list', ctx)
        return this.listing(ctx.account.id)
      },
      get: async (ctx, keyId) => {
        read('get', ctx, keyId)
        return this.keys.get(ctx.account.id)?.get(keyId) ?? null
      },
      createOptions: async () => unused(),
      create: async () => unused(),
      delete: async () => unused(),
      endpoints: async () => unused(),
      secretParts: unused,
      exportFiles: unused,
      tryKey: async () => unused(),
      credentialFrom: unused,
    }
  }
}

class FakeAccounts {
  readonly byId = new Map<string, Account>()
  readonly statuses: { id: string; status: AccountStatus; message?: string }[] = []
  private readonly http = createHttp()

  add(id: string, provider: ProviderId, propagationWindowSec = 600): void {
    this.byId.set(id, {
      id,
      provider,
      label: `Label ${id}`,
      endpoint: 'http://127.0.0.1:1',
      facts: {},
      demo: false,
      createdAt: new Date(START).toISOString(),
      propagationWindowSec,
      refreshIntervalSec: 60,
    })
  }

  get(id: string): Account {
    const account = this.byId.get(id)
    if (!account) throw new AppError('NOT_FOUND', 'no such account')
    return account
  }

  async context(accountId: string): Promise<ProviderContext> {
    const account = this.get(accountId)
    const credential: Credential = { provider: 'cloudmc', apiKey: 'test-only' }
    return { account, credential, http: this.http }
  }

  setStatus(id: string, status: AccountStatus, message?: string): void {
    this.statuses.push({ id, status, message })
  }
}

interface Harness {
  readonly dir: string
  readonly clock: FakeClock
  readonly service: FakeService
  readonly accounts: FakeAccounts
  readonly settings: SettingsStore
  readonly tracker: Propagations
  readonly updates: (readonly Propagation[])[]
  readonly notices: Events['notify'][]
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function harness(options: { prober?: Prober; random?: () => number; from?: Harness } = {}): Harness {
  const dir = options.from?.dir ?? mkdtempSync(join(tmpdir(), 'keydesk-propagation-'))
  if (!options.from) dirs.push(dir)
  const clock = options.from?.clock ?? new FakeClock(START)
  const service = options.from?.service ?? new FakeService(clock)
  const accounts = options.from?.accounts ?? new FakeAccounts()
  if (!options.from) {
    accounts.add('so', 'spaceone')
    accounts.add('cm', 'cloudmc')
    accounts.add('oq', 'onqlave')
  }
  const settings = openSettings(dir, '0.1.0')
  const updates: (readonly Propagation[])[] = []
  const notices: Events['notify'][] = []
  const tracker = new Propagations(
    settings,
    accounts,
    {
      clock,
      providers: { get: (id) => service.provider(id), all: () => [] },
      emit: (event, payload) => {
        if (event === 'propagation.updated') updates.push((payload as Events['propagation.updated']).records)
        if (event === 'notify') notices.push(payload as Events['notify'])
      },
    },
    { random: options.random ?? (() => 0.5), prober: options.prober },
  )
  tracker.start()
  return { dir, clock, service, accounts, settings, tracker, updates, notices }
}

const record = (h: Harness, keyId: string) => h.tracker.all().find((r) => r.keyId === keyId)
const readTimes = (h: Harness) => h.service.reads.map((r) => (r.at - START) / SEC)

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
    const low = harness({ random: () => 0 })
    low.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    low.tracker.track('oq', 'apikey--1', 'create')
    await low.clock.advance(80 * SEC)
    expect(readTimes(low)).toEqual([0.8, 2.4, 5.6, 12, 24.8, 48.8, 72.8])

    const high = harness({ random: () => 1 })
    high.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    high.tracker.track('oq', 'apikey--1', 'create')
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
    const h = harness()
    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    h.tracker.track('oq', 'apikey--1', 'create')
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
    const h = harness()
    h.service.put('onqlave', 'oq', 'apikey--1', 'pending')
    h.tracker.track('oq', 'apikey--1', 'create')
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
})

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
