// The browser host's start once its arguments are checked (src/host/cli.ts): the data directory's claim, the core,
// the command socket and the HTTP server, and their orderly stop.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppCore } from '../main/core/app-core'
import { systemClipboard } from '../main/core/clipboard'
import { downloadsDir, saveInFolder } from '../main/core/export'
import { serveCommands } from '../main/core/command-channel'
import { defaultDataDir } from '../main/core/data-dir'
import { claimForApp } from '../main/core/data-dir-owner'
import type { SecretVault } from '../main/core/vault'
import { lineLog } from './line-log'
import { openBrowser } from './open-browser'
import { OPEN_TICKET_TTL_MS } from './session'
import { startHost } from './server'

const root = join(import.meta.dirname, '../..')

export interface HostArgs {
  readonly port: number
  readonly launches: number
  readonly 'data-dir'?: string
  readonly 'export-dir'?: string
  readonly demo?: boolean
  readonly open?: boolean
}

export async function runHost(values: HostArgs, vault: SecretVault): Promise<void> {
  const { port, launches } = values
  const exportDir = values['export-dir'] ?? downloadsDir()
  const rendererDir = join(root, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('The renderer is not built: run `npm run build` first.')
  const dataDir = values['data-dir'] ?? defaultDataDir()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // One core per data directory: `keydesk` commands reach this one while it runs.
  const claim = await claimForApp(dataDir)
  process.on('exit', () => claim.release())
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const core = new AppCore({
    dataDir,
    version,
    host: 'browser',
    clipboard: systemClipboard,
    // Exports are written by the host itself (0600, atomically), never handed to the browser's downloads.
    saveFile: (fileName, content) => saveInFolder(exportDir, fileName, content),
    vault,
    log: lineLog(process.stderr),
  })
  await core.start()
  const stopCommands = await serveCommands(core, claim)
  if (values.demo) {
    const r = await core.invoke('demo.start', {})
    if (!r.ok) process.stderr.write(`Demo mode could not start: ${(r.error as { message?: string }).message ?? ''}\n`)
  }
  const host = await startHost({ core, rendererDir, port })
  const urls = [host.openUrl, ...Array.from({ length: launches - 1 }, () => host.launchUrl())]
  process.stdout.write(
    `KeyDesk (browser host) is running. Open this URL in a browser (it works once):\n${urls.join('\n')}\n`,
  )
  if (values.open) {
    await openBrowser(host.launchUrl(OPEN_TICKET_TTL_MS)).then(
      () => process.stdout.write('Opened your default browser.\n'),
      (err: unknown) =>
        process.stderr.write(`Could not open a browser (${err instanceof Error ? err.message : 'unknown'}).\n`),
    )
  }
  process.stderr.write(`data directory: ${dataDir}\nexports go to: ${exportDir}\n`)
  const stop = (): void => {
    void host
      .close()
      .then(() => stopCommands())
      .then(() => core.close())
      .finally(() => {
        claim.release()
        process.exit(0)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
