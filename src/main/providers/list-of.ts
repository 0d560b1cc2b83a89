// Key lists are the one large thing KeyDesk reads: 50,000 keys in one answer. zod's object schemas build a copy of
// every key they check; here each key is checked against the same schema without a copy, and the list is passed on as
// parsed. Only the kinds of schema key items use are checked directly (objects, strings with a minimum length,
// optional and nullable); any other kind is asked of zod itself, so the verdict is always the schema's.
import { z } from 'zod'

interface Def {
  readonly type: string
  readonly innerType?: z.ZodType
  readonly shape?: Readonly<Record<string, z.ZodType>>
  readonly checks?: readonly {
    readonly _zod: { readonly def: { readonly check: string; readonly minimum?: number } }
  }[]
  /** Set on formats (email, uuid…), strict objects and coercing schemas: those are left to zod. */
  readonly format?: string
  readonly catchall?: z.ZodType
  readonly coerce?: boolean
}

// zod's own description of a schema (the "zod/v4/core" definition every schema carries).
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

type Check = (value: unknown) => boolean
const compiled = new WeakMap<z.ZodType, Check>()

/** Whether `value` passes `schema`, without building the parsed copy. The check is built once per schema. */
export function conforms(schema: z.ZodType, value: unknown): boolean {
  return checkOf(schema)(value)
}

function checkOf(schema: z.ZodType): Check {
  let check = compiled.get(schema)
  if (!check) {
    check = compile(schema)
    compiled.set(schema, check)
  }
  return check
}

function compile(schema: z.ZodType): Check {
  const def = defOf(schema)
  const inner = def.innerType ? checkOf(def.innerType) : null
  switch (def.type) {
    case 'optional':
      return inner ? (v) => v === undefined || inner(v) : (v) => schema.safeParse(v).success
    case 'nullable':
      return inner ? (v) => v === null || inner(v) : (v) => schema.safeParse(v).success
    case 'string': {
      const checks = def.checks ?? []
      if (def.format !== undefined || def.coerce || !checks.every((c) => c._zod.def.check === 'min_length'))
        return (v) => schema.safeParse(v).success
      const min = Math.max(0, ...checks.map((c) => c._zod.def.minimum ?? 0))
      return (v) => typeof v === 'string' && v.length >= min
    }
    case 'object': {
      if (def.catchall !== undefined || (def.checks ?? []).length > 0) return (v) => schema.safeParse(v).success
      const fields = Object.entries(def.shape ?? {}).map(([name, field]) => [name, checkOf(field)] as const)
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
        const o = v as Readonly<Record<string, unknown>>
        for (const [name, check] of fields) if (!check(o[name])) return false
        return true
      }
    }
    default:
      return (v) => schema.safeParse(v).success
  }
}

/** An array whose every item passes `item`, handed on as parsed (items keep fields the schema does not name). */
export function listOf<T extends z.ZodType>(item: T): z.ZodType<z.infer<T>[]> {
  const check = checkOf(item)
  return z.custom<z.infer<T>[]>((value) => Array.isArray(value) && value.every(check))
}
