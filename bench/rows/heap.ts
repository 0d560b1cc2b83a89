// Row 7: the renderer's JavaScript heap, after a full collection, with 50,000 keys listed.
import { heapAfterGcMb } from '../browser'
import { BIG, type Fixtures } from '../fixtures'
import { withListPage } from '../list-page'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET_MB = 40

export async function heapRow(fx: Fixtures): Promise<RowResult> {
  const list = await fx.listHost(BIG)
  const samples: number[] = []
  for (let run = 0; run < RUNS; run += 1) samples.push(await withListPage(list, (page) => heapAfterGcMb(page)))
  const s = summarize(samples)
  return result({
    id: '7',
    title: `renderer JS heap after GC, ${BIG.toLocaleString('en')} keys listed`,
    unit: 'MB',
    target: TARGET_MB,
    figure: round(s.median, 1),
    summary: s,
    detail: { heapMb: samples.map((m) => round(m, 1)) },
  })
}
