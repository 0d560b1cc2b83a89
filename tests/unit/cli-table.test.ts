// The CLI's tables for people: one line per row whatever a service names a key, and no row padded without bound.
import { describe, expect, it } from 'vitest'
import { table } from '../../src/cli/output'
import { NAME_MAX } from '../../src/shared/limits'

describe("keydesk's tables", () => {
  it('pads columns to their widest cell and shows every name a service takes whole', () => {
    const longest = '🔑'.repeat(NAME_MAX)
    const out = table(
      ['ID', 'NAME', 'STATE'],
      [
        ['k1', 'short', 'enabled'],
        ['k2', longest, 'disabled'],
      ],
    ).split('\n')
    expect(out[1]).toBe(`k1  ${'short'.padEnd(longest.length)}  enabled`)
    expect(out[2]).toBe(`k2  ${longest}  disabled`)
  })

  it('cuts a cell only a broken or hostile service could send, so one name cannot pad every row', () => {
    const huge = 'n'.repeat(1_000_000)
    const out = table(
      ['ID', 'NAME', 'STATE'],
      [
        ['k1', huge, 'enabled'],
        ['k2', 'b', 'enabled'],
      ],
    )
    const [, first, second] = out.split('\n')
    expect(out.length).toBeLessThan(1_000)
    expect(first).toMatch(/^k1 {2}n+… {2}enabled$/)
    expect(second?.indexOf('enabled')).toBe(first?.indexOf('enabled'))
  })

  it('keeps each row on one line, with its control characters shown', () => {
    const out = table(['NAME'], [['two\nlines\u001b[2J']])
    expect(out.split('\n')).toEqual(['NAME', 'two\\u000alines\\u001b[2J'])
  })
})
