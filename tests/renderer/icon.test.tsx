import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Icon, iconSvg, type IconName } from '../../src/renderer/src/components/Icon'

afterEach(cleanup)

/** The drawing each `.i-name` rule of the page's icon sheet masks with, parsed as the browser would. */
function drawings(): Map<string, Document> {
  const sheets = document.head.querySelectorAll('style[data-icons]')
  expect(sheets).toHaveLength(1)
  const out = new Map<string, Document>()
  for (const m of (sheets[0]?.textContent ?? '').matchAll(
    // The prefixed and the standard property name the same drawing.
    /\.i-(\w+)\{-webkit-mask-image:url\("data:image\/svg\+xml,([^"]+)"\);mask-image:url\("data:image\/svg\+xml,\2"\)\}/g,
  )) {
    out.set(m[1] ?? '', new DOMParser().parseFromString(decodeURIComponent(m[2] ?? ''), 'image/svg+xml'))
  }
  return out
}

describe('Icon', () => {
  it('is one decorative element naming its drawing, with nothing inside', () => {
    const { container } = render(<Icon name="copy" className="state-icon" />)
    const el = container.firstElementChild
    expect(container.children).toHaveLength(1)
    expect(el?.className).toBe('icon i-copy state-icon')
    expect(el?.getAttribute('aria-hidden')).toBe('true')
    expect(el?.childNodes).toHaveLength(0)
  })

  it('has a well-formed 24-unit drawing for every icon, each drawn with shapes', () => {
    const all = drawings()
    const names: IconName[] = ['copy', 'check', 'alert', 'more', 'x', 'gear', 'unlock', 'eyeOff', 'refresh']
    for (const name of names) {
      const doc = all.get(name)
      expect(doc, name).toBeDefined()
      expect(doc?.querySelector('parsererror'), name).toBeNull()
      const svg = doc?.documentElement
      expect(svg?.getAttribute('viewBox')).toBe('0 0 24 24')
      expect(svg?.children.length, name).toBeGreaterThan(0)
    }
    // One rule per icon: a second rule for a class would silently win over the first.
    const rules = (document.head.querySelector('style[data-icons]')?.textContent ?? '').match(/\.i-\w+\{/g) ?? []
    expect(rules.length).toBe(all.size)
    expect(all.size).toBe(23)
    // Sized and placed in its box under both names of the mask properties (Chromium before 120 has only -webkit-).
    expect(document.head.querySelector('style[data-icons]')?.textContent).toMatch(
      /\.icon\{-webkit-mask-position:center;mask-position:center;-webkit-mask-size:contain;mask-size:contain;/,
    )
  })

  it('keeps an attribute value that holds quotes or markup inside its attribute', () => {
    const svg = iconSvg([['path', { d: 'M0 0"/><script>x</script>' }]])
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(doc.querySelector('script')).toBeNull()
    expect(doc.querySelector('path')?.getAttribute('d')).toBe('M0 0"/><script>x</script>')
  })
})
