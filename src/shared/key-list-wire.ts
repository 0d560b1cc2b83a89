// keys.list over the browser host's HTTP: the account's fields once instead of on every key, each field of the keys
// as one column, and each distinct `extra` written once however many keys share it. 50,000 keys are then about half
// the bytes of the KeyRecord JSON, and a handful of arrays instead of 50,000 objects for the host to build and the page
// to parse. The page gets the same KeyRecords back. Electron's IPC passes the KeyList itself, unencoded.
import type { KeyRecord, ProviderId } from './model'
import type { KeyList } from './results'

type Cell = string | null
const OPTIONAL = ['lastUsedAt', 'lastUsedIp', 'expiresAt'] as const
type Optional = (typeof OPTIONAL)[number]

export interface PackedKeyList {
  readonly packed: 2
  readonly accountId: string
  readonly provider: ProviderId
  readonly fetchedAt: string
  /** One entry per key, in order, in every column. */
  readonly keyId: readonly string[]
  readonly name: readonly string[]
  readonly state: readonly string[]
  readonly createdAt: readonly string[]
  /** Each key's extra, as its place in `extras`. */
  readonly extra: readonly number[]
  readonly extras: readonly Readonly<Record<string, string>>[]
  /** An optional field's column is left out when no key has it; a key without it has null. */
  readonly optional: Readonly<Partial<Record<Optional, readonly Cell[]>>>
}

/** Every field a KeyRecord has: a key with any other is sent as it is. */
const FIELDS = 7 + OPTIONAL.length

/** The list as the host sends it; the list itself when a key does not fit the columns (another account, a new field). */
export function packKeyList(list: KeyList): PackedKeyList | KeyList {
  const first = list.keys[0]
  if (!first) return list
  const n = list.keys.length
  const extraAt = new Map<string, number>()
  const extras: Readonly<Record<string, string>>[] = []
  // Columns are sized once: pushing 50,000 items into each grew and copied them again and again, the larger part of
  // the packing time.
  const keyId = new Array<string>(n)
  const name = new Array<string>(n)
  const state = new Array<string>(n)
  const createdAt = new Array<string>(n)
  const extra = new Array<number>(n)
  const lastUsedAt = new Array<Cell>(n)
  const lastUsedIp = new Array<Cell>(n)
  const expiresAt = new Array<Cell>(n)
  for (let i = 0; i < n; i += 1) {
    const key = list.keys[i]
    if (key.accountId !== list.accountId || key.provider !== first.provider || !onlyKnownFields(key)) return list
    const shape = isEmpty(key.extra) ? '' : JSON.stringify(key.extra)
    let at = extraAt.get(shape)
    if (at === undefined) {
      at = extras.push(key.extra) - 1
      extraAt.set(shape, at)
    }
    keyId[i] = key.keyId
    name[i] = key.name
    state[i] = key.state
    createdAt[i] = key.createdAt
    extra[i] = at
    lastUsedAt[i] = key.lastUsedAt ?? null
    lastUsedIp[i] = key.lastUsedIp ?? null
    expiresAt[i] = key.expiresAt ?? null
  }
  const columns = { lastUsedAt, lastUsedIp, expiresAt }
  const optional = Object.fromEntries(
    OPTIONAL.filter((f) => columns[f].some((cell) => cell !== null)).map((f) => [f, columns[f]]),
  )
  const { accountId, fetchedAt } = list
  return {
    packed: 2,
    accountId,
    provider: first.provider,
    fetchedAt,
    keyId,
    name,
    state,
    createdAt,
    extra,
    extras,
    optional,
  }
}

/** The KeyList a packed list stands for; anything else is returned as it is. */
export function unpackKeyList(value: unknown): unknown {
  if (!isPacked(value)) return value
  const { accountId, provider, extras, optional } = value
  const present = OPTIONAL.filter((field) => optional[field] !== undefined)
  const keys = new Array<KeyRecord>(value.keyId.length)
  for (let i = 0; i < keys.length; i += 1) {
    const key: Record<string, unknown> = {
      provider,
      accountId,
      keyId: value.keyId[i],
      name: value.name[i],
      state: value.state[i],
      createdAt: value.createdAt[i],
      extra: extras[value.extra[i] ?? -1] ?? {},
    }
    for (const field of present) {
      const cell = optional[field]?.[i]
      if (cell !== undefined && cell !== null) key[field] = cell
    }
    keys[i] = key as unknown as KeyRecord
  }
  return { accountId, keys, fetchedAt: value.fetchedAt } satisfies KeyList
}

/** keys.list and keys.opening answers travel packed over HTTP; every other channel's value as it is. */
export function valueToWire(channel: string, value: unknown): unknown {
  if (channel === 'keys.opening' && Array.isArray(value)) return value.map((v) => valueToWire('keys.list', v))
  return channel === 'keys.list' && isKeyList(value) ? packKeyList(value) : value
}

export function valueFromWire(channel: string, value: unknown): unknown {
  if (channel === 'keys.opening' && Array.isArray(value)) return value.map(unpackKeyList)
  return channel === 'keys.list' ? unpackKeyList(value) : value
}

function isPacked(value: unknown): value is PackedKeyList {
  return typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === 2
}

function isKeyList(value: unknown): value is KeyList {
  return typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
}

function onlyKnownFields(key: KeyRecord): boolean {
  let count = 0
  for (const field in key) {
    if (!Object.hasOwn(key, field)) continue
    count += 1
    if (count > FIELDS) return false
  }
  let known = 7
  for (const field of OPTIONAL) if (Object.hasOwn(key, field)) known += 1
  return count === known
}

function isEmpty(extra: Readonly<Record<string, string>>): boolean {
  for (const field in extra) if (Object.hasOwn(extra, field)) return false
  return true
}
