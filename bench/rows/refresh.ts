// Row 1: refreshing 30 accounts (10 per provider) at 200 ms service latency costs about one request, not thirty.
import { addAccounts, tempDir } from '../setup'
import { startHostProc, startSandboxProc } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { round, summarize } from '../stats'

const LATENCY_MS = 200
const TARGET = 1.3

export async function refreshRow(): Promise<RowResult> {
  const sandbox = await startSandboxProc({
    latencyMs: LATENCY_MS,
    keysPerAccount: 2,
    accountsPerProvider: 10,
    seed: 'bench-refresh',
  })
  const host = await startHostProc(tempDir('refresh')).catch(async (err: unknown) => {
    await sandbox.stop()
    throw err
  })
  try {
    const ids = await addAccounts(host, sandbox.accounts)
    const list = (id: string): Promise<unknown> => host.call('keys.list', { accountId: id })
    const timed = async (fn: () => Promise<unknown>): Promise<number> => {
      const t = performance.now()
      await fn()
      return performance.now() - t
    }
    const all = (): Promise<unknown> => Promise.all(ids.map(list))
    await all()
    const singles: number[] = []
    const totals: number[] = []
    for (let run = 0; run < RUNS; run += 1) {
      singles.push(await timed(() => list(ids[(run * 7) % ids.length] ?? '')))
      totals.push(await timed(all))
    }
    const single = summarize(singles).median
    const ratios = totals.map((t) => t / single)
    const s = summarize(ratios)
    return result(
      1,
      `refresh all of ${ids.length} accounts, ${LATENCY_MS} ms latency (total ÷ one request)`,
      '×',
      TARGET,
      round(s.median),
      s,
      {
        totalMs: totals.map((t) => round(t, 1)),
        singleRequestMs: singles.map((t) => round(t, 1)),
        totalOverConfiguredLatency: round(summarize(totals).median / LATENCY_MS),
      },
    )
  } finally {
    await host.stop()
    await sandbox.stop()
  }
}
