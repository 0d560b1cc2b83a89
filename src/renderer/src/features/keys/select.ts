// Memoised selectors from per-account state to the rows on screen. Each stage recomputes only when its own inputs
// change, so a refresh of one account, a selection or a keystroke does not redo the work of the others.
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import type { AccountView, KeyRecord, Propagation, ProviderId } from '../../../../shared/model'
import type { AccountKeys } from '../../store/keys'
import type { ListPrefs } from '../../store/prefs'
import { FLAG_KINDS, keyFlags, type FlagKind } from './flags'
import { displayState, STATE_RANK } from './key-state'
import { positionsMatching, searchTexts, warmSearch } from './search-index'

export const SORT_KEYS = [
  'name',
  'keyId',
  'account',
  'state',
  'createdAt',
  'age',
  'lastUsedAt',
  'expiresAt',
  'application',
  'flags',
] as const
export type SortKey = (typeof SORT_KEYS)[number]
export const isSortKey = (k: string): k is SortKey => (SORT_KEYS as readonly string[]).includes(k)

export interface ListInput {
  readonly view: string
  readonly accounts: readonly AccountView[]
  readonly byAccount: Readonly<Record<string, AccountKeys>>
  readonly propagation: Readonly<Record<string, Propagation>>
  readonly query: ListPrefs
  readonly descriptors: Descriptors
}

type Descriptors = Readonly<Partial<Record<ProviderId, ProviderDescriptor>>>

type Labels = ReadonlyMap<string, string>
type Props = Readonly<Record<string, Propagation>>
const NONE: readonly KeyRecord[] = []
const NO_PROPS: Props = {}

/** Remembers the last call only: enough for one list on screen, and it never grows. */
function lastCall<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let prevArgs: A | null = null
  let prev: R
  return (...args: A): R => {
    if (prevArgs && prevArgs.length === args.length && prevArgs.every((a, i) => Object.is(a, args[i]))) return prev
    prevArgs = args
    prev = fn(...args)
    return prev
  }
}

export function createListSelector(): (input: ListInput) => readonly KeyRecord[] {
  let parts: readonly (readonly KeyRecord[])[] = []
  let gathered: readonly KeyRecord[] = NONE
  const gather = (
    view: string,
    accounts: readonly AccountView[],
    byAccount: ListInput['byAccount'],
  ): readonly KeyRecord[] => {
    const next = view === 'all' ? accounts.map((a) => byAccount[a.id]?.keys ?? NONE) : [byAccount[view]?.keys ?? NONE]
    if (next.length === parts.length && next.every((p, i) => p === parts[i])) return gathered
    parts = next
    gathered = next.length === 1 ? (next[0] ?? NONE) : next.flat()
    return gathered
  }
  let labels: Labels = new Map()
  const labelsOf = (accounts: readonly AccountView[]): Labels => {
    const same = accounts.length === labels.size && accounts.every((a) => labels.get(a.id) === a.label)
    if (!same) labels = new Map(accounts.map((a) => [a.id, a.label]))
    return labels
  }
  const sort = lastCall(sortKeys)
  const filter = narrowingFilter()
  return ({ view, accounts, byAccount, propagation, query, descriptors }) => {
    const keys = gather(view, accounts, byAccount)
    const names = labelsOf(accounts)
    const sortKey: SortKey = isSortKey(query.sortKey) ? query.sortKey : 'createdAt'
    const sorted = sort(
      keys,
      sortKey,
      query.sortDesc,
      sortKey === 'account' ? names : null,
      sortKey === 'state' ? propagation : NO_PROPS,
      descriptors,
    )
    warmSearch(sorted)
    const searching = query.search.trim() !== ''
    return filter(
      sorted,
      query.search.trim().toLowerCase(),
      query.states.join(','),
      query.providers.join(','),
      searching ? names : null,
      query.states.length ? propagation : NO_PROPS,
      descriptors,
    )
  }
}

