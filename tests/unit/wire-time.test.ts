import { describe, expect, it } from 'vitest'
import { isoTime } from '../../src/main/providers/wire'

describe('isoTime', () => {
  it('returns a canonical UTC timestamp unchanged', () => {
    expect(isoTime('2026-11-24T14:02:12.750Z')).toBe('2026-11-24T14:02:12.750Z')
    expect(isoTime('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z')
  })

  it('normalises other forms to canonical UTC', () => {
    expect(isoTime('2026-11-24T14:02:12Z')).toBe('2026-11-24T14:02:12.000Z')
    expect(isoTime('2026-11-24T16:02:12.750+02:00')).toBe('2026-11-24T14:02:12.750Z')
  })

  it('treats a canonical-looking date that does not exist as the Date parser does', () => {
    expect(isoTime('2023-02-29T00:00:00.000Z')).toBe(new Date(Date.parse('2023-02-29T00:00:00.000Z')).toISOString())
    expect(isoTime('2026-13-01T00:00:00.000Z')).toBeUndefined()
  })

  it('gives undefined for empty or unparseable values', () => {
    expect(isoTime('')).toBeUndefined()
    expect(isoTime(null)).toBeUndefined()
    expect(isoTime('yesterday')).toBeUndefined()
  })
})
