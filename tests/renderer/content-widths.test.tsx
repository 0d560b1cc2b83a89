// Column widths are measured in the list's fonts; a refresh measures the same names again, so each is measured once.
import { beforeEach, expect, it, vi } from 'vitest'
import { contentWidths } from '../../src/renderer/src/features/keys/content-widths'
import { account, key } from './fake-api'

// One canvas for the whole file (the module keeps the first it gets): Hangul letters twice the width of Latin ones,
// as in the list's fonts.
const fonts: string[] = []
const canvas = {
  font: '',
  measureText: vi.fn((text: string) => ({
    width: [...text].reduce((w, c) => w + (c.charCodeAt(0) >= 0x1100 ? 14 : 7), 0),
  })),
}
Object.defineProperty(canvas, 'font', { set: (f: string) => fonts.push(f), get: () => fonts.at(-1) ?? '' })
const create = document.createElement.bind(document)
vi.spyOn(document, 'createElement').mockImplementation((tag: string) =>
  tag === 'canvas' ? ({ getContext: () => canvas } as unknown as HTMLCanvasElement) : create(tag),
)

beforeEach(() => {
  canvas.measureText.mockClear()
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
  })
  // Twelve names, twelve ids, the account's label and its service: not all sixty values.
  expect(measures).toBe(26)
  const again = contentWidths(
    keys.map((k) => ({ ...k })),
    ...args,
  )
  expect(again).toEqual(first)
  expect(canvas.measureText.mock.calls.length).toBe(measures)
  expect(fonts.length).toBe(fontChanges)
})

it('finds the widest value among many longer ones: a short name in Hangul is wider than long names in lowercase', () => {
  const a = account('a2', 'spaceone', 'Space')
  const keys = [
    ...Array.from({ length: 20 }, (_, i) =>
      key('a2', `id-${i}`, { name: `billing-service-${String(i).padStart(2, '0')}` }),
    ),
    key('a2', 'id-kr', { name: '결제서비스운영키관리' }),
  ]
  const widths = contentWidths(keys, new Map([[a.id, a]]), () => 'SpaceONE', new Set<string>())
  // Ten Hangul letters (140 px) beat eighteen lowercase ones (126 px).
  expect(widths.name).toBe(Math.ceil(10 * 14 + 20))
})

it('counts capitals as wider than small letters when choosing what to measure', () => {
  canvas.measureText.mockImplementation((text: string) => ({
    width: [...text].reduce((w, c) => w + (c >= 'A' && c <= 'Z' ? 10 : 6), 0),
  }))
  const a = account('a3', 'cloudmc', 'C')
  const keys = [
    ...Array.from({ length: 20 }, (_, i) =>
      key('a3', `x-${i}`, { name: `lowercase-name-${String(i).padStart(5, '0')}` }),
    ),
    key('a3', 'x-caps', { name: 'PRODBILLINGKEY' }),
  ]
  const widths = contentWidths(keys, new Map([[a.id, a]]), () => 'CloudMC', new Set<string>())
  // Fourteen capitals (140 px) beat twenty small letters and digits (120 px).
  expect(widths.name).toBe(14 * 10 + 20)
})
