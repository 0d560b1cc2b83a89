// `npm run web`: the real core and the built renderer in a browser, on 127.0.0.1 only.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppCore } from '../main/core/app-core'
import { systemClipboard } from '../main/core/clipboard'
import { downloadsDir, saveInFolder } from '../main/core/export'
import { serveCommands } from '../main/core/command-channel'
import { defaultDataDir, defaultVaultService } from '../main/core/data-dir'
import { claimForApp } from '../main/core/data-dir-owner'
import { KeytarVault } from '../main/core/vault'
import { openBrowser } from './open-browser'
import { OPEN_TICKET_TTL_MS } from './session'
import { startHost } from './server'

const root = join(import.meta.dirname, '../..')

const USAGE = `usage: npm run web -- [--open] [--port N] [--data-dir DIR] [--export-dir DIR] [--demo]

Serves KeyDesk to a browser on 127.0.0.1 only (build it first: npm run build).
It prints a launch URL that opens one browser session, once: open it in a browser on this machine.

  --open            open the default browser at a fresh launch URL that expires in a minute
  --port N          port to listen on (default 0: any free port)
  --data-dir DIR    where settings are kept (default: the desktop app's data directory,
                    ${defaultDataDir()})
  --export-dir DIR  where exported secret files are written (default: your downloads folder)
  --launch-urls N   print N one-time launch URLs, one a line (for scripts and tests; default 1)
  --demo            add demo accounts backed by the local emulator of every service
  -h, --help        show this help and exit

Credentials are kept in the OS keychain under the service name in KEYDESK_VAULT_SERVICE
(default "KeyDesk Dev").`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
      'export-dir': { type: 'string' },
      'launch-urls': { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not "${values.port}"`)
  const launches = Number(values['launch-urls'])
  if (!Number.isInteger(launches) || launches < 1 || launches > 20)
    throw new Error(`--launch-urls must be 1–20, not "${values['launch-urls']}"`)
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
    vault: new KeytarVault(defaultVaultService()),
    log: (line) => process.stderr.write(`${line}\n`),
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

main().catch((err: unknown) => {
  const usage = err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
  process.stderr.write(`keydesk web: ${err instanceof Error ? err.message : String(err)}\n${usage ? `${USAGE}\n` : ''}`)
  process.exit(2)
})
