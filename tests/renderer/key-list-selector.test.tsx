import { describe, expect, it } from 'vitest'
import type { KeyRecord, Propagation } from '../../src/shared/model'
import type { AccountKeys } from '../../src/renderer/src/store/keys'
import { DEFAULT_LIST, type ListPrefs } from '../../src/renderer/src/store/prefs'
import { createListSelector, type ListInput } from '../../src/renderer/src/features/keys/select'
import { account, DESCRIPTORS, key } from './fake-api'

const BY_ID = Object.fromEntries(DESCRIPTORS.map((d) => [d.id, d]))

const loaded = (keys: readonly KeyRecord[]): AccountKeys => ({
  keys,
  loading: false,
  fetchedAt: 1,
  error: null,
  again: false,
})
const accounts = [
  account('s1', 'spaceone', 'Space prod'),
  account('c1', 'cloudmc', 'Cloud dev'),
  account('o1', 'onqlave', 'Onq main'),
]
const keys = {
  s1: [
    key('s1', 'api-key-aaa', { provider: 'spaceone', createdAt: '2024-03-01T00:00:00Z' }),
    key('s1', 'api-key-bbb', { provider: 'spaceone', state: 'disabled', createdAt: '2024-01-01T00:00:00Z' }),
  ],
  c1: [
    key('c1', 'uuid-1', {
      name: 'billing exporter',
      createdAt: '2024-02-01T00:00:00Z',
      lastUsedAt: '2024-06-01T00:00:00Z',
      lastUsedIp: '10.0.0.1',
    }),
    key('c1', 'uuid-2', { name: 'Alpha ci', createdAt: '2024-04-01T00:00:00Z' }),
  ],
  o1: [
    key('o1', 'apikey--1', {
      provider: 'onqlave',
      name: 'shop · arx-eu',
      state: 'pending',
      createdAt: '2024-05-01T00:00:00Z',
      extra: { applicationName: 'shop', clusterName: 'arx-eu' },
    }),
    key('o1', 'apikey--2', { provider: 'onqlave', name: 'old', state: 'deleted', createdAt: '2023-12-01T00:00:00Z' }),
  ],
}
const byAccount = { s1: loaded(keys.s1), c1: loaded(keys.c1), o1: loaded(keys.o1) }
const disabling: Propagation = {
  accountId: 's1',
  keyId: 'api-key-aaa',
  op: 'disable',
  requestedAt: '2024-06-01T10:00:00Z',
  settleBy: '2024-06-01T10:10:00Z',
  state: 'propagating',
}

const input = (query: Partial<ListPrefs> = {}, over: Partial<ListInput> = {}): ListInput => ({
  view: 'all',
  accounts,
  byAccount,
  propagation: {},
  descriptors: BY_ID,
  query: { ...DEFAULT_LIST, ...query },
  ...over,
})
const ids = (rows: readonly KeyRecord[]): string[] => rows.map((k) => k.keyId)

describe('the key list selector', () => {
  it("lists every account's keys in the All view and only the open account's keys otherwise", () => {
    expect(createListSelector()(input())).toHaveLength(6)
    expect(ids(createListSelector()(input({}, { view: 'c1' })))).toEqual(['uuid-2', 'uuid-1'])
  })

  it('searches names, ids and account labels, ignoring case', () => {
    const select = createListSelector()
    expect(ids(select(input({ search: 'BILLING' })))).toEqual(['uuid-1'])
    expect(ids(select(input({ search: 'key-bb' })))).toEqual(['api-key-bbb'])
    expect(ids(select(input({ search: 'onq main', sortKey: 'keyId', sortDesc: false })))).toEqual([
      'apikey--1',
      'apikey--2',
    ])
    expect(select(input({ search: 'nothing like this' }))).toHaveLength(0)
  })

  it('filters by state, counting a change still propagating as its own state', () => {
    const select = createListSelector()
    const propagation = { 's1/api-key-aaa': disabling }
    expect(ids(select(input({ states: ['propagating'] }, { propagation })))).toEqual(['api-key-aaa'])
    expect(ids(select(input({ states: ['enabled'] }, { propagation })))).toEqual(['uuid-2', 'uuid-1'])
    expect(ids(select(input({ states: ['pending', 'deleted'], sortKey: 'keyId', sortDesc: false })))).toEqual([
      'apikey--1',
      'apikey--2',
    ])
  })

  it('filters by provider', () => {
    expect(ids(createListSelector()(input({ providers: ['spaceone'] })))).toEqual(['api-key-aaa', 'api-key-bbb'])
  })

  it('sorts by any column in either direction, keeping keys without a value last', () => {
    const select = createListSelector()
    expect(ids(select(input({ sortKey: 'name', sortDesc: false })))).toEqual(
      ['Alpha ci', 'api-key-aaa', 'api-key-bbb', 'billing exporter', 'old', 'shop · arx-eu'].map(
        (n) =>
          Object.values(keys)
            .flat()
            .find((k) => k.name === n)?.keyId,
      ),
    )
    expect(ids(select(input({ sortKey: 'createdAt', sortDesc: false })))[0]).toBe('apikey--2')
    expect(ids(select(input({ sortKey: 'age', sortDesc: false })))[0]).toBe('apikey--1')
    expect(ids(select(input({ sortKey: 'lastUsedAt', sortDesc: true })))[0]).toBe('uuid-1')
    expect(ids(select(input({ sortKey: 'lastUsedAt', sortDesc: false })))[0]).toBe('uuid-1')
    expect(ids(select(input({ sortKey: 'account', sortDesc: false }))).slice(0, 2)).toEqual(['uuid-1', 'uuid-2'])
    expect(ids(select(input({ sortKey: 'state', sortDesc: false }))).at(-1)).toBe('apikey--2')
  })
})

