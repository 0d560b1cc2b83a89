// Row 12: `keydesk keys list --json` over the 30 accounts of the slow world (200 ms service latency), from process
// start to exit, against one list request to the service. The CLI reads the same data directory and keychain as the
// browser host that set the accounts up.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SLOW, type Fixtures } from '../fixtures'
import { ROOT, vaultService } from '../procs'
import { result, RUNS, type RowResult } from '../row'
import { listRequest } from '../sandbox-wire'
import { round, summarize } from '../stats'

const TARGET = 2.0
const RUN_LIMIT_MS = 30_000

/** The `keydesk` command as package.json installs it, run with Node (TypeScript through tsx); null until it exists. */
function command(): string[] | null {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.keydesk
  if (!bin || !existsSync(join(ROOT, bin))) return null
  return bin.endsWith('.ts') ? ['--import', 'tsx', join(ROOT, bin)] : [join(ROOT, bin)]
}

function runCli(args: readonly string[], dataDir: string): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const child = spawn(process.execPath, [...args, '--data-dir', dataDir, '--json', 'keys', 'list'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KEYDESK_DATA_DIR: dataDir, KEYDESK_VAULT_SERVICE: vaultService(dataDir) },
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += String(c)))
    child.stderr.on('data', (c: Buffer) => (err = (err + String(c)).slice(-1000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve({ ms: performance.now() - t, out })
      else reject(new Error(`keydesk keys list --json exited ${code}: ${err}`))
    })
  })
}

export async function cliRow(fx: Fixtures): Promise<RowResult> {
  const cli = command()
  const title = `keydesk keys list --json, ${SLOW.accountsPerProvider * 3} accounts at ${SLOW.latencyMs} ms: process start → exit ÷ one request`
  if (!cli) {
    return {
      id: '12',
      title: `${title} — the CLI is not built yet (issue #17: package.json has no keydesk bin)`,
      figure: Number.NaN,
      unit: '×',
      target: TARGET,
      verdict: 'n/a',
      summary: summarize([]),
      detail: {},
    }
  }
  const world = await fx.slow()
  const one = world.sandbox.accounts[0]
  if (!one) throw new Error('the slow world has no account')
  const request = listRequest(one)
  const singles: number[] = []
  const runs: number[] = []
  let keys = 0
  await runCli(cli, world.allDir)
  for (let run = 0; run < RUNS; run += 1) {
    const t = performance.now()
    await (await request()).arrayBuffer()
    singles.push(performance.now() - t)
    const r = await runCli(cli, world.allDir)
    runs.push(r.ms)
    const parsed: unknown = JSON.parse(r.out)
    keys = Array.isArray(parsed) ? parsed.length : ((parsed as { keys?: unknown[] }).keys?.length ?? 0)
  }
  const single = summarize(singles).median
  const s = summarize(runs.map((t) => t / single))
  return result({
    id: '12',
    title,
    unit: '×',
    target: TARGET,
    figure: round(s.median),
    summary: s,
    detail: { cliMs: runs.map((t) => round(t, 1)), oneRequestMs: singles.map((t) => round(t, 1)), keysPrinted: keys },
  })
}
