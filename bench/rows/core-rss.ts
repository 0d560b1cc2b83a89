// Row 8: the core's resident memory with 50 accounts of 1,000 keys, all listed, in a process of its own running the
// bundled core. Judged after a full collection (the footprint it keeps); the figure before it is kept in the detail.
import { bundleCoreChild } from '../core-bundle'
import { rssMb, startCoreProc, startSandboxProc } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { addAccounts, tempDir } from '../setup'
import { round, summarize } from '../stats'

const ACCOUNTS = 50
const KEYS = 1000
const TARGET_MB = 150

export async function coreRssRow(): Promise<RowResult> {
  const bundle = await bundleCoreChild()
  const sandbox = await startSandboxProc({
    latencyMs: 0,
    keysPerAccount: KEYS,
    accountsPerProvider: Math.ceil(ACCOUNTS / 3),
    seed: 'bench-rss',
  })
  const core = await startCoreProc(bundle, tempDir('rss')).catch(async (err: unknown) => {
    await sandbox.stop()
    throw err
  })
  try {
    const idleMb = rssMb(core.pid)
    const ids = await addAccounts(core, sandbox.accounts.slice(0, ACCOUNTS))
    const before: number[] = []
    const after: number[] = []
    let listed = 0
    for (let run = 0; run < RUNS; run += 1) {
      const lists = await Promise.all(
        ids.map((accountId) => core.call<{ keys: unknown[] }>('keys.list', { accountId })),
      )
      listed = lists.reduce((n, l) => n + l.keys.length, 0)
      before.push(rssMb(core.pid))
      after.push(await core.rssAfterGcMb())
    }
    const s = summarize(after)
    return result({
      id: '8',
      title: `core RSS after GC, ${ids.length} accounts × ${KEYS.toLocaleString('en')} keys listed (bundled core process)`,
      unit: 'MB',
      target: TARGET_MB,
      figure: round(s.median, 1),
      summary: s,
      detail: {
        rssAfterGcMb: after.map((m) => round(m, 1)),
        rssBeforeGcMb: before.map((m) => round(m, 1)),
        idleBeforeAccountsMb: round(idleMb, 1),
        keysListed: listed,
        heapAfterLastGcMb: core.lastMemory(),
      },
    })
  } finally {
    await core.stop()
    await sandbox.stop()
  }
}
