// Row 4: typing a search into a 10,000-key list: each keystroke's input event to the painted frame after it.
import type { Page } from '@playwright/test'
import { BIG, type Fixtures } from '../fixtures'
import { withListPage } from '../list-page'
import { KEYSTROKE_PROBE } from '../page-scripts'
import { result, RUNS, type RowResult } from '../row'
import { percentile, round, summarize } from '../stats'

const TARGET_MS = 16
/** A brisk typist: about ten keys a second. */
const KEY_DELAY_MS = 80
const SEARCH_LABEL = 'Search keys by name, id or account'

async function samples(page: Page): Promise<number[]> {
  const v = await page.evaluate('window.__bench.keystrokes.splice(0)')
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw new Error('no keystroke samples')
  return v
}

export async function searchRow(fx: Fixtures): Promise<RowResult> {
  const list = await fx.listHost(BIG)
  const listed = await list.host.call<{ keys: { name: string }[] }>('keys.list', { accountId: list.accountId })
  // A real name from the middle of the list: the first letters match thousands of keys, the last ones a single key.
  const query = listed.keys[Math.floor(listed.keys.length / 2)]?.name
  if (!query) throw new Error('the list host has no keys')
  const perRun: number[] = []
  const all: number[] = []
  await withListPage(list, async (page) => {
    await page.evaluate(KEYSTROKE_PROBE)
    const box = page.getByLabel(SEARCH_LABEL)
    for (let run = 0; run < RUNS; run += 1) {
      await box.fill('')
      await page.waitForTimeout(200)
      await samples(page)
      await box.pressSequentially(query, { delay: KEY_DELAY_MS })
      await page.waitForTimeout(100)
      const got = await samples(page)
      if (got.length !== query.length) throw new Error(`expected ${query.length} keystroke samples, got ${got.length}`)
      perRun.push(percentile(got, 95))
      all.push(...got)
    }
  })
  const s = summarize(perRun)
  return result(4, `search keystroke → painted, ${BIG.toLocaleString('en')} keys, p95 of ${query.length} keys (median of runs)`, 'ms',
    TARGET_MS, round(s.median, 1), s, {
      query, p95PerRunMs: perRun.map((t) => round(t, 1)), p95AllMs: round(percentile(all, 95), 1), medianMs: round(percentile(all, 50), 1),
    })
}
