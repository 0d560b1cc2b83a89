// Row 1: "Refresh all" with 30 accounts (10 per provider) at 200 ms service latency costs about one request, not
// thirty. Measured in the page as the user sees it: from the click to the painted frame after the last account's keys
// arrived, against the same click in the same app with one account.
import type { Page } from '@playwright/test'
import { closePage, freshPage, pollNumber } from '../browser'
import { SLOW, type Fixtures } from '../fixtures'
import type { HostProc } from '../procs'
import { REFRESH_PROBE } from '../page-scripts'
import { result, type RowResult } from '../row'
import { round, summarize } from '../stats'

const TARGET = 1.2
const SPREAD_LIMIT = 0.1
const WARMUP = 5
/** A ratio of two 200 ms figures on a shared machine: more runs than the minimum keep the median and spread honest. */
const ROW_RUNS = 9
const REFRESH = /^Refresh/

async function open(host: HostProc, accounts: number): Promise<Page> {
  const page = await freshPage(REFRESH_PROBE)
  await page.goto(host.openUrl)
  await page.getByRole('button', { name: REFRESH }).first().waitFor()
  // The first listing of every account at start, so the click below is a refresh of a list on screen.
  await pollNumber(page, `window.__bench.listedAccounts() >= ${accounts} ? 1 : 0`)
  await page.getByRole('button', { name: REFRESH, disabled: false }).first().waitFor()
  return page
}

async function refresh(page: Page, accounts: number): Promise<number> {
  await page.evaluate(`window.__bench.expectRefresh(${accounts})`)
  await page.getByRole('button', { name: REFRESH }).first().click()
  const ms = await page.evaluate('window.__bench.refreshed')
  if (typeof ms !== 'number') throw new Error('the refresh probe gave no time')
  await page.getByRole('button', { name: REFRESH, disabled: false }).first().waitFor()
  return ms
}

export async function refreshRow(fx: Fixtures): Promise<RowResult> {
  const world = await fx.slow()
  const accounts = world.accountIds.length
  const onePage = await open(world.one, 1)
  const allPage = await open(world.all, accounts)
  const singles: number[] = []
  const totals: number[] = []
  try {
    for (let run = 0; run < WARMUP + ROW_RUNS; run += 1) {
      const single = await refresh(onePage, 1)
      const total = await refresh(allPage, accounts)
      if (run < WARMUP) continue
      singles.push(single)
      totals.push(total)
    }
  } finally {
    await closePage(onePage)
    await closePage(allPage)
  }
  world.proxy.take()
  const single = summarize(singles).median
  const s = summarize(totals.map((t) => t / single))
  return result({
    id: '1',
    title: `Refresh all, ${accounts} accounts at ${SLOW.latencyMs} ms latency: click → painted, ÷ one account (spread ≤ ${SPREAD_LIMIT * 100} %)`,
    unit: '×',
    target: TARGET,
    figure: round(s.median),
    summary: s,
    also: s.spread <= SPREAD_LIMIT,
    detail: {
      totalMs: totals.map((t) => round(t, 1)),
      singleAccountMs: singles.map((t) => round(t, 1)),
      totalOverConfiguredLatency: round(summarize(totals).median / SLOW.latencyMs),
    },
  })
}
