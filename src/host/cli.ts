// `npm run web`: the real core and the built renderer in a browser, on 127.0.0.1 only.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppCore } from '../main/core/app-core'
import { MemoryClipboard } from '../main/core/clipboard'
import { KeytarVault } from '../main/core/vault'
import { startHost } from './server'

const root = join(import.meta.dirname, '../..')

const USAGE = `usage: npm run web -- [--port N] [--data-dir DIR] [--demo]

Serves KeyDesk to a browser on 127.0.0.1 only (build it first: npm run build).
It prints a one-time launch URL: open it in a browser on this machine.

  --port N          port to listen on (default 0: any free port)
  --data-dir DIR    where settings are kept (default: the desktop app's data directory,
                    ${defaultDataDir()})
  --demo            add demo accounts backed by the local emulator of every service
  -h, --help        show this help and exit

Credentials are kept in the OS keychain under the service name in KEYDESK_VAULT_SERVICE
(default "KeyDesk Dev").`

/** Where Electron's app.getPath('userData') points for "KeyDesk", so both hosts share accounts. */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'KeyDesk')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'KeyDesk')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'KeyDesk')
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
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
  const rendererDir = join(root, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('The renderer is not built: run `npm run build` first.')
  const dataDir = values['data-dir'] ?? defaultDataDir()
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const core = new AppCore({
    dataDir,
    version,
    host: 'browser',
    clipboard: new MemoryClipboard(),
    vault: new KeytarVault(process.env.KEYDESK_VAULT_SERVICE ?? 'KeyDesk Dev'),
    log: (line) => process.stderr.write(`${line}\n`),
  })
  await core.start()
  if (values.demo) {
    const r = await core.invoke('demo.start', {})
    if (!r.ok) process.stderr.write(`Demo mode could not start: ${(r.error as { message?: string }).message ?? ''}\n`)
  }
  const host = await startHost({ core, rendererDir, token: randomBytes(32).toString('base64url'), port })
  process.stdout.write(`KeyDesk (browser host) is running. Open this URL in a browser:\n${host.openUrl}\n`)
  process.stderr.write(`data directory: ${dataDir}\n`)
  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  const usage = err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
  process.stderr.write(`keydesk web: ${err instanceof Error ? err.message : String(err)}\n${usage ? `${USAGE}\n` : ''}`)
  process.exit(2)
})
