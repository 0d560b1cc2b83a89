// keys.list over the browser host's HTTP: the account's fields once instead of on every key, each key as a row of its
// own fields, and each distinct `extra` written once however many keys share it. 50,000 keys are then about half the
// bytes of the KeyRecord JSON, which the host writes and the page parses. The page gets the same KeyRecords back.
// Electron's IPC passes the KeyList itself, unencoded.
import type { KeyRecord, ProviderId } from './model'
import type { KeyList } from './results'

export interface PackedKeyList {
  readonly packed: 1
  readonly accountId: string
  readonly provider: ProviderId
  readonly fetchedAt: string
  /**
   * Per key: keyId, name, state, createdAt, its extra's place in `extras`, then lastUsedAt, lastUsedIp, expiresAt;
   * an absent field is null, and absent fields at the end are left out.
   */
  readonly rows: readonly (readonly Cell[])[]
  readonly extras: readonly Readonly<Record<string, string>>[]
}

type Cell = string | number | null

const OPTIONAL = ['lastUsedAt', 'lastUsedIp', 'expiresAt'] as const
/** Every field a KeyRecord has: a key with any other is sent as it is. */
const FIELDS = 7 + OPTIONAL.length

/** The list as the host sends it; the list itself when a key does not fit the rows (another account, a new field). */
export function packKeyList(list: KeyList): PackedKeyList | KeyList {
  const first = list.keys[0]
  if (!first) return list
  const extraAt = new Map<string, number>()
  const extras: Readonly<Record<string, string>>[] = []
  const rows: Cell[][] = []
  for (const key of list.keys) {
    if (key.accountId !== list.accountId || key.provider !== first.provider || !onlyKnownFields(key)) return list
    const shape = isEmpty(key.extra) ? '' : JSON.stringify(key.extra)
    let at = extraAt.get(shape)
    if (at === undefined) {
      at = extras.push(key.extra) - 1
      extraAt.set(shape, at)
    }
    const row: Cell[] = [key.keyId, key.name, key.state, key.createdAt, at]
    for (const field of OPTIONAL) row.push(key[field] ?? null)
    while (row[row.length - 1] === null) row.pop()
    rows.push(row)
  }
  return { packed: 1, accountId: list.accountId, provider: first.provider, fetchedAt: list.fetchedAt, rows, extras }
}

/** The KeyList a packed list stands for; anything else is returned as it is. */
export function unpackKeyList(value: unknown): unknown {
  if (!isPacked(value)) return value
  const { accountId, provider, extras } = value
  const keys = value.rows.map((row): KeyRecord => {
    const key: Record<string, unknown> = {
      provider,
      accountId,
      keyId: row[0],
      name: row[1],
      state: row[2],
      createdAt: row[3],
      extra: extras[row[4] as number] ?? {},
    }
    OPTIONAL.forEach((field, i) => {
      const cell = row[5 + i]
      if (cell !== undefined && cell !== null) key[field] = cell
    })
    return key as unknown as KeyRecord
  })
  return { accountId, keys, fetchedAt: value.fetchedAt } satisfies KeyList
}

/** keys.list answers travel packed over HTTP; every other channel's value as it is. */
export function valueToWire(channel: string, value: unknown): unknown {
  return channel === 'keys.list' && isKeyList(value) ? packKeyList(value) : value
}

export function valueFromWire(channel: string, value: unknown): unknown {
  return channel === 'keys.list' ? unpackKeyList(value) : value
}

function isPacked(value: unknown): value is PackedKeyList {
  return typeof value === 'object' && value !== null && (value as { packed?: unknown }).packed === 1
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
