// What a 40 px list row must hold whole: at most two flags, and every relative time in its column's width.
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { LONGEST_RELATIVE, relative } from '../../src/renderer/src/components/time'
import { Flags } from '../../src/renderer/src/features/keys/KeyCells'
import { key } from './fake-api'

afterEach(cleanup)

const DAY = 86_400_000
const NOW = Date.parse('2026-12-01T12:00:00.000Z')

it('never words a past time longer than the one the time columns are sized for', () => {
  // The list's time cells are never in the future: they take a time ahead of the clock as now.
  const ages = [0, 30_000, 59 * 60_000, 23 * 3_600_000, ...Array.from({ length: 3_000 }, (_, d) => d * DAY + 7_200_000)]
  const words = ages.map((ms) => relative(new Date(NOW - ms).toISOString(), NOW))
  const longest = Math.max(...words.map((w) => w.length))
  expect(longest).toBe(LONGEST_RELATIVE.length)
  expect(words).toContain(LONGEST_RELATIVE)
})

it('shows two flags at most: past two, the first and "+N" naming the others', () => {
  // Created 400 days ago, expired 30 days ago, never used: expired, stale and unused.
  const old = key('a1', 'k-old', {
    createdAt: new Date(NOW - 400 * DAY).toISOString(),
    expiresAt: new Date(NOW - 30 * DAY).toISOString(),
  })
  const { container } = render(<Flags keyRecord={old} lastUse="reported" now={NOW} />)
  const chips = [...container.querySelectorAll('.flag')]
  expect(chips.map((c) => c.firstChild?.textContent)).toEqual(['expired', '+2'])
  const more = chips[1] as HTMLElement
  expect(more.title).toMatch(/^stale: Created 400 days ago.*\nunused: Never used/)
  // A screen reader hears every flag, not a count.
  expect(screen.getByText(/more: stale: .* unused: /)).toBeTruthy()
})

it('shows first the flag the list is filtered by, so the reason a row is listed is never behind "+N"', () => {
  const old = key('a1', 'k-old', {
    createdAt: new Date(NOW - 400 * DAY).toISOString(),
    expiresAt: new Date(NOW - 30 * DAY).toISOString(),
  })
  const { container } = render(<Flags keyRecord={old} lastUse="reported" now={NOW} first={['enabled', 'unused']} />)
  expect([...container.querySelectorAll('.flag')].map((c) => c.firstChild?.textContent)).toEqual(['unused', '+2'])
  expect((container.querySelector('.flag-more') as HTMLElement).title).toMatch(/^expired: .*\nstale: /)
})

it('shows both flags when there are two', () => {
  const stale = key('a1', 'k-stale', { createdAt: new Date(NOW - 120 * DAY).toISOString() })
  const { container } = render(<Flags keyRecord={stale} lastUse="reported" now={NOW} />)
  expect([...container.querySelectorAll('.flag')].map((c) => c.firstChild?.textContent)).toEqual(['stale', 'unused'])
})
