// The app's core, offered to `keydesk` commands over a local socket (a named pipe on Windows): one JSON request per
// line, each carrying the token from the 0600 owner file, so only the user who can read the data directory gets in.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, rmSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Reply } from '../../shared/api'
import type { AuditOrigin } from '../../shared/audit'
import { AppError } from '../../shared/errors'
import type { Claim } from './data-dir-owner'

const MAX_LINE = 4 * 1024 * 1024
// Unix socket paths are limited to about 104 bytes; a deep data directory falls back to the temp folder.
const MAX_SOCKET_PATH = 100

export interface CommandRequest {
  readonly id: number
  readonly token: string
  readonly channel: string
  readonly input: unknown
}

export interface CommandAnswer {
  readonly id: number
  readonly reply: Reply
}

interface Invoker {
  invoke(channel: string, raw: unknown, from: AuditOrigin): Promise<Reply>
}

export function socketPathFor(dataDir: string, platform = process.platform): string {
  const tag = createHash('sha256').update(dataDir).digest('hex').slice(0, 16)
  if (platform === 'win32') return `\\\\.\\pipe\\keydesk-${tag}`
  const inDir = join(dataDir, 'keydesk.sock')
  return Buffer.byteLength(inDir) <= MAX_SOCKET_PATH ? inDir : join(tmpdir(), `keydesk-${tag}.sock`)
}

/** Starts answering commands and publishes where; returns the function that stops it. */
export async function serveCommands(core: Invoker, claim: Claim): Promise<() => Promise<void>> {
  const token = randomBytes(32).toString('base64url')
  const path = socketPathFor(claim.dataDir)
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveSocket(socket, core, token)
  })
  // We hold the claim, so a socket file left here is a crashed app's.
  if (process.platform !== 'win32') rmSync(path, { force: true })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve())
  })
  if (process.platform !== 'win32') chmodSync(path, 0o600)
  claim.publish(path, token)
  return async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    if (process.platform !== 'win32') rmSync(path, { force: true })
  }
}

function serveSocket(socket: Socket, core: Invoker, token: string): void {
  let buffer = ''
  socket.setEncoding('utf8')
  socket.on('error', () => socket.destroy())
  socket.on('data', (chunk: string) => {
    buffer += chunk
    if (buffer.length > MAX_LINE) return socket.destroy()
    let cut: number
    while ((cut = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, cut)
      buffer = buffer.slice(cut + 1)
      const request = parseRequest(line)
      if (!request || !sameToken(request.token, token)) {
        const error = new AppError('UNTRUSTED_SENDER', 'KeyDesk refused a command without its token.').toData()
        socket.end(`${JSON.stringify({ id: request?.id ?? 0, reply: { ok: false, error } })}\n`)
        return
      }
      void core.invoke(request.channel, request.input, 'cli').then((reply) => {
        if (!socket.destroyed) socket.write(`${JSON.stringify({ id: request.id, reply } satisfies CommandAnswer)}\n`)
      })
    }
  })
}

function parseRequest(line: string): CommandRequest | null {
  try {
    const value = JSON.parse(line) as Partial<CommandRequest>
    if (typeof value.id !== 'number' || typeof value.token !== 'string' || typeof value.channel !== 'string')
      return null
    return value as CommandRequest
  } catch {
    return null
  }
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
