// Row 3: from the keys' arrival in the renderer to the painted rows, 50,000 keys cost at most 1.2 times 100 keys.
import { BIG, SMALL, type Fixtures, type ListHost } from '../fixtures'
import { withListPage } from '../list-page'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET = 1.2

async function times(list: ListHost): Promise<number[]> {
  await withListPage(list, async () => undefined)
  const out: number[] = []
  for (let run = 0; run < RUNS; run += 1)
    out.push(await withListPage(list, async (_page, paint) => paint.arrivalToPaint))
  return out
}

export async function renderRow(fx: Fixtures): Promise<RowResult> {
  const big = await times(await fx.listHost(BIG))
  const small = await times(await fx.listHost(SMALL))
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
