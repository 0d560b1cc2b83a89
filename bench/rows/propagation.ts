// Row 9: 1,000 pending propagations for 10 simulated minutes cost few requests, and no record whose
// confirmation is a time window (SpaceONE) is read before its window ends.
import { Propagations } from '../../src/main/core/propagation/scheduler'
import type { SettingsData, SettingsStore } from '../../src/main/core/settings'
import { DEFAULT_PREFERENCES } from '../../src/main/core/settings'
import { getProvider } from '../../src/main/providers'
import type { KeyProvider, ProviderContext } from '../../src/main/providers/provider'
import { AppError } from '../../src/shared/errors'
import type { Account, KeyRecord, KeyState, PropagationOp, ProviderId } from '../../src/shared/model'
import { FakeClock } from '../../tests/support/fake-clock'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const START = Date.parse('2030-01-01T00:00:00.000Z')
const MINUTES = 10
const RECORDS = 1000
const ACCOUNTS_PER_PROVIDER = 10
const TARGET = 5
/** Per provider: the operation tracked, the state the service shows meanwhile, and the share of the records. */
const MIX: readonly { provider: ProviderId; op: PropagationOp; state: KeyState; share: number }[] = [
  { provider: 'onqlave', op: 'create', state: 'pending', share: 0.4 },
  { provider: 'spaceone', op: 'disable', state: 'disabled', share: 0.3 },
  { provider: 'cloudmc', op: 'delete', state: 'enabled', share: 0.3 },
]

interface Read {
  readonly accountId: string
  readonly keyId?: string
  readonly at: number
}

function memorySettings(): SettingsStore {
  const data: SettingsData = {
    accounts: [],
    preferences: DEFAULT_PREFERENCES,
    propagations: [],
    rotations: [],
    unconfirmedCreates: [],
    demo: null,
    lock: null,
  }
  return {
    get: (key) => data[key],
    set: (key, value) => {
      data[key] = value
    },
    path: ':memory:',
    recovery: null,
  }
}

function seeded(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return s / 2 ** 31
  }
}

async function once(
  seed: number,
): Promise<{ requests: number; earlyWindowReads: number; probes: number; reads: number }> {
  const clock = new FakeClock(START)
  const accounts = new Map<string, Account>()
  const keys = new Map<string, Map<string, KeyRecord>>()
  const reads: Read[] = []
  const settleBy = new Map<string, number>()
  let probes = 0
  const record = (provider: ProviderId, accountId: string, keyId: string, state: KeyState): KeyRecord => ({
    provider,
    accountId,
    keyId,
    name: keyId,
    state,
    createdAt: new Date(START).toISOString(),
    extra: {},
  })
  const provider = (id: ProviderId): KeyProvider => {
    const real = getProvider(id)
    const read = (ctx: ProviderContext, keyId?: string): void => {
      reads.push({ accountId: ctx.account.id, keyId, at: clock.now() })
    }
    return {
      ...real,
      list: async (ctx) => {
        read(ctx)
        return [...(keys.get(ctx.account.id)?.values() ?? [])]
      },
      get: async (ctx, keyId) => {
        read(ctx, keyId)
        return keys.get(ctx.account.id)?.get(keyId) ?? null
      },
    }
  }
  const fakeAccounts = {
    get: (id: string): Account => {
      const a = accounts.get(id)
      if (!a) throw new AppError('NOT_FOUND', 'no such account')
      return a
    },
    context: async (id: string): Promise<ProviderContext> => ({
      account: fakeAccounts.get(id),
      credential: { provider: 'cloudmc', apiKey: 'bench-only' },
      http: { request: () => Promise.reject(new Error('no network')) },
    }),
    setStatus: (): void => undefined,
  }
  const tracker = new Propagations(
    memorySettings(),
    fakeAccounts,
    { clock, emit: () => undefined, providers: { get: provider, all: () => [] } },
    {
      random: seeded(seed),
      // Worst case for SpaceONE: every key's secret is kept, so each record is probed with its own key every minute.
      prober: async () => {
        probes += 1
        return 'accepted'
      },
    },
  )
  tracker.start()
  for (const m of MIX) {
    for (let a = 0; a < ACCOUNTS_PER_PROVIDER; a += 1) {
      const id = `${m.provider}-${a}`
      accounts.set(id, {
        id,
        provider: m.provider,
        label: id,
        endpoint: 'http://127.0.0.1:1',
        facts: {},
        demo: false,
        createdAt: new Date(START).toISOString(),
        propagationWindowSec: 600,
        refreshIntervalSec: 60,
      })
      keys.set(id, new Map())
    }
  }
  let n = 0
  for (const m of MIX) {
    const count = Math.round(RECORDS * m.share)
    for (let i = 0; i < count; i += 1, n += 1) {
      const accountId = `${m.provider}-${i % ACCOUNTS_PER_PROVIDER}`
      const keyId = `key-${n}`
      keys.get(accountId)?.set(keyId, record(m.provider, accountId, keyId, m.state))
      const tracked = tracker.track(accountId, keyId, m.op)
      if (tracked && m.op === 'disable') settleBy.set(accountId, Date.parse(tracked.settleBy))
    }
  }
  if (n !== RECORDS) throw new Error(`tracked ${n} records, not ${RECORDS}`)
  await clock.advance(MINUTES * 60_000)
  tracker.stop()
  const earlyWindowReads = reads.filter((r) => r.at < (settleBy.get(r.accountId) ?? -Infinity)).length
  return { requests: tracker.stats.requests, earlyWindowReads, probes, reads: reads.length }
}

export async function propagationRow(): Promise<RowResult> {
  const runs: Awaited<ReturnType<typeof once>>[] = []
  for (let run = 0; run < RUNS; run += 1) runs.push(await once(42 + run))
  const ratios = runs.map((r) => r.requests / RECORDS)
  const s = summarize(ratios)
  const early = runs.reduce((n, r) => n + r.earlyWindowReads, 0)
  return result({
    id: '9',
    title: `${RECORDS.toLocaleString('en')} pending propagations, ${MINUTES} simulated min: requests ÷ records (time-window reads early: ${early})`,
    unit: '×',
    target: TARGET,
    figure: round(s.median, 3),
    summary: s,
    also: early === 0,
    detail: {
      requests: runs.map((r) => r.requests),
      serviceReads: runs.map((r) => r.reads),
      keyProbes: runs.map((r) => r.probes),
      earlyWindowReads: runs.map((r) => r.earlyWindowReads),
    },
  })
}
