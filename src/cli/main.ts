// `keydesk`: the command line over the same core as the app (README "Command line").
import { Command, CommanderError } from 'commander'
import { AppError } from '../shared/errors'
import { printable } from '../shared/printable'
import { defaultDataDir } from '../main/core/data-dir'
import { accountsCommand } from './commands/accounts'
import { completionCommand } from './commands/completion'
import { envCommand, execCommand } from './commands/exec'
import { keysCommand } from './commands/keys'
import { auditCommand, propagationCommand, rotationCommand } from './commands/lists'
import { waitCommand } from './commands/wait'
import type { Bind, Ctx } from './context'
import { CliExit, EXIT, exitCodeFor } from './exit-codes'
import { createOut, type Out } from './output'
import { openSession, type Session } from './session'
import { version } from '../../package.json'

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok
  let out: Out = createOut(argv.includes('--json'))
  let session: Promise<Session> | null = null
  const closeSession = async (): Promise<void> => {
    const s = session
    session = null
    if (s) await (await s).close()
  }

  const bind: Bind = (command, run) =>
    command.action(async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command
      const opts = cmd.optsWithGlobals()
      out = createOut(opts.json === true)
      const dataDir =
        typeof opts.dataDir === 'string' ? opts.dataDir : (process.env.KEYDESK_DATA_DIR ?? defaultDataDir())
      const ctx: Ctx = {
        out,
        dataDir,
        session: () => (session ??= openSession(dataDir, (m) => out.note(m))),
        closeSession,
      }
      exitCode = (await run(ctx, cmd.args, opts)) ?? EXIT.ok
    })

  const program = new Command('keydesk')
    .description('KeyDesk on the command line: API keys of SpaceONE, CloudMC and Onqlave accounts')
    .version(version, '-V, --version')
    .option('--data-dir <dir>', "KeyDesk's data directory (default: the app's own, or $KEYDESK_DATA_DIR)")
    .option('--json', 'print results as JSON for scripts (README: "JSON output")')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(printable(s, true)) })
  program.addCommand(accountsCommand(bind))
  program.addCommand(keysCommand(bind))
  program.addCommand(execCommand(bind))
  program.addCommand(envCommand(bind))
  program.addCommand(waitCommand(bind))
  program.addCommand(propagationCommand(bind))
  program.addCommand(rotationCommand(bind))
  program.addCommand(auditCommand(bind))
  program.addCommand(completionCommand(bind, () => program))
  for (const c of allCommands(program)) c.exitOverride().showHelpAfterError('(add --help for usage)')

  try {
    await program.parseAsync(argv, { from: 'user' })
  } catch (err) {
    exitCode = failure(err, out)
  } finally {
    await closeSession().catch(() => undefined)
  }
  return exitCode
}

function allCommands(c: Command): Command[] {
  return [c, ...c.commands.flatMap(allCommands)]
}

/** Words on stderr always; with --json, the same error as JSON on stdout. Returns the documented exit code. */
function failure(err: unknown, out: Out): number {
  if (err instanceof CommanderError) {
    // --help and --version end here too, successfully; commander already printed them.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
      return EXIT.ok
    if (out.json) out.result({ error: { code: 'USAGE', message: err.message, exitCode: EXIT.usage } }, () => '')
    return EXIT.usage
  }
  const { code, message, exit } =
    err instanceof CliExit
      ? { code: err.code, message: err.message, exit: err.exitCode }
      : err instanceof AppError
        ? { code: err.code, message: err.message, exit: exitCodeFor(err.code) }
        : { code: 'INTERNAL', message: 'Something went wrong inside KeyDesk.', exit: EXIT.internal }
  process.stderr.write(`keydesk: ${printable(message, true)}\n`)
  if (out.json) out.result({ error: { code, message, exitCode: exit } }, () => '')
  return exit
}
