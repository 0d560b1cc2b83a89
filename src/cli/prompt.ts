// Questions on a terminal and the credential on standard input. Scripts never get asked: they pass --yes.
import { createInterface } from 'node:readline/promises'
import { CliExit, EXIT } from './exit-codes'

export function onTerminal(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return (await rl.question(question)).trim()
  } finally {
    rl.close()
  }
}

/**
 * Asks before a change on a terminal; a script must say --yes. `typed` (Onqlave delete): the user types the key id,
 * or a script passes it a second time.
 */
export async function confirm(
  what: string,
  opts: { readonly yes: boolean; readonly typed?: string; readonly typedGiven?: string },
): Promise<void> {
  if (opts.yes) return
  if (opts.typed !== undefined && opts.typedGiven !== undefined) {
    if (opts.typedGiven === opts.typed) return
    throw new CliExit(
      EXIT.usage,
      `The confirmation "${opts.typedGiven}" is not the key id ${opts.typed}: nothing changed.`,
    )
  }
  if (!onTerminal()) {
    const how = opts.typed !== undefined ? `pass the key id a second time or add --yes` : 'add --yes'
    throw new CliExit(EXIT.usage, `${what}: this needs a confirmation; in a script, ${how}. Nothing changed.`)
  }
  if (opts.typed !== undefined) {
    const answer = await ask(`${what}? Type the key id (${opts.typed}) to confirm: `)
    if (answer !== opts.typed) throw new CliExit(EXIT.declined, 'That was not the key id: nothing changed.', 'DECLINED')
    return
  }
  const answer = await ask(`${what}? [y/N] `)
  if (!/^y(es)?$/i.test(answer)) throw new CliExit(EXIT.declined, 'Not confirmed: nothing changed.', 'DECLINED')
}

/** Reads all of standard input; refuses a terminal, since a credential typed there would echo on screen. */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CliExit(
      EXIT.usage,
      `Pipe ${what} on standard input, e.g. from a password manager: it is never an argument.`,
    )
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > 1_000_000) throw new CliExit(EXIT.usage, `${what} is larger than 1 MB: that is not a credential.`)
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (!text) throw new CliExit(EXIT.usage, `Standard input was empty: pipe ${what}.`)
  return text
}
