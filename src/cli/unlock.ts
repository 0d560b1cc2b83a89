// The app lock on the command line, as a password manager's CLI does it: a command that hands out a kept secret while
// KeyDesk is locked asks for the passphrase on the terminal (never echoed, never an argument or a variable), unlocks
// and goes on. A script has no terminal to ask on: it is refused with what to do, and nothing is handed out.
import type { Channel } from '../shared/api'
import { AppError } from '../shared/errors'
import { printable } from '../shared/printable'
import { CliExit, EXIT } from './exit-codes'
import { onTerminal } from './prompt'

type Invoke = (channel: Channel, input: unknown) => Promise<unknown>

const TRIES = 3

export const LOCKED_IN_SCRIPT =
  'KeyDesk is locked: an app passphrase is set, and this command hands out a kept secret. Run it on a terminal to ' +
  'enter the passphrase (it is never read from an argument or the environment), or unlock the running KeyDesk app ' +
  'first. Nothing was handed out.'

/** Wraps a session's transport: a LOCKED refusal asks for the passphrase on the terminal and sends the request again. */
export function unlocking(invoke: Invoke, ask: (question: string) => Promise<string> = askHidden): Invoke {
  return async (channel, input) => {
    try {
      return await invoke(channel, input)
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'LOCKED' || channel.startsWith('lock.')) throw err
      if (!onTerminal()) throw new AppError('LOCKED', LOCKED_IN_SCRIPT)
      await unlock(invoke, ask)
      return invoke(channel, input)
    }
  }
}

async function unlock(invoke: Invoke, ask: (question: string) => Promise<string>): Promise<void> {
  for (let n = 1; n <= TRIES; n += 1) {
    const passphrase = await ask('KeyDesk is locked. Passphrase: ')
    try {
      await invoke('lock.unlock', { passphrase })
      return
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED') throw err
      process.stderr.write(`keydesk: ${printable(err.message, true)}\n`)
    }
  }
  throw new CliExit(
    EXIT.keychain,
    `${TRIES} wrong passphrases: KeyDesk stays locked and nothing was handed out.`,
    'LOCKED',
  )
}

/** Reads a line from the terminal without echoing it. Ctrl-C or Ctrl-D gives up. */
function askHidden(question: string): Promise<string> {
  const input = process.stdin
  // Echo goes off before the question shows, so nothing typed after it can appear on screen.
  input.setRawMode(true)
  input.setEncoding('utf8')
  input.resume()
  process.stderr.write(question)
  return new Promise((resolve, reject) => {
    let text = ''
    const finish = (settle: () => void): void => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      settle()
    }
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(text))
        if (ch === '\u0003' || ch === '\u0004') {
          return finish(() => reject(new CliExit(EXIT.declined, 'Not unlocked: nothing was handed out.', 'DECLINED')))
        }
        text = ch === '\u007f' || ch === '\b' ? text.slice(0, -1) : text + ch
      }
    }
    input.on('data', onData)
  })
}
