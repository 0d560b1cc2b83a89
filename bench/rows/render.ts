// Row 3: from the keys' arrival in the renderer to the painted rows, 50,000 keys cost at most 1.2 times 100 keys.
import { BIG, SMALL, type Fixtures, type ListHost } from '../fixtures'
import { withListPage } from '../list-page'
import { result, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET = 1.2
/**
 * Both sides are ~100 ms figures that the shared machine moves by tens of ms: each 50,000-key load is paired with a
 * 100-key load right after it, so a slow stretch hits both sides, and more pairs than the minimum keep the median honest.
 */
const PAIRS = 11

const arrivalToPaint = (list: ListHost): Promise<number> =>
  withListPage(list, async (_page, paint) => paint.arrivalToPaint)

export async function renderRow(fx: Fixtures): Promise<RowResult> {
  const bigHost = await fx.listHost(BIG)
  const smallHost = await fx.listHost(SMALL)
  await withListPage(bigHost, async () => undefined)
  await withListPage(smallHost, async () => undefined)
  const big: number[] = []
  const small: number[] = []
  for (let pair = 0; pair < PAIRS; pair += 1) {
    big.push(await arrivalToPaint(bigHost))
    small.push(await arrivalToPaint(smallHost))
  }
  const smallMedian = summarize(small).median
  const s = summarize(big.map((t) => t / smallMedian))
  return result({
    id: '3',
    title: `render: data arrival → rows painted, ${BIG.toLocaleString('en')} ÷ ${SMALL} keys`,
    unit: '×',
    target: TARGET,
    figure: round(summarize(big).median / smallMedian),
    summary: s,
    detail: { bigMs: big.map((t) => round(t, 1)), smallMs: small.map((t) => round(t, 1)) },
  })
}
