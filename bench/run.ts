// `npm run bench`: every performance target of KeyDesk, measured against the sandbox, the real core, the browser host
// and Debian Chromium; prints a table, writes bench/results.json, exits non-zero when a target is missed.
// Optional arguments pick rows by number: `npm run bench -- 3 4b`.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { closeBrowser } from './browser'
import { Fixtures } from './fixtures'
import { ROOT, stopAll } from './procs'
import type { RowResult } from './row'
import { actionsRow } from './rows/actions'
import { bundleRow } from './rows/bundle'
import { cliRow } from './rows/cli'
import { consolesRow } from './rows/consoles'
import { coreRssRow } from './rows/core-rss'
import { domRowsRow } from './rows/dom-rows'
import { firstScreenRow } from './rows/first-screen'
import { heapRow } from './rows/heap'
import { listContractRow } from './rows/list-contract'
import { propagationRow } from './rows/propagation'
import { refreshRow } from './rows/refresh'
import { renderRow } from './rows/render'
import { searchRow } from './rows/search'
import { removeTempDirs } from './setup'
import { summarize } from './stats'
import { formatTable } from './table'

/** The limit for the whole bench. */
const LIMIT_MS = 6 * 60_000
const KEYRING_MARK = 'KEYDESK_BENCH_KEYRING'

type Row = {
  readonly id: string
  readonly title: string
  readonly run: (fx: Fixtures) => Promise<RowResult> | RowResult
}

const ROWS: readonly Row[] = [
  { id: '1', title: 'refresh 30 accounts', run: (fx) => refreshRow(fx) },
  { id: '2', title: 'list 50,000 keys through the contract', run: (fx) => listContractRow(fx) },
  { id: '3', title: 'render 50,000 vs 100 keys', run: (fx) => renderRow(fx) },
  { id: '4', title: 'search at 10,000 keys', run: (fx) => searchRow(fx, '4') },
  { id: '4b', title: 'search at 50,000 keys', run: (fx) => searchRow(fx, '4b') },
  { id: '5', title: 'DOM rows at 50,000 keys', run: (fx) => domRowsRow(fx) },
  { id: '6', title: 'first screen with 30 accounts', run: () => firstScreenRow() },
  { id: '7', title: 'renderer heap at 50,000 keys', run: (fx) => heapRow(fx) },
  { id: '8', title: 'core RSS', run: () => coreRssRow() },
  { id: '9', title: 'pending propagations', run: () => propagationRow() },
  { id: '10', title: 'renderer bundle', run: () => bundleRow() },
  { id: '11', title: 'requests per user action', run: () => actionsRow() },
  { id: '12', title: 'keydesk keys list --json', run: (fx) => cliRow(fx) },
  { id: '13', title: 'side by side with the consoles', run: (fx) => consolesRow(fx) },
]

/** The host keeps credentials in the keychain, so the whole bench runs under a private, unlocked gnome-keyring. */
function underKeyring(): boolean {
  if (process.env[KEYRING_MARK] === '1') return true
  const r = spawnSync(
    join(ROOT, 'scripts/with-keyring.sh'),
    [process.execPath, '--import', 'tsx', ...process.argv.slice(1)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, [KEYRING_MARK]: '1' },
    },
  )
  process.exitCode = r.status ?? 1
  return false
}

/** Always builds: a renderer left over from an earlier checkout would be measured instead of the code in the tree. */
function build(): void {
  // `npm run build`: the renderer the host serves and the CLI bundle row 12 runs (bin/keydesk.js prefers it).
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) throw new Error('npm run build failed')
}

function failed(row: Row, err: unknown): RowResult {
  const message = err instanceof Error ? err.message : String(err)
  return {
    id: row.id,
    title: `${row.title} — ERROR: ${message.slice(0, 200)}`,
    figure: Number.NaN,
    unit: '',
    target: Number.NaN,
    verdict: 'FAIL',
    summary: summarize([]),
    detail: { error: message },
  }
}

async function main(): Promise<void> {
  const picked = process.argv.slice(2)
  const rows = picked.length ? ROWS.filter((r) => picked.includes(r.id)) : ROWS
  build()
  const started = performance.now()
  const fx = new Fixtures()
  const results: RowResult[] = []
  try {
    for (const row of rows) {
      const t = performance.now()
      let r: RowResult
      try {
        r = await row.run(fx)
      } catch (err) {
        r = failed(row, err)
      }
      results.push(r)
      process.stdout.write(`row ${row.id} ${r.verdict} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`)
    }
  } finally {
    await fx.close()
    await closeBrowser()
    await stopAll()
    removeTempDirs()
  }
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(
    `\n${formatTable(results)}\n\n${results.filter((r) => r.verdict === 'pass' || r.verdict === 'report').length}/${results.length} rows pass in ${seconds.toFixed(0)} s on ${cpus().length} cores\n`,
  )
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), seconds, cores: cpus().length, rows: results }, null, 2)}\n`,
  )
  // A row that is not built yet (n/a) says so in the table without failing the run; a missed target does.
  process.exitCode = results.length > 0 && results.every((r) => r.verdict !== 'FAIL') ? 0 : 1
}

if (underKeyring()) {
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: over ${LIMIT_MS / 60_000} min, stopping\n`)
    void stopAll().finally(() => process.exit(1))
  }, LIMIT_MS)
  watchdog.unref()
  main().catch(async (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    await stopAll()
    process.exitCode = 1
  })
}
