// The core in a process of its own, as the Electron main process runs it (bundled, no TypeScript loader), serving
// the channel map over the browser host's HTTP API so the bench can drive it. Used by row 8 (bench/rows/core-rss.ts).
// Prints the host's open URL on stdout; stops on SIGTERM. Started with --expose-gc, SIGUSR2 runs a full collection
// and prints "gc done", so the bench can read the steady-state footprint rather than a point in the GC cycle.
import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { getHeapSpaceStatistics } from 'node:v8'
import { AppCore } from '../src/main/core/app-core'
import { MemoryClipboard } from '../src/main/core/clipboard'
import { KeytarVault } from '../src/main/core/vault'
import { startHost } from '../src/host/server'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'renderer-dir': { type: 'string' } } })
  const dataDir = values['data-dir']
  const rendererDir = values['renderer-dir']
  if (!dataDir || !rendererDir) throw new Error('usage: core-child --data-dir DIR --renderer-dir DIR')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const core = new AppCore({
    dataDir,
    version: '0.1.0',
    host: 'browser',
    clipboard: new MemoryClipboard(),
    vault: new KeytarVault(process.env.KEYDESK_VAULT_SERVICE ?? 'KeyDesk Bench'),
  })
  await core.start()
  const host = await startHost({ core, rendererDir })
  // One launch URL for the bench's own calls, the rest for the browsers it opens.
  for (const url of [host.openUrl, ...Array.from({ length: 9 }, () => host.launchUrl())])
    process.stdout.write(`${url}\n`)
  process.on('SIGTERM', () => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0))
  })
  process.on('SIGUSR2', () => {
    globalThis.gc?.()
    const m = process.memoryUsage()
    const mb = (n: number): number => Math.round(n / 1048576)
    // Committed size per V8 space: what of the heap is in use and what is only held (young generation, fragments).
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, `${mb(s.space_used_size)}/${mb(s.space_size)}`]),
    )
    const memory = { heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), spaces }
    process.stdout.write(`memory ${JSON.stringify(memory)}\ngc done\n`)
  })
}

main().catch((err: unknown) => {
  process.stderr.write(`core-child: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(2)
})
