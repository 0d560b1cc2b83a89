// console-api-v2's ParseDict (spaceone-apps.md §3, §6): only the request message's fields, typed, enums by name.
import { HttpError, isObject, type JsonObject } from './http'

export type FieldType = 'string' | 'struct' | 'int' | 'bool' | readonly string[]

export type Message = Readonly<Record<string, FieldType>>

const PACKAGE = 'spaceone.api.identity.v2'

export function parseError(message: string): HttpError {
  return new HttpError(500, 'ERROR_UNKNOWN', message)
}

/**
 * The body checked against its message. proto3 drops defaults, so an empty string, 0 or false reads as absent.
 * Returns the fields with their defaults removed.
 */
export function readMessage(body: JsonObject, name: string, message: Message): JsonObject {
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(body)) {
    const type = Object.hasOwn(message, field) ? message[field] : undefined
    if (type === undefined) throw parseError(`Message type "${PACKAGE}.${name}" has no field named "${field}".`)
    if (value === null) continue
    if (!fits(type, value)) {
      if (Array.isArray(type)) {
        throw parseError(
          `Failed to parse ${field} field: Invalid enum value ${typeof value === 'string' ? value : JSON.stringify(value)} for enum type ${PACKAGE}.${name}.${field}.`,
        )
      }
      throw parseError(`Failed to parse ${field} field: expected ${typeName(type)}, got ${JSON.stringify(value)}.`)
    }
    if (value === '' || value === 0 || value === false) continue
    out[field] = value
  }
  return out
}

function fits(type: FieldType, value: unknown): boolean {
  if (Array.isArray(type)) return typeof value === 'string' && type.includes(value)
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'struct':
      return isObject(value)
    case 'int':
      return typeof value === 'number' && Number.isInteger(value)
    case 'bool':
      return typeof value === 'boolean'
    default:
      return false
  }
}

function typeName(type: FieldType): string {
  return Array.isArray(type) ? 'an enum name' : String(type)
}

export function requiredParameter(key: string): HttpError {
  return new HttpError(400, 'ERROR_REQUIRED_PARAMETER', ` Required parameter. (key = ${key})`)
}

export function need(fields: JsonObject, key: string): string {
  const value = fields[key]
  if (typeof value !== 'string' || value === '') throw requiredParameter(key)
  return value
}

export function maybe(fields: JsonObject, key: string): string | undefined {
  const value = fields[key]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function notFound(keys: readonly string[], values: readonly string[]): HttpError {
  const k = keys.map((x) => `'${x}'`).join(', ')
  const v = values.map((x) => `'${x}'`).join(', ')
  return new HttpError(
    404,
    'ERROR_NOT_FOUND',
    ` Resource cannot be found or access is denied. ((${k}${keys.length === 1 ? ',' : ''}) = (${v}${values.length === 1 ? ',' : ''}))`,
  )
}

export function permissionDenied(): HttpError {
  return new HttpError(403, 'ERROR_PERMISSION_DENIED', 'Permission denied.')
}

/** Every 401 comes back from console-api-v2 wrapped one level (§6). */
export function authenticateFailure(inner: string): HttpError {
  return new HttpError(
    401,
    'ERROR_AUTHENTICATE_FAILURE',
    `Authenticate failure. (message =  Authenticate failure. (message = ${inner}))`,
  )
}

const QUERY_FIELDS = new Set(['filter', 'filter_or', 'sort', 'page', 'minimal', 'count_only', 'only', 'keyword'])

/** spaceone.api.core.v2.Query: `sort` is a list; a 1.x object fails the parse (§3). */
export function readQuery(value: unknown): JsonObject {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) throw parseError('Failed to parse query field: expected a Query object.')
  for (const key of Object.keys(value)) {
    if (!QUERY_FIELDS.has(key)) {
      throw parseError(
        `Failed to parse query field: Message type "spaceone.api.core.v2.Query" has no field named "${key}".`,
      )
    }
  }
  if (value.sort !== undefined && value.sort !== null && !Array.isArray(value.sort)) {
    throw parseError(
      'Failed to parse query field: Failed to parse sort field: repeated field sort must be in [] which is : {…}.',
    )
  }
  for (const key of ['filter', 'filter_or', 'only'] as const) {
    const v = value[key]
    if (v !== undefined && v !== null && !Array.isArray(v)) {
      throw parseError(`Failed to parse query field: repeated field ${key} must be in [].`)
    }
  }
  return value
}
