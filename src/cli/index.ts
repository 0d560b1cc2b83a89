// The bundle's entry point (out/cli/keydesk.js, run by bin/keydesk.js).
import { printable } from '../shared/printable'
import { main } from './main'

/** Exits once everything written so far has left: a pipe takes writes asynchronously, and exit would cut them. */
function exitAfterFlush(code: number): void {
  process.exitCode = code
  let pending = 2
  const done = (): void => {
    pending -= 1
    // Pending timers (a keychain timeout, an unref'd scheduler) must not hold a finished command open.
    if (pending === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

main(process.argv.slice(2)).then(exitAfterFlush, (err: unknown) => {
  process.stderr.write(`keydesk: ${printable(err instanceof Error ? err.message : String(err), true)}\n`)
  exitAfterFlush(1)
})
