// Row 5: showing 50,000 keys keeps a window of rows in the DOM, wherever the list is scrolled.
import { BIG, type Fixtures } from '../fixtures'
import { withListPage } from '../list-page'
import { ROW_COUNT } from '../page-scripts'
import { result, RUNS, type RowResult } from '../row'
import { summarize } from '../stats'

/** The part of the scrolling grid the bench moves (the bench is typed for Node, without the DOM). */
interface Scroller {
  scrollTop: number
  readonly scrollHeight: number
  readonly clientHeight: number
}

const TARGET = 60

export async function domRowsRow(fx: Fixtures): Promise<RowResult> {
  const list = await fx.listHost(BIG)
  const counts: number[] = []
  const positions: number[] = []
  await withListPage(list, async (page) => {
    const table = page.locator('[role="grid"]')
    for (let run = 0; run < RUNS; run += 1) {
      const at = run / (RUNS - 1)
      positions.push(at)
      await table.evaluate((el: Scroller, f: number) => {
        el.scrollTop = f * (el.scrollHeight - el.clientHeight)
      }, at)
      // Two frames: the scroll event, then the virtualiser's re-render.
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))',
      )
      const n = await page.evaluate(ROW_COUNT)
      counts.push(typeof n === 'number' ? n : Number.NaN)
    }
  })
  const s = summarize(counts)
  return result({
    id: '5',
    title: `DOM rows showing ${BIG.toLocaleString('en')} keys (max over ${RUNS} scroll positions)`,
    unit: 'rows',
    target: TARGET,
    figure: s.max,
    summary: s,
    detail: { counts, scrollPositions: positions },
  })
}
