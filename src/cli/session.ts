// A command's way into the core: the running app's core over its local socket, or, while no app runs, a core of its
// own in this process under the data directory's claim. Either way the CLI speaks only the channel map's typed client.
import { mkdirSync } from 'node:fs'
import { connect } from 'node:net'
import type { AppApi, Reply } from '../shared/api'
import { AppError, fromErrorData } from '../shared/errors'
import { partSplitter } from '../shared/stream-parts'
import { createClient, unwrapReply } from '../preload/client'
import type { CommandAnswer } from '../main/core/command-channel'
import { isAlive, readOwner, tryClaim, type Owner } from '../main/core/data-dir-owner'
import { unlocking } from './unlock'

export interface Session {
  readonly api: AppApi
  /** True when the running app's core answers; false when this process runs its own. */
  readonly viaApp: boolean
  close(): Promise<void>
}

const OPEN_LIMIT_MS = 30_000

export async function openSession(dataDir: string, onWait: (message: string) => void): Promise<Session> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const until = Date.now() + OPEN_LIMIT_MS
  for (let attempt = 0; ; attempt += 1) {
    const owner = readOwner(dataDir)
    if (owner && isAlive(owner)) {
      if (owner.kind === 'app' && owner.socket && owner.token) {
        const remote = await connectToApp(owner).catch(() => null)
        if (remote) return remote
      } else if (attempt === 10) {
        onWait(`Waiting for another keydesk command (process ${owner.pid}) to finish…`)
      }
    } else {
      const claim = tryClaim(dataDir, 'cli')
      // Loaded only when needed: a command that reaches the app's core starts without the core's code.
      if (claim) return (await import('./own-core')).ownCore(claim)
    }
    if (Date.now() > until) {
      throw new AppError(
        'TIMEOUT',
        `KeyDesk's data directory ${dataDir} stayed busy for ${OPEN_LIMIT_MS / 1000} s` +
          (owner ? ` (process ${owner.pid})` : '') +
          '. Try again when the other command has finished.',
      )
    }
    await new Promise((r) => setTimeout(r, Math.min(25 * 2 ** Math.min(attempt, 3), 200)))
  }
}

function connectToApp(owner: Owner): Promise<Session> {
  return new Promise((resolve, reject) => {
    const socket = connect(owner.socket ?? '')
    const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>()
    let nextId = 1
    const lines = partSplitter('\n')
    socket.setEncoding('utf8')
    socket.once('error', reject)
    socket.on('data', (chunk: string) => {
      for (const line of lines(chunk)) {
        const answer = JSON.parse(line) as CommandAnswer
        pending.get(answer.id)?.resolve(answer.reply)
        pending.delete(answer.id)
      }
    })
    socket.on('close', () => {
      const lost = fromErrorData({
        code: 'NETWORK',
        message: 'KeyDesk closed the connection before answering (did the app quit?). Run the command again.',
        retryable: true,
      })
      for (const p of pending.values()) p.reject(lost)
      pending.clear()
    })
    socket.once('connect', () => {
      socket.off('error', reject)
      socket.on('error', () => undefined)
      const api = createClient({
        invoke: unlocking((channel, input) =>
          new Promise<Reply>((res, rej) => {
            const id = nextId++
            pending.set(id, { resolve: res, reject: rej })
            socket.write(`${JSON.stringify({ id, token: owner.token, channel, input })}\n`)
          }).then(unwrapReply),
        ),
        subscribe: () => () => undefined,
      })
      resolve({
        api,
        viaApp: true,
        close: async () => {
          socket.end()
        },
      })
    })
  })
}
