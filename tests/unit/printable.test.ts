// What a hostile service could send to a person's screen or terminal.
import { describe, expect, it } from 'vitest'
import { printable, printableJson } from '../../src/shared/printable'

describe('text from a service shown to a person', () => {
  it('shows terminal escapes, bells and 8-bit controls as visible escapes', () => {
    const osc52 = '\u001b]52;c;cHduZWQ=\u0007'
    expect(printable(`${osc52}ok\u001b[2J\u009b31m`)).toBe('\\u001b]52;c;cHduZWQ=\\u0007ok\\u001b[2J\\u009b31m')
  })

  it('shows direction overrides, so a name cannot read backwards', () => {
    expect(printable('invoice\u202Eexe.pdf')).toBe('invoice\\u202eexe.pdf')
    expect(printable('a\u2066b\u2069\u200fc')).toBe('a\\u2066b\\u2069\\u200fc')
  })

  it('keeps line breaks only when asked, and escapes the other line controls either way', () => {
    expect(printable('one\ntwo\r\tthree')).toBe('one\\u000atwo\\u000d\\u0009three')
    expect(printable('one\ntwo\rthree\u2028', true)).toBe('one\ntwo\\u000dthree\\u2028')
  })

  it('leaves every printable character alone: accents, emoji, other scripts, joiners', () => {
    const names = ['Prod 🔑', 'café-clé', '生产密钥', 'مفتاح', '👩‍💻 dev', 'a\\u001b stays as typed']
    for (const n of names) expect(printable(n)).toBe(n)
  })
})

describe('JSON for a program that may be shown on a terminal', () => {
  it('escapes what JSON.stringify leaves raw, and parses back to the exact value', () => {
    const value = { name: 'a\u001b[2J\u009b8m\u202Eb\u2028c 🔑 café', n: 1 }
    const text = printableJson(value, 2)
    expect(text).not.toMatch(/(?!\n)[\p{Cc}\u202a-\u202e\u2028]/u)
    expect(text).toContain('a\\u001b[2J\\u009b8m\\u202eb\\u2028c 🔑 café')
    expect(JSON.parse(text)).toEqual(value)
  })
})
