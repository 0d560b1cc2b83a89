// `npm run web`: the real core and the built renderer in a browser, on 127.0.0.1 only.
// The keychain helper (a Node process loading keytar) takes a few hundred milliseconds to start, so it is started
// first and boots while the rest of KeyDesk loads: the page's first listings then do not wait for it.
import { parseArgs } from 'node:util'
import { defaultDataDir, defaultVaultService } from '../main/core/data-dir'
import { KeytarVault } from '../main/core/vault'

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
  const vault = new KeytarVault(defaultVaultService())
  void vault.status()
  const { runHost } = await import('./run')
  await runHost({ ...values, port, launches }, vault)
}

main().catch((err: unknown) => {
  const usage = err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')
  process.stderr.write(`keydesk web: ${err instanceof Error ? err.message : String(err)}\n${usage ? `${USAGE}\n` : ''}`)
  process.exit(2)
})
