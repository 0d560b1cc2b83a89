// Streamed text is cut at its separators wherever the chunks happen to end.
import { describe, expect, it } from 'vitest'
import { partSplitter } from '../../src/shared/stream-parts'

/** Every part `text` yields when it arrives in chunks of `size` characters. */
function partsOf(text: string, separator: string, size: number): string[] {
  const split = partSplitter(separator)
  const parts: string[] = []
  for (let i = 0; i < text.length; i += size) parts.push(...split(text.slice(i, i + size)))
  return parts
}

describe('splitting streamed text into parts', () => {
  const events = 'event: a\ndata: 1\n\nevent: b\ndata: 22\n\n\n\nevent: c\ndata: 333\n\nunfinished'

  it('gives the same parts for every chunk size, including a two-character separator cut across chunks', () => {
    const whole = events.split('\n\n').slice(0, -1)
    expect(whole).toEqual(['event: a\ndata: 1', 'event: b\ndata: 22', '', 'event: c\ndata: 333'])
    for (let size = 1; size <= events.length; size += 1) expect(partsOf(events, '\n\n', size)).toEqual(whole)
  })

  it('keeps a part that spans many chunks whole, and gives nothing until its separator arrives', () => {
    const long = 'x'.repeat(10_000)
    const split = partSplitter('\n')
    for (let i = 0; i < long.length; i += 7) expect(split(long.slice(i, i + 7))).toEqual([])
    expect(split('\n{"i":1}\n{"i"')).toEqual([long, '{"i":1}'])
    expect(split(':2}\n')).toEqual(['{"i":2}'])
  })

  it('holds back text after the last separator', () => {
    expect(partsOf('one\ntwo\nthr', '\n', 3)).toEqual(['one', 'two'])
  })
})
