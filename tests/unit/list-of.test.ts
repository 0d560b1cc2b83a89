import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiKey } from '../../src/main/providers/cloudmc-wire'
import { OnqApiKey } from '../../src/main/providers/onqlave-wire'
import { ApiKeyInfo } from '../../src/main/providers/spaceone-wire'
import { conforms, listOf } from '../../src/main/providers/list-of'

const values: readonly unknown[] = [
  null,
  undefined,
  'text',
  42,
  [],
  [{ id: 'k1' }],
  {},
  { id: '' },
  { id: 'k1' },
  { id: 7 },
  { id: 'k1', name: null, createdAt: '2024-01-01T00:00:00.000Z', extraField: { deep: true } },
  { id: 'k1', name: 5 },
  { api_key_id: 'api-key-1', state: 'ENABLED', created_at: null },
  { api_key_id: 'api-key-1', state: ['ENABLED'] },
  { api_key_id: '' },
  { id: 'apikey--1', status: 'active', created_by: { full_name: 'A', email_address: null }, cluster: null },
  { id: 'apikey--1', created_by: 'someone' },
  { id: 'apikey--1', application: { id: 3 } },
  { id: 'apikey--1', application: { id: 'app', name: 'billing', label: undefined } },
]

describe('checking key lists without copying them', () => {
  it.each([
    ['CloudMC', ApiKey],
    ['SpaceONE', ApiKeyInfo],
    ['Onqlave', OnqApiKey],
  ])('agrees with the %s item schema on every value', (_name, schema: z.ZodType) => {
    for (const v of values) expect([v, conforms(schema, v)]).toEqual([v, schema.safeParse(v).success])
  })

  it('hands the parsed list on as it is, and refuses a list with one bad item', () => {
    const items = [{ id: 'k1', unknownField: 1 }, { id: 'k2' }]
    const list = listOf(ApiKey)
    expect(list.parse(items)).toBe(items)
    expect(list.safeParse([...items, { id: 3 }]).success).toBe(false)
    expect(list.safeParse({ 0: { id: 'k1' } }).success).toBe(false)
  })

  it('asks zod about kinds of schema it does not check itself', () => {
    const email = z.object({ id: z.string().min(1), mail: z.email() })
    expect(conforms(email, { id: 'k', mail: 'a@b.example' })).toBe(true)
    expect(conforms(email, { id: 'k', mail: 'not mail' })).toBe(false)
    expect(conforms(z.object({ n: z.number() }), { n: '1' })).toBe(false)
    expect(conforms(z.strictObject({ id: z.string() }), { id: 'k', more: 1 })).toBe(false)
    expect(conforms(z.string().max(3), 'long')).toBe(false)
  })
})
