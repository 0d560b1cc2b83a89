// Row 7: the renderer's JavaScript heap, after a full collection, with 10,000 keys listed.
import { heapAfterGcMb } from '../browser'
import { BIG, type Fixtures } from '../fixtures'
import { withListPage } from '../list-page'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET_MB = 60

export async function heapRow(fx: Fixtures): Promise<RowResult> {
  const list = await fx.listHost(BIG)
  const samples: number[] = []
  for (let run = 0; run < RUNS; run += 1) samples.push(await withListPage(list, (page) => heapAfterGcMb(page)))
  const s = summarize(samples)
  return result(
    7,
    `renderer JS heap after GC, ${BIG.toLocaleString('en')} keys listed`,
    'MB',
    TARGET_MB,
    round(s.median, 1),
    s,
    { heapMb: samples.map((m) => round(m, 1)) },
  )
}
