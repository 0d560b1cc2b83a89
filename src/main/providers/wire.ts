// Reading untrusted response bodies: JSON first, then a zod shape; anything else is "unreadable", never a crash.
import type { z } from 'zod'

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

/** A timestamp as ISO-8601 UTC; undefined for "", null or anything unparseable. */
export function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** Record fields with empty values dropped, so `extra` only says what the service said. */
export function compact(fields: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) if (v) out[k] = v
  return out
}

/** `{ [key]: value }` when value is non-empty, else `{}`: a record never carries an empty optional field. */
export function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {}
}
