// The subset of spaceone.api.core.v1.Query the sandbox serves for api-key/list (§2, §8).
import { HttpError, isObject, type JsonObject } from './http'

export type Row = Readonly<Record<string, string>>

interface Condition {
  readonly k: string
  readonly v: unknown
  readonly o: string
}

export interface QueryResult {
  readonly results: readonly Row[]
  readonly total_count: number
}

const MINIMAL = ['api_key_id', 'state', 'user_id']
const LIST_OPERATORS = new Set(['in', 'not_in', 'contain_in', 'not_contain_in'])
// regex, match and timediff_* are left out: a user-supplied pattern could stall the one event loop.
const OPERATORS = new Set([
  ...LIST_OPERATORS,
  'eq',
  'not',
  'lt',
  'lte',
  'gt',
  'gte',
  'exists',
  'contain',
  'not_contain',
  'datetime_lt',
  'datetime_lte',
  'datetime_gt',
  'datetime_gte',
])

export function runQuery(rows: readonly Row[], query: unknown, fixed: readonly Condition[]): QueryResult {
  if (query !== undefined && query !== null && !isObject(query)) throw typeError('query', 'dict')
  const q: JsonObject = isObject(query) ? query : {}
  const filter = [...fixed, ...conditions(q.filter, 'filter')]
  const anyOf = conditions(q.filter_or, 'filter_or')
  const keyword = optionalString(q.keyword, 'keyword')?.toLowerCase()
  const matched = rows.filter(
    (row) =>
      filter.every((c) => matches(row, c)) &&
      (anyOf.length === 0 || anyOf.some((c) => matches(row, c))) &&
      (!keyword || contains(row.api_key_id, keyword) || contains(row.user_id, keyword)),
  )
  const total = matched.length
  if (q.count_only === true) return { results: [], total_count: total }
  const sorted = sortRows(matched, q.sort)
  const page = paginate(sorted, q.page)
  const fields = projection(q.only, q.minimal)
  return { results: fields ? page.map((row) => pick(row, fields)) : page, total_count: total }
}

export function eq(k: string, v: string): Condition {
  return { k, v, o: 'eq' }
}

export function projection(only: unknown, minimal: unknown): readonly string[] | undefined {
  if (only !== undefined && only !== null) {
    if (!Array.isArray(only) || !only.every((f) => typeof f === 'string')) throw typeError('only', 'list')
    if (only.length > 0) return only
  }
  return minimal === true ? MINIMAL : undefined
}

export function pick(row: Row, fields: readonly string[]): Row {
  const out: Record<string, string> = {}
  for (const f of fields) {
    const value = row[f]
    if (value !== undefined) out[f] = value
  }
  return out
}

function conditions(value: unknown, name: string): Condition[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw typeError(name, 'list')
  return value.map((entry: unknown) => {
    const k = isObject(entry) ? (entry.k ?? entry.key) : undefined
    const o = isObject(entry) ? (entry.o ?? entry.operator ?? 'eq') : undefined
    if (!isObject(entry) || typeof k !== 'string' || typeof o !== 'string') {
      throw dbQuery(`Filter condition should have key, value and operator. (condition = ${JSON.stringify(entry)})`)
    }
    if (!OPERATORS.has(o)) throw dbQuery(`Filter operator is not supported. (operator = ${o})`)
    const v = entry.v ?? entry.value
    if (LIST_OPERATORS.has(o) && !Array.isArray(v)) {
      throw new HttpError(
        400,
        'ERROR_OPERATOR_LIST_VALUE_TYPE',
        `Only list type is allowed. (operator = ${o}, condition = ${JSON.stringify(entry)})`,
      )
    }
    return { k, v, o }
  })
}

function matches(row: Row, { k, v, o }: Condition): boolean {
  const value = row[k]
  switch (o) {
    case 'eq':
      return value === v
    case 'not':
      return value !== v
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return typeof v === 'string' && value !== undefined && compare(o, value < v ? -1 : value > v ? 1 : 0)
    case 'datetime_lt':
    case 'datetime_lte':
    case 'datetime_gt':
    case 'datetime_gte':
      return typeof v === 'string' && !!value && compare(o.slice(9), Date.parse(value) - Date.parse(v))
    case 'exists':
      return (value !== undefined) === Boolean(v)
    case 'contain':
      return typeof v === 'string' && contains(value, v.toLowerCase())
    case 'not_contain':
      return typeof v === 'string' && !contains(value, v.toLowerCase())
    case 'in':
      return asList(v).includes(value)
    case 'not_in':
      return !asList(v).includes(value)
    case 'contain_in':
      return asList(v).some((x) => typeof x === 'string' && contains(value, x.toLowerCase()))
    case 'not_contain_in':
      return !asList(v).some((x) => typeof x === 'string' && contains(value, x.toLowerCase()))
    default:
      return false
  }
}

function compare(op: string, sign: number): boolean {
  if (Number.isNaN(sign)) return false
  if (op === 'lt') return sign < 0
  if (op === 'lte') return sign <= 0
  if (op === 'gt') return sign > 0
  return sign >= 0
}

function asList(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : []
}

function contains(value: string | undefined, needleLower: string): boolean {
  return value !== undefined && value.toLowerCase().includes(needleLower)
}

function sortRows(rows: Row[], sort: unknown): Row[] {
  const specs = (Array.isArray(sort) ? sort : sort === undefined || sort === null ? [] : [sort]).map((s: unknown) => {
    if (!isObject(s) || typeof s.key !== 'string') throw typeError('sort', 'dict')
    return { key: s.key, desc: s.desc === true }
  })
  const order = specs.length > 0 ? specs : [{ key: 'api_key_id', desc: false }]
  return rows.sort((a, b) => {
    for (const { key, desc } of order) {
      const x = a[key] ?? ''
      const y = b[key] ?? ''
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  })
}

function paginate(rows: Row[], page: unknown): Row[] {
  if (page === undefined || page === null) return rows
  if (!isObject(page)) throw typeError('page', 'dict')
  const start = page.start ?? 1
  const limit = page.limit ?? 0
  if (!Number.isInteger(start) || !Number.isInteger(limit) || (start as number) < 1 || (limit as number) < 0) {
    throw typeError('page', 'start >= 1, limit >= 0')
  }
  return limit === 0
    ? rows.slice((start as number) - 1)
    : rows.slice((start as number) - 1, (start as number) - 1 + (limit as number))
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw typeError(name, 'str')
  return value
}

export function typeError(key: string, type: string): HttpError {
  return new HttpError(400, 'ERROR_INVALID_PARAMETER_TYPE', `Parameter type is invalid. (key = ${key}, type = ${type})`)
}

function dbQuery(reason: string): HttpError {
  return new HttpError(500, 'ERROR_DB_QUERY', `DB query failed. (reason = ${reason})`)
}
