// Row 6: from starting the browser host to a painted, usable first screen (account list, search box, key rows) with
// 30 accounts already set up; and the page's part of it against an empty page's load in the same browser.
import { benchValue, closePage, freshPage, pollNumber } from '../browser'
import { startEmptyPage } from '../empty-page'
import { PAINT_PROBE } from '../page-scripts'
import { startHostProc, startSandboxProc } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { addAccounts, tempDir } from '../setup'
import { round, summarize } from '../stats'

const TARGET = 3.0
const LOAD_END = `performance.getEntriesByType('navigation')[0]?.loadEventEnd`

async function emptyLoad(url: string): Promise<number> {
  const page = await freshPage()
  try {
    await page.goto(url, { waitUntil: 'load' })
    return await pollNumber(page, LOAD_END)
  } finally {
    await closePage(page)
  }
}

/** Starts a host on `dataDir` and opens it; returns ms from spawn to painted first screen, and from navigation to it. */
async function appStart(dataDir: string): Promise<{ total: number; page: number }> {
  const page = await freshPage(PAINT_PROBE)
  const spawned = Date.now()
  const host = await startHostProc(dataDir)
  try {
    await page.goto(host.openUrl)
    const painted = await benchValue(page, 'rowsPainted')
    const origin = await page.evaluate('performance.timeOrigin')
    if (typeof origin !== 'number') throw new Error('no performance.timeOrigin')
    return { total: origin + painted - spawned, page: painted }
  } finally {
    await closePage(page)
    await host.stop()
  }
}

export async function firstScreenRow(): Promise<RowResult> {
  const sandbox = await startSandboxProc({ latencyMs: 0, keysPerAccount: 2, accountsPerProvider: 10, seed: 'bench-first' })
  const empty = await startEmptyPage()
  try {
    const dataDir = tempDir('first')
    const setup = await startHostProc(dataDir)
    try {
      await addAccounts(setup, sandbox.accounts)
    } finally {
      await setup.stop()
    }
    await emptyLoad(empty.url)
    await appStart(dataDir)
    const emptyMs: number[] = []
    const totalMs: number[] = []
    const pageMs: number[] = []
    for (let run = 0; run < RUNS; run += 1) {
      emptyMs.push(await emptyLoad(empty.url))
      const r = await appStart(dataDir)
      totalMs.push(r.total)
      pageMs.push(r.page)
    }
    const emptyMedian = summarize(emptyMs).median
    const total = summarize(totalMs).median
    const s = summarize(pageMs.map((t) => t / emptyMedian))
    return result(6, `first screen, ${sandbox.accounts.length} accounts: host start → painted ${Math.round(total)} ms; page part ÷ empty page load`,
      '×', TARGET, round(summarize(pageMs).median / emptyMedian), s, {
        hostStartToPaintedMs: totalMs.map((t) => round(t)), navigationToPaintedMs: pageMs.map((t) => round(t, 1)), emptyPageLoadMs: emptyMs.map((t) => round(t, 1)),
      })
  } finally {
    await empty.close()
    await sandbox.stop()
  }
}
