// Column widths are measured in the list's fonts; a refresh measures the same names again, so each is measured once.
import { afterEach, expect, it, vi } from 'vitest'
import { contentWidths } from '../../src/renderer/src/features/keys/content-widths'
import { account, key } from './fake-api'

afterEach(() => vi.restoreAllMocks())

it('measures only the longest values, each once per font, and a second listing of the same keys gives the same widths', () => {
  const fonts: string[] = []
  const canvas = {
    font: '',
    measureText: vi.fn((text: string) => ({ width: text.length * 7 })),
  }
  const create = document.createElement.bind(document)
  vi.spyOn(document, 'createElement').mockImplementation((tag: string) =>
    tag === 'canvas' ? ({ getContext: () => canvas } as unknown as HTMLCanvasElement) : create(tag),
  )
  Object.defineProperty(canvas, 'font', { set: (f: string) => fonts.push(f), get: () => fonts.at(-1) ?? '' })
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
