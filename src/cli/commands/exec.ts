// keydesk exec / keydesk env: a kept secret handed to a program the way its service's tools read it, never on a
// command line. exec's files live in a private temporary folder that is removed when the program ends.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { Command, Option } from 'commander'
import { constants } from 'node:os'
import type { ProgramSecret } from '../../shared/api'
import { findAccount, str, type Bind, type Ctx } from '../context'
import { CliExit, EXIT } from '../exit-codes'

export function execCommand(bind: Bind): Command {
  const exec = new Command('exec')
    .description("run a program with a kept key's secret in its environment (and files its tools read)")
    .requiredOption('--account <id>', 'account id or label')
    .requiredOption('--key <id>', 'a key whose secret KeyDesk keeps (keys create --keep)')
    .option(
      '--home',
      "also give the program a temporary HOME holding the tool's config (spacectl reads only ~/.spaceone)",
    )
    .argument('<command...>', 'the program and its arguments, after --')
    .addHelpText('after', '\nExample:  keydesk exec --account CI --key 5e85… -- terraform plan')
  return bind(exec, async (ctx, args, opts) => runProgram(ctx, args, opts))
}

export function envCommand(bind: Bind): Command {
  const env = new Command('env')
    .description(
      "print export lines for a kept key's secret, for eval in a shell (refused on a terminal without --force)",
    )
    .requiredOption('--account <id>', 'account id or label')
    .requiredOption('--key <id>', 'a key whose secret KeyDesk keeps')
    .addOption(new Option('--shell <shell>', 'the syntax to print').choices(['sh', 'fish', 'powershell']).default('sh'))
    .option('--force', 'print even when standard output is a terminal')
    .addHelpText('after', '\nExample:  eval "$(keydesk env --account CI --key 5e85…)"')
  return bind(env, async (ctx, _args, opts) => {
    if (process.stdout.isTTY && opts.force !== true) {
      throw new CliExit(EXIT.usage, 'This would print a secret on your screen: use it in eval "$(…)", or add --force.')
    }
    const secret = await fetchSecret(ctx, opts, 'env', undefined)
    if (secret.files.length) ctx.out.note('Files such as credentials.json are given only by `keydesk exec`.')
    const shell = str(opts.shell) ?? 'sh'
    ctx.out.result(
      { env: secret.env },
      () =>
        Object.entries(secret.env)
          .map(([k, v]) => exportLine(shell, k, v))
          .join('\n'),
      true,
    )
  })
}

async function fetchSecret(
  ctx: Ctx,
  opts: Readonly<Record<string, unknown>>,
  purpose: 'exec' | 'env',
  program: string | undefined,
): Promise<ProgramSecret> {
  const account = await findAccount(ctx, opts.account)
  const api = (await ctx.session()).api
  return api.keys.secretForProgram({
    accountId: account.id,
    keyId: str(opts.key) ?? '',
    purpose,
    ...(program ? { program } : {}),
    ...(opts.home === true ? { home: true } : {}),
  })
}

async function runProgram(ctx: Ctx, args: readonly string[], opts: Readonly<Record<string, unknown>>): Promise<number> {
  const [command, ...rest] = args
  if (!command) throw new CliExit(EXIT.usage, 'Name the program to run after --, e.g. `-- terraform plan`.')
  const secret = await fetchSecret(ctx, opts, 'exec', basename(command))
  // The data directory is free again while the program runs: the app or other commands may start meanwhile.
  await ctx.closeSession()
  const folder = mkdtempSync(join(tmpdir(), 'keydesk-exec-'))
  const cleanup = (): void => rmSync(folder, { recursive: true, force: true })
  process.on('exit', cleanup)
  try {
    const env: Record<string, string | undefined> = { ...process.env, ...secret.env }
    for (const file of secret.files) {
      const path = join(folder, file.path)
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
      writeFileSync(path, file.content, { mode: 0o600, flag: 'wx' })
      if (file.variable) env[file.variable] = path
    }
    for (const name of secret.folderVariables) env[name] = folder
    return await new Promise<number>((resolve) => {
      const child = spawn(command, rest, { stdio: 'inherit', env })
      const forward = (signal: NodeJS.Signals): void => {
        child.kill(signal)
      }
      const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
      for (const s of signals) process.on(s, forward)
      child.once('error', (err: NodeJS.ErrnoException) => {
        ctx.out.note(
          err.code === 'ENOENT'
            ? `keydesk: ${command}: command not found`
            : `keydesk: cannot run ${command} (${err.code ?? 'error'})`,
        )
        resolve(err.code === 'ENOENT' ? 127 : 126)
      })
      child.once('exit', (code, signal) => {
        for (const s of signals) process.off(s, forward)
        resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0))
      })
    })
  } finally {
    cleanup()
    process.off('exit', cleanup)
  }
}

function exportLine(shell: string, name: string, value: string): string {
  if (shell === 'fish') return `set -gx ${name} '${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (shell === 'powershell') return `$env:${name} = '${value.replace(/'/g, "''")}'`
  return `export ${name}='${value.replace(/'/g, "'\\''")}'`
}
