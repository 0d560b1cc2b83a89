// Column widths are measured in the list's fonts; a refresh measures the same names again, so each is measured once.
import { beforeEach, expect, it, vi } from 'vitest'
import { contentWidths } from '../../src/renderer/src/features/keys/content-widths'
import { account, key } from './fake-api'

/** A font in which each letter is as wide as `px` says. */
const font = (px: (c: string) => number) => (text: string) => ({ width: [...text].reduce((w, c) => w + px(c), 0) })
/** Hangul letters twice the width of Latin ones, as in the list's fonts. */
const latinAndHangul = font((c) => (c.charCodeAt(0) >= 0x1100 ? 14 : 7))

// One canvas for the whole file: the module keeps the first it gets.
const fonts: string[] = []
const canvas = { font: '', measureText: vi.fn(latinAndHangul) }
Object.defineProperty(canvas, 'font', { set: (f: string) => fonts.push(f), get: () => fonts.at(-1) ?? '' })
const create = document.createElement.bind(document)
vi.spyOn(document, 'createElement').mockImplementation((tag: string) =>
  tag === 'canvas' ? ({ getContext: () => canvas } as unknown as HTMLCanvasElement) : create(tag),
)

beforeEach(() => {
  canvas.measureText.mockClear().mockImplementation(latinAndHangul)
  fonts.length = 0
})

it('measures only the longest values, each once per font, and a second listing of the same keys gives the same widths', () => {
  const a = account('a1', 'cloudmc', 'Cloud dev')
  const keys = Array.from({ length: 30 }, (_, i) => key('a1', `key-${i}`, { name: `name ${i}` }))
  const args = [new Map([[a.id, a]]), () => 'CloudMC', new Set<string>()] as const

  const first = contentWidths(keys, ...args)
  const measures = canvas.measureText.mock.calls.length
  const fontChanges = fonts.length
  // As wide as the widest value (here, the longest): "name 29" and "key-29", plus padding and the copy button.
  expect(first).toEqual({
    name: Math.ceil(7 * 7 + 20),
    keyId: Math.ceil(6 * 7 + 20 + 30),
    account: Math.ceil(9 * 7 + 20),
    // "24 months ago": the time columns fit the longest relative time, whatever the keys' own times.
    createdAt: Math.ceil(13 * 7 + 20),
    lastUsed: Math.ceil(13 * 7 + 20),
  })
  // Twelve names, twelve ids, the account's label, its service and the longest time: not all sixty values.
  expect(measures).toBe(27)
  const again = contentWidths(
    keys.map((k) => ({ ...k })),
    ...args,
  )
  expect(again).toEqual(first)
  expect(canvas.measureText.mock.calls.length).toBe(measures)
  expect(fonts.length).toBe(fontChanges)
})

/**
 * Twenty names of twenty small letters, a dash and digits, all longer than `widest`, which is wider in the font all
 * the same.
 * Each case has its own letter: a width measured once is remembered, whatever the font of the case that measured it.
 */
const longerNamesAnd = (letter: string, widest: string) => [
  ...Array.from({ length: 20 }, (_, i) =>
    key('a2', `id-${i}`, { name: `${letter.repeat(14)}-${String(i).padStart(5, '0')}` }),
  ),
  key('a2', 'id-widest', { name: widest }),
]

it.each([
  // Eleven Hangul letters (154 px) beat twenty small letters and digits (140 px).
  { why: 'a short name in Hangul', letter: 'a', px: latinAndHangul, widest: '결제서비스운영키관리결', width: 11 * 14 },
  // Seventeen capitals (170 px) beat twenty small letters and digits (140 px).
  {
    why: 'a short name in capitals',
    letter: 'b',
    px: font((c) => (c >= 'A' && c <= 'Z' ? 10 : 7)),
    widest: 'PRODWAREHOUSEKEYS',
    width: 170,
  },
])('finds the widest value among many longer ones: $why', ({ letter, px, widest, width }) => {
  canvas.measureText.mockImplementation(px)
  const a = account('a2', 'spaceone', 'Space')
  const widths = contentWidths(
    longerNamesAnd(letter, widest),
    new Map([[a.id, a]]),
    () => 'SpaceONE',
    new Set<string>(),
  )
  expect(widths.name).toBe(width + 20)
})