function stateOf(k: KeyRecord, props: Props, descriptors: Descriptors) {
  const d = descriptors[k.provider]
  return d ? displayState(k, props[`${k.accountId}/${k.keyId}`], d) : undefined
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
/** Columns whose values are ISO-8601 UTC timestamps: their text order is their time order, no collation needed. */
const ORDINAL: ReadonlySet<SortKey> = new Set(['createdAt', 'lastUsedAt', 'expiresAt'])

/** Decorate-sort-undecorate: each key is read once, not once per comparison. */
export function sortKeys(
  keys: readonly KeyRecord[],
  sortKey: SortKey,
  desc: boolean,
  labels: Labels | null,
  props: Props,
  descriptors: Descriptors,
): readonly KeyRecord[] {
  const values = keys.map((k) => sortValue(k, sortKey, labels, props, descriptors))
  const order = keys.map((_, i) => i)
  const dir = desc ? -1 : 1
  // Collation is the costly part of sorting 50,000 names; timestamps and numbers compare as they are.
  const ordinal = ORDINAL.has(sortKey)
  const byName = sortKey === 'name'
  order.sort((a, b) => {
    const va = values[a] ?? ''
    const vb = values[b] ?? ''
    // Keys without a value (never used, no application) stay at the bottom whichever way the column sorts.
    if (va === '' || vb === '') return va === vb ? a - b : va === '' ? 1 : -1
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : ordinal
          ? va < vb
            ? -1
            : va > vb
              ? 1
              : 0
          : collator.compare(String(va), String(vb))
    if (c !== 0) return c * dir
    if (!byName) return a - b
    // Keys of one name (an Onqlave account's share one, shown under their ids) go by id, both ways round.
    const ka = keys[a]?.keyId ?? ''
    const kb = keys[b]?.keyId ?? ''
    return ka < kb ? -dir : ka > kb ? dir : a - b
  })
  return order.map((i) => keys[i])
}

function sortValue(
  k: KeyRecord,
  sortKey: SortKey,
  labels: Labels | null,
  props: Props,
  descriptors: Descriptors,
): string | number {
  switch (sortKey) {
    case 'name':
      return k.name || k.keyId
    case 'keyId':
      return k.keyId
    case 'account':
      return labels?.get(k.accountId) ?? k.accountId
    case 'state':
      return STATE_RANK[stateOf(k, props, descriptors)?.kind ?? 'enabled']
    case 'createdAt':
      return k.createdAt
    case 'age':
      return -Date.parse(k.createdAt) || 0
    case 'lastUsedAt':
      return k.lastUsedAt ?? ''
    case 'expiresAt':
      // ISO times sort as text; a key that never expires stays at the bottom either way.
      return k.expiresAt ?? ''
    case 'application':
      return [k.extra.applicationName, k.extra.clusterName].filter(Boolean).join(' ')
    case 'flags': {
      // Most flags first when descending; a key with none stays at the bottom either way.
      const d = descriptors[k.provider]
      const n = d ? keyFlags(k, d.lastUse, Date.now()).length : 0
      return n === 0 ? '' : n
    }
  }
}

/**
 * The filter remembering its last call. Typing adds letters, and a longer search can only match some of what the
 * shorter one matched, so each keystroke looks only at the previous answer's keys rather than at every key again.
 */
function narrowingFilter(): (...args: FilterArgs) => readonly KeyRecord[] {
  let prev: { args: FilterArgs; rows: readonly KeyRecord[]; kept: readonly number[] | null } | null = null
  return (...args) => {
    const [sorted, search, ...rest] = args
    const same =
      prev !== null && Object.is(prev.args[0], sorted) && rest.every((a, i) => Object.is(a, prev?.args[i + 2]))
    const before = prev?.args[1] ?? ''
    if (same && prev && before === search) return prev.rows
    const within = same && prev && before !== '' && search.startsWith(before) ? prev.kept : null
    const kept = keptPositions(args, within)
    prev = { args, kept, rows: kept ? kept.map((i) => sorted[i]) : sorted }
    return prev.rows
  }
}

type FilterArgs = [
  sorted: readonly KeyRecord[],
  search: string,
  /** States and providers arrive joined, so an equal choice is an equal argument. */
  states: string,
  providers: string,
  labels: Labels | null,
  props: Props,
  descriptors: Descriptors,
]

/** Positions in the sorted keys of those the search and filters keep (null: no filter, all of them), in order. */
function keptPositions(
  [sorted, search, states, providers, labels, props, descriptors]: FilterArgs,
  within: readonly number[] | null,
): readonly number[] | null {
  if (!search && !states && !providers) return null
  const chosen = states ? states.split(',') : []
  const flagSet = new Set(chosen.filter(isFlagKind))
  const stateSet = new Set(chosen.filter((s) => !isFlagKind(s)))
  const now = Date.now()
  const providerSet = new Set(providers ? providers.split(',') : [])
  const labelHit = new Set<string>()
  if (search && labels) for (const [id, label] of labels) if (label.toLowerCase().includes(search)) labelHit.add(id)
  const texts = search ? searchTexts(sorted) : []
  // The usual case, a search alone: one loop over plain strings.
  if (search && labelHit.size === 0 && !states && !providers) return positionsMatching(texts, search, within)
  const keep = (i: number): boolean => {
    const k = sorted[i]
    if (providerSet.size && !providerSet.has(k.provider)) return false
    if (stateSet.size && !stateSet.has(stateOf(k, props, descriptors)?.filter ?? '')) return false
    if (flagSet.size && !hasFlag(k, flagSet, descriptors, now)) return false
    return !search || labelHit.has(k.accountId) || texts[i].includes(search)
  }
  const out: number[] = []
  if (within) {
    for (const i of within) if (keep(i)) out.push(i)
  } else {
    for (let i = 0; i < sorted.length; i += 1) if (keep(i)) out.push(i)
  }
  return out
}

const isFlagKind = (s: string): s is FlagKind => (FLAG_KINDS as readonly string[]).includes(s)

function hasFlag(k: KeyRecord, kinds: ReadonlySet<FlagKind>, descriptors: Descriptors, now: number): boolean {
  const d = descriptors[k.provider]
  return d !== undefined && keyFlags(k, d.lastUse, now).some((f) => kinds.has(f.kind))
}
