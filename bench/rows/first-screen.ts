// Row 6: from starting the browser host to a painted, usable first screen (accounts, search box, key rows) with 30
// accounts already set up. Judged against the same app's first screen with no accounts, started and loaded the same
// way in the same browser; a blank HTML page's load is kept in the detail.
import { paintedAt, closePage, freshPage, pollNumber } from '../browser'
import { startEmptyPage } from '../empty-page'
import { EMPTY_SHOWN, LIST_SHOWN, paintProbe } from '../page-scripts'
import { startHostProc, startSandboxProc } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { addAccounts, tempDir } from '../setup'
import { round, summarize } from '../stats'

const TARGET = 1.3
const LOAD_END = `performance.getEntriesByType('navigation')[0]?.loadEventEnd`

interface Start {
  /** ms from spawning the host to the painted first screen. */
  readonly total: number
  /** ms from navigation start to the painted first screen. */
  readonly page: number
  /** ms the page's HTML request waited for its first byte: the host's start-up work shows here. */
  readonly htmlWait: number
}

const HTML_WAIT = `(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStart - n.requestStart : null })()`

async function blankLoad(url: string): Promise<number> {
  const page = await freshPage()
  try {
    await page.goto(url, { waitUntil: 'load' })
    return await pollNumber(page, LOAD_END)
  } finally {
    await closePage(page)
  }
}

async function appStart(dataDir: string, shown: readonly string[]): Promise<Start> {
  const page = await freshPage(paintProbe(shown))
  const spawned = Date.now()
  const host = await startHostProc(dataDir)
  try {
    await page.goto(host.openUrl)
    const painted = await paintedAt(page)
    const origin = await page.evaluate('performance.timeOrigin')
    const htmlWait = await page.evaluate(HTML_WAIT)
    if (typeof origin !== 'number' || typeof htmlWait !== 'number') throw new Error('no navigation timing')
    return { total: origin + painted - spawned, page: painted, htmlWait }
  } finally {
    await closePage(page)
    await host.stop()
  }
}

export async function firstScreenRow(): Promise<RowResult> {
  const sandbox = await startSandboxProc({
    latencyMs: 0,
    keysPerAccount: 2,
    accountsPerProvider: 10,
    seed: 'bench-first',
  })
  const blank = await startEmptyPage()
  try {
    const full = tempDir('first')
    const empty = tempDir('first-empty')
    const setup = await startHostProc(full)
    try {
      await addAccounts(setup, sandbox.accounts)
    } finally {
      await setup.stop()
    }
    await appStart(empty, EMPTY_SHOWN)
    await appStart(full, LIST_SHOWN)
    const runs: { full: Start; empty: Start; blank: number }[] = []
    for (let run = 0; run < RUNS; run += 1) {
      runs.push({
        empty: await appStart(empty, EMPTY_SHOWN),
        full: await appStart(full, LIST_SHOWN),
        blank: await blankLoad(blank.url),
      })
    }
    const median = (pick: (r: (typeof runs)[number]) => number): number => summarize(runs.map(pick)).median
    const ratio = median((r) => r.full.page) / median((r) => r.empty.page)
    const s = summarize(runs.map((r) => r.full.page / r.empty.page))
    const total = median((r) => r.full.total)
    const overBlank = median((r) => r.full.page) / median((r) => r.blank)
    return result({
      id: '6',
      title:
        `first screen, ${sandbox.accounts.length} accounts: host start → painted ${Math.round(total)} ms; ` +
        `page ÷ no-account app (÷ blank page: ${round(overBlank, 1)})`,
      unit: '×',
      target: TARGET,
      figure: round(ratio),
      summary: s,
      detail: {
        hostStartToPaintedMs: runs.map((r) => round(r.full.total)),
        navigationToPaintedMs: runs.map((r) => round(r.full.page, 1)),
        noAccountsNavigationToPaintedMs: runs.map((r) => round(r.empty.page, 1)),
        noAccountsHostStartToPaintedMs: runs.map((r) => round(r.empty.total)),
        htmlWaitMs: runs.map((r) => round(r.full.htmlWait, 1)),
        noAccountsHtmlWaitMs: runs.map((r) => round(r.empty.htmlWait, 1)),
        blankPageLoadMs: runs.map((r) => round(r.blank, 1)),
        overBlankPage: round(overBlank, 2),
      },
    })
  } finally {
    await blank.close()
    await sandbox.stop()
  }
}