describe('the key list selector at 10,000 keys', () => {
  // Every property read of every key is counted: that is the work the selector does, whatever the machine's speed.
  let reads = 0
  const counted = (k: KeyRecord): KeyRecord =>
    new Proxy(k, {
      get: (t, p, r) => {
        reads += 1
        return Reflect.get(t, p, r) as unknown
      },
    })
  const big = Array.from({ length: 10_000 }, (_, i) =>
    counted(
      key('big', `k${String(i).padStart(5, '0')}`, {
        name: `service ${i % 97} key ${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      }),
    ),
  )
  const small = [key('other', 'x1')]
  const accs = [account('big', 'cloudmc', 'Big'), account('other', 'cloudmc', 'Other')]
  const state = (o: Partial<Record<string, AccountKeys>> = {}): Record<string, AccountKeys> => ({
    big: loaded(big),
    other: loaded(small),
    ...o,
  })

  it('orders keys of one name by their ids, the other way round when the sort turns', () => {
    const shared = [
      key('o1', 'apikey--u7', { provider: 'onqlave', name: 'billing · arx' }),
      key('o1', 'apikey--Jz6', { provider: 'onqlave', name: 'billing · arx' }),
      key('o1', 'apikey--a1', { provider: 'onqlave', name: 'billing · arx' }),
    ]
    const over = { view: 'o1', byAccount: { ...byAccount, o1: loaded(shared) } }
    const select = createListSelector()
    expect(ids(select(input({ sortKey: 'name', sortDesc: false }, over)))).toEqual([
      'apikey--Jz6',
      'apikey--a1',
      'apikey--u7',
    ])
    expect(ids(select(input({ sortKey: 'name', sortDesc: true }, over)))).toEqual([
      'apikey--u7',
      'apikey--a1',
      'apikey--Jz6',
    ])
  })

  it('does no work again when something unrelated changes, and returns the same array', () => {
    const select = createListSelector()
    const query = { ...DEFAULT_LIST, sortKey: 'name', sortDesc: false }
    reads = 0
    const first = select({
      view: 'big',
      accounts: accs,
      byAccount: state(),
      propagation: {},
      descriptors: BY_ID,
      query,
    })
    expect(first).toHaveLength(10_000)
    // Decorate-sort-undecorate: a bounded number of reads per key, not one per comparison (n log n ≈ 130,000).
    expect(reads).toBeLessThan(10_000 * 3)

    reads = 0
    const otherRefreshed = select({
      view: 'big',
      accounts: accs.map((a) => ({ ...a, status: 'checking' as const })),
      byAccount: state({ other: { ...loaded([key('other', 'x2')]), loading: true } }),
      propagation: { 'other/x2': { ...disabling, accountId: 'other', keyId: 'x2' } },
      descriptors: BY_ID,
      query,
    })
    expect(otherRefreshed).toBe(first)
    expect(reads).toBe(0)
  })

  it('filters a search without sorting again, and sorts again only when the sort changes', () => {
    const select = createListSelector()
    const base = { view: 'big', accounts: accs, byAccount: state(), propagation: {}, descriptors: BY_ID }
    select({ ...base, query: DEFAULT_LIST })
    reads = 0
    const found = select({ ...base, query: { ...DEFAULT_LIST, search: 'service 5 key' } })
    expect(found.length).toBeGreaterThan(0)
    expect(found.every((k) => k.name.includes('service 5 key'))).toBe(true)
    // The search reads each key's text once and caches it; the sorted order is reused.
    expect(reads).toBeLessThanOrEqual(10_000 * 6 + found.length * 2)
    reads = 0
    select({ ...base, query: { ...DEFAULT_LIST, search: 'service 5 key 1' } })
    expect(reads).toBeLessThanOrEqual(10_000 * 2)

    reads = 0
    const resorted = select({ ...base, query: { ...DEFAULT_LIST, sortDesc: false } })
    expect(resorted[0]?.keyId).toBe('k00000')
    expect(reads).toBeLessThan(10_000 * 3)
  })

  it('answers each keystroke of a search as a fresh selector would, typing forwards and backwards', () => {
    const select = createListSelector()
    const base = { view: 'big', accounts: accs, byAccount: state(), propagation: {}, descriptors: BY_ID }
    const typed = ['s', 'se', 'service 1', 'service 17', 'service 17 key 1', 'service 17', 'service 1', '']
    for (const search of typed) {
      const query = { ...DEFAULT_LIST, search }
      expect(ids(select({ ...base, query }))).toEqual(ids(createListSelector()({ ...base, query })))
    }
  })

  it("in the All view rebuilds only when an account's keys change, not on its loading flag", () => {
    const select = createListSelector()
    const first = select({
      view: 'all',
      accounts: accs,
      byAccount: state(),
      propagation: {},
      descriptors: BY_ID,
      query: DEFAULT_LIST,
    })
    expect(first).toHaveLength(10_001)
    reads = 0
    const loadingOnly = select({
      view: 'all',
      accounts: accs,
      byAccount: state({ other: { ...loaded(small), loading: true } }),
      propagation: {},
      descriptors: BY_ID,
      query: DEFAULT_LIST,
    })
    expect(loadingOnly).toBe(first)
    expect(reads).toBe(0)
    const changed = select({
      view: 'all',
      accounts: accs,
      byAccount: state({ other: loaded([...small, key('other', 'x3')]) }),
      propagation: {},
      descriptors: BY_ID,
      query: DEFAULT_LIST,
    })
    expect(changed).toHaveLength(10_002)
  })
})
