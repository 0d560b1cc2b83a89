// The subset of spaceone.api.core.v2.Query the sandbox serves for app/list and role/list (spaceone-apps.md §3).
import { HttpError, isObject, type JsonObject } from './http'
import { readQuery } from './spaceone2-fields'

export type Row = Readonly<Record<string, unknown>>

interface Condition {
  readonly k: string
  readonly v: unknown
  readonly o: string
}

export interface QuerySpec {
  /** `minimal` returns these fields. */
  readonly minimal: readonly string[]
  /** `keyword` becomes contain_in on these fields. */
  readonly keyword: readonly string[]
}

const LIST_OPERATORS = new Set(['in', 'not_in', 'contain_in', 'not_contain_in'])
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
])

/** `{"results","total_count"}` with proto3 defaults omitted: an empty answer is `{}`. */
export function runQuery(
  rows: readonly Row[],
  query: unknown,
  fixed: readonly Condition[],
  spec: QuerySpec,
): JsonObject {
  const q = readQuery(query)
  const filter = [...fixed, ...conditions(q.filter)]
  const anyOf = conditions(q.filter_or)
  const keyword = typeof q.keyword === 'string' && q.keyword !== '' ? q.keyword.toLowerCase() : undefined
  const matched = rows.filter(
    (row) =>
      filter.every((c) => matches(row, c)) &&
      (anyOf.length === 0 || anyOf.some((c) => matches(row, c))) &&
      (!keyword || spec.keyword.some((field) => contains(row[field], keyword))),
  )
  const total = matched.length
  if (q.count_only === true) return rendered([], total)
  const sorted = sortRows(matched, q.sort)
  const page = paginate(sorted, q.page)
  const only = Array.isArray(q.only) && q.only.length > 0 ? (q.only as unknown[]).map(String) : undefined
  const fields = only ?? (q.minimal === true ? spec.minimal : undefined)
  return rendered(fields ? page.map((row) => pick(row, fields)) : page, total)
}

function rendered(results: readonly Row[], total: number): JsonObject {
  return { ...(results.length > 0 ? { results } : {}), ...(total > 0 ? { total_count: total } : {}) }
}

export function eq(k: string, v: string): Condition {
  return { k, v, o: 'eq' }
}

function pick(row: Row, fields: readonly string[]): Row {
  const out: Record<string, unknown> = {}
  for (const f of fields) if (row[f] !== undefined) out[f] = row[f]
  return out
}

function conditions(value: unknown): Condition[] {
  if (!Array.isArray(value)) return []
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
        ` Only list type is allowed. (operator = ${o}, condition = ${JSON.stringify(entry)})`,
      )
    }
    return { k, v, o }
  })
}

function matches(row: Row, { k, v, o }: Condition): boolean {
  const value = row[k]
  const list = Array.isArray(v) ? (v as unknown[]) : []
  switch (o) {
    case 'eq':
      return value === v
    case 'not':
      return value !== v
    case 'lt':
      return typeof v === typeof value && String(value) < String(v)
    case 'lte':
      return typeof v === typeof value && String(value) <= String(v)
    case 'gt':
      return typeof v === typeof value && String(value) > String(v)
    case 'gte':
      return typeof v === typeof value && String(value) >= String(v)
    case 'exists':
      return (value !== undefined) === Boolean(v)
    case 'contain':
      return typeof v === 'string' && contains(value, v.toLowerCase())
    case 'not_contain':
      return typeof v === 'string' && !contains(value, v.toLowerCase())
    case 'in':
      return list.includes(value)
    case 'not_in':
      return !list.includes(value)
    case 'contain_in':
      return list.some((x) => typeof x === 'string' && contains(value, x.toLowerCase()))
    case 'not_contain_in':
      return !list.some((x) => typeof x === 'string' && contains(value, x.toLowerCase()))
    default:
      return false
  }
}

function contains(value: unknown, needleLower: string): boolean {
  return typeof value === 'string' && value.toLowerCase().includes(needleLower)
}

/** Default order: created_at descending. */
function sortRows(rows: Row[], sort: unknown): Row[] {
  const specs = (Array.isArray(sort) ? sort : []).map((s: unknown) => {
    if (!isObject(s) || typeof s.key !== 'string') throw dbQuery('Sort condition should have a key.')
    return { key: s.key, desc: s.desc === true }
  })
  const order = specs.length > 0 ? specs : [{ key: 'created_at', desc: true }]
  return rows.sort((a, b) => {
    for (const { key, desc } of order) {
      const x = sortText(a[key])
      const y = sortText(b[key])
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1)
    }
    return 0
  })
}

function paginate(rows: Row[], page: unknown): Row[] {
  if (!isObject(page)) return rows
  const start = typeof page.start === 'number' && page.start >= 1 ? Math.floor(page.start) : 1
  const limit = typeof page.limit === 'number' && page.limit > 0 ? Math.floor(page.limit) : 0
  return limit === 0 ? rows.slice(start - 1) : rows.slice(start - 1, start - 1 + limit)
}

function dbQuery(reason: string): HttpError {
  return new HttpError(500, 'ERROR_DB_QUERY', ` DB query failed. (reason = ${reason})`)
}

/** A field's value as text to sort by: strings as they are, anything else as JSON. */
function sortText(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '')
}
