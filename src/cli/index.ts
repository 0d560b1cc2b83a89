// The bundle's entry point (out/cli/keydesk.js, run by bin/keydesk.js).
import { main } from './main'

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
    // Pending timers (a keychain timeout, an unref'd scheduler) must not hold a finished command open.
    setImmediate(() => process.exit(code))
  },
  (err: unknown) => {
    process.stderr.write(`keydesk: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  },
)
