// One core per data directory. Whoever runs a core (the app, or a `keydesk` command while no app runs) first claims
// the directory with an exclusive lock file; while the app holds it, commands talk to the app's core over a local
// socket, authenticated by a token only the user can read. So two cores never write the same settings at once, and a
// change made on the command line is a change the open window hears about at once.
import { randomBytes } from 'node:crypto'
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'

export const OWNER_FILE = 'keydesk.lock'
/** A command that has held the directory this long without finishing is taken for a crashed one. */
const COMMAND_STALE_MS = 10 * 60_000

export interface Owner {
  readonly pid: number
  readonly kind: 'app' | 'cli'
  readonly startedAt: string
  /** Set by the app once its core listens for commands. */
  readonly socket?: string
  readonly token?: string
}

export interface Claim {
  readonly dataDir: string
  /** The app: tells commands where to reach its core. */
  publish(socket: string, token: string): void
  release(): void
}

export function ownerPath(dataDir: string): string {
  return join(dataDir, OWNER_FILE)
}

export function readOwner(dataDir: string): Owner | null {
  try {
    const value = JSON.parse(readFileSync(ownerPath(dataDir), 'utf8')) as Partial<Owner>
    if (typeof value.pid !== 'number' || (value.kind !== 'app' && value.kind !== 'cli')) return null
    return value as Owner
  } catch {
    return null
  }
}

export function isAlive(owner: Owner, now = Date.now()): boolean {
  if (owner.kind === 'cli' && now - Date.parse(owner.startedAt) > COMMAND_STALE_MS) return false
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Claims the directory if nobody holds it; null when someone does. A dead holder's claim is cleared first. */
export function tryClaim(dataDir: string, kind: Owner['kind']): Claim | null {
  const path = ownerPath(dataDir)
  const current = readOwner(dataDir)
  if (current && isAlive(current)) return null
  if (current) clearStale(dataDir, current)
  const owner: Owner = { pid: process.pid, kind, startedAt: new Date().toISOString() }
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null
    throw err
  }
  try {
    writeSync(fd, JSON.stringify(owner))
  } finally {
    closeSync(fd)
  }
  let released = false
  return {
    dataDir,
    publish(socket, token) {
      const tmp = `${path}.${process.pid}.tmp`
      writeFileSync(tmp, JSON.stringify({ ...owner, socket, token }), { mode: 0o600 })
      renameSync(tmp, path)
    },
    release() {
      if (released) return
      released = true
      // Only our own claim is removed: a claim that was taken for stale and replaced belongs to someone else now.
      if (readOwner(dataDir)?.pid === process.pid) rmSync(path, { force: true })
    },
  }
}

/** The app's claim: waits for a running command to finish; refuses when another app holds the directory. */
export async function claimForApp(dataDir: string, waitMs = 30_000): Promise<Claim> {
  const until = Date.now() + waitMs
  for (;;) {
    const claim = tryClaim(dataDir, 'app')
    if (claim) return claim
    const owner = readOwner(dataDir)
    if (owner?.kind === 'app' && isAlive(owner)) {
      throw new AppError(
        'CONFLICT',
        `KeyDesk is already running with ${dataDir} (process ${owner.pid}). Use that window, or quit it first.`,
      )
    }
    if (Date.now() > until) {
      throw new AppError(
        'CONFLICT',
        `A keydesk command (process ${owner?.pid ?? '?'}) has held ${dataDir} for ${waitMs / 1000} s. ` +
          `Let it finish or stop it, then start KeyDesk again.`,
      )
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Moves a dead holder's claim aside; if a live one took its place meanwhile, it is put back. */
function clearStale(dataDir: string, stale: Owner): void {
  const path = ownerPath(dataDir)
  const aside = `${path}.stale-${process.pid}-${randomBytes(3).toString('hex')}`
  try {
    renameSync(path, aside)
  } catch {
    return
  }
  let moved: Owner | null = null
  try {
    moved = JSON.parse(readFileSync(aside, 'utf8')) as Owner
  } catch {
    moved = null
  }
  if (moved && (moved.pid !== stale.pid || moved.startedAt !== stale.startedAt)) {
    try {
      // link, not rename: it fails instead of replacing a claim someone made in between.
      linkSync(aside, path)
    } catch {
      // Someone claimed in between: theirs stands.
    }
  }
  rmSync(aside, { force: true })
}
