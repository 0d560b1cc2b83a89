// Reading untrusted response bodies: JSON first, then a zod shape; anything else is "unreadable", never a crash.
import type { z } from 'zod'
import type { KeyRecord } from '../../shared/model'

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function parseAs<T>(schema: z.ZodType<T>, text: string): T | undefined {
  const result = schema.safeParse(parseJson(text))
  return result.success ? result.data : undefined
}

// Already canonical, as the services send it: returned as is. The Date round trip it skips was the largest cost of
// listing 10,000 keys. A date that does not exist (Feb 30) is not canonical and takes the round trip.
const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function existingDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0))
}

/** A timestamp as ISO-8601 UTC; undefined for "", null or anything unparseable. */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const m = CANONICAL.exec(value)
  if (m && existingDay(Number(m[1]), Number(m[2]), Number(m[3]))) return value
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** Record fields with empty values dropped, so `extra` only says what the service said. */
export function compact(fields: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  // for…in, not Object.entries: this runs once per key of a listing, and the pair arrays add up at 10,000 keys.
  for (const k in fields) {
    const v = fields[k]
    if (v) out[k] = v
  }
  return out
}

/** A KeyRecord under construction. Adapters set optional fields on it rather than spreading them in: the mapping
 * runs once per key of a listing, and at 10,000 keys the spread's temporary objects are a visible share of the time. */
export type KeyRecordDraft = { -readonly [K in keyof KeyRecord]: KeyRecord[K] }

/** Sets an optional field only when it has a value: a record never carries an empty optional field. */
export function setOptional(
  record: KeyRecordDraft,
  key: 'lastUsedAt' | 'lastUsedIp' | 'expiresAt',
  value: string | null | undefined,
): void {
  if (value) record[key] = value
}
