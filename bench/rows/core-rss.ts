// Row 8: the core's resident memory with 50 accounts of 200 keys, all listed, measured in its own process.
import { startHostProc, startSandboxProc, rssMb } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { addAccounts, tempDir } from '../setup'
import { round, summarize } from '../stats'

const ACCOUNTS = 50
const KEYS = 200
const TARGET_MB = 150
const SETTLE_MS = 300

export async function coreRssRow(): Promise<RowResult> {
  const sandbox = await startSandboxProc({ latencyMs: 0, keysPerAccount: KEYS, accountsPerProvider: Math.ceil(ACCOUNTS / 3), seed: 'bench-rss' })
  const host = await startHostProc(tempDir('rss')).catch(async (err: unknown) => { await sandbox.stop(); throw err })
  try {
    const ids = await addAccounts(host, sandbox.accounts.slice(0, ACCOUNTS))
    const samples: number[] = []
    let listed = 0
    for (let run = 0; run < RUNS; run += 1) {
      const lists = await Promise.all(ids.map((accountId) => host.call<{ keys: unknown[] }>('keys.list', { accountId })))
      listed = lists.reduce((n, l) => n + l.keys.length, 0)
      await new Promise((r) => setTimeout(r, SETTLE_MS))
      samples.push(rssMb(host.pid))
    }
    const s = summarize(samples)
    return result(8, `core RSS, ${ids.length} accounts × ${KEYS} keys listed (host process)`, 'MB', TARGET_MB, round(s.median, 1), s,
      { rssMb: samples.map((m) => round(m, 1)), keysListed: listed })
  } finally {
    await host.stop()
    await sandbox.stop()
  }
}
