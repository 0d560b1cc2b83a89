// The keychain helper process: the only place keytar is loaded. A crash (keytar's findCredentials segfaults on a
// locked gnome-keyring) or a hang here costs this process, never the app; the client restarts it on demand.
// Every call first asks whether the keyring is locked and touches nothing while it is.
import type { VaultStatus } from '../../shared/model'
import { KeyringLockReader, LOCK_WAIT_MS } from './keyring-lock'
import { platformFix } from './vault-words'
import {
  INDEX_NAME,
  STATUS_PROBE,
  type HelperStats,
  type LeaveRequest,
  type VaultReply,
  type VaultRequest,
} from './vault-protocol'

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

class Refused extends Error {
  constructor(readonly status: VaultStatus) {
    super(status.reason ?? status.state)
  }
}

/** The keyring daemon restarted since this helper's keytar calls began: libsecret here still asks the old one. */
class Restarted extends Error {}

let keytar: Keytar | null = null
const stats = { keytarCalls: 0, refusedWhileLocked: 0, mostAtOnce: 0 }
let running = 0
/** Calls made while its question is open share it (see keyring-lock.ts). */
const lockReader = new KeyringLockReader()
/** The keyring daemon (its D-Bus name) that answered the lock check before this helper's first keytar call. */
let keytarDaemon: string | null = null

/** Runs the functions given to it one after another, whatever each of them ends in. */
function oneAtATime(): <T>(fn: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve()
  return (fn) => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }
}

async function api(): Promise<Keytar> {
  if (!keytar) {
    const mod = (await import('keytar')) as unknown as { default?: Keytar } & Keytar
    keytar = mod.default ?? mod
  }
  return keytar
}

/**
 * One keytar call at a time: keytar runs each on its own thread, and gnome-keyring (Debian 12, and upstream up to 50)
 * aborts when Secret Service sessions are negotiated at once ("gkd_secret_service_get_pkcs11_session: assertion
 * 'client' failed"), taking every secret of the user's session with it until the keyring is unlocked again.
 */
const keytarTurn = oneAtATime()

async function call<T>(fn: (k: Keytar) => Promise<T>): Promise<T> {
  const k = await api()
  return keytarTurn(async () => {
    // libsecret here talks to the daemon of its first call for as long as this process lives.
    keytarDaemon ??= lockReader.owner
    stats.keytarCalls++
    stats.mostAtOnce = Math.max(stats.mostAtOnce, ++running)
    try {
      return await fn(k)
    } finally {
      running--
    }
  })
}

async function requireOpen(): Promise<void> {
  const state = await lockReader.read()
  // libsecret keeps asking a restarted daemon at its old name until the process ends: nothing is asked of it here.
  const daemon = lockReader.owner
  if ((state === 'unlocked' || state === 'locked') && keytarDaemon && daemon && daemon !== keytarDaemon)
    throw new Restarted('the keyring daemon restarted')
  if (state === 'locked') {
    stats.refusedWhileLocked++
    throw new Refused({
      state: 'locked',
      reason: 'The keychain is locked.',
      fix: 'Unlock your "login" keyring (unlock the screen or open Passwords and Keys), then retry.',
    })
  }
  if (state === 'slow') {
    throw new Refused({
      state: 'unavailable',
      reason: `The keychain did not answer within ${LOCK_WAIT_MS / 1000} s: it may be busy, or waiting for you to answer a prompt.`,
      fix: 'Answer any keyring prompt on your screen; KeyDesk will try again by itself.',
    })
  }
  if (state === 'no-keyring' || state === 'no-service') {
    throw new Refused({
      state: 'unavailable',
      reason:
        state === 'no-keyring'
          ? 'The Secret Service has no default keyring.'
          : 'No Secret Service answers on the D-Bus session bus.',
      fix: platformFix(),
    })
  }
}

/** Index changes run one at a time, so two writes in this process never drop each other's name. */
const serial = oneAtATime()

async function readIndex(service: string): Promise<string[] | null> {
  const raw = await call((k) => k.getPassword(service, INDEX_NAME))
  if (raw === null) return null
  try {
    const names = JSON.parse(raw) as unknown
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []
  } catch {
    return []
  }
}

async function names(service: string): Promise<string[]> {
  const index = await readIndex(service)
  if (index !== null) return index
  // Once, for entries kept before the index existed; only reached with the keyring unlocked.
  const found = (await call((k) => k.findCredentials(service)))
    .map((c) => c.account)
    .filter((n) => n !== INDEX_NAME && n !== STATUS_PROBE)
  await call((k) => k.setPassword(service, INDEX_NAME, JSON.stringify(found)))
  return found
}

async function run(req: VaultRequest): Promise<unknown> {
  if (req.op === 'stats')
    return { pid: process.pid, ...stats, lockUnanswered: lockReader.unanswered } satisfies HelperStats
  await requireOpen()
  switch (req.op) {
    case 'status':
      await call((k) => k.getPassword(req.service, STATUS_PROBE))
      return { state: 'available' } satisfies VaultStatus
    case 'get':
      return call((k) => k.getPassword(req.service, req.name))
    case 'set':
      // The name is indexed before the secret is written, so the index never misses a secret that exists.
      return serial(async () => {
        const index = await names(req.service)
        if (!index.includes(req.name))
          await call((k) => k.setPassword(req.service, INDEX_NAME, JSON.stringify([...index, req.name])))
        await call((k) => k.setPassword(req.service, req.name, req.secret))
      })
    case 'delete':
      return serial(async () => {
        const removed = await call((k) => k.deletePassword(req.service, req.name))
        const index = await names(req.service)
        if (index.includes(req.name)) {
          const rest = index.filter((n) => n !== req.name)
          await call((k) => k.setPassword(req.service, INDEX_NAME, JSON.stringify(rest)))
        }
        return removed
      })
    case 'names':
      return serial(() => names(req.service))
  }
}

function classify(err: unknown): VaultStatus {
  if (err instanceof Refused) return err.status
  const message = err instanceof Error ? err.message : String(err)
  const locked = /locked|prompt|dismissed|cancel/i.test(message)
  return locked
    ? { state: 'locked', reason: 'The keychain is locked.', fix: 'Unlock your keychain, then retry.' }
    : {
        state: 'unavailable',
        reason: `The OS keychain cannot be reached (${message.slice(0, 160)}).`,
        fix: platformFix(),
      }
}

interface Port {
  on(event: 'message', listener: (message: unknown) => void): void
  postMessage(message: VaultReply): void
}

function parentPort(): Port | null {
  // Electron's utilityProcess hands messages in a MessageEvent-like wrapper; a Node child gets them directly.
  const electronPort = (process as unknown as { parentPort?: { on: Port['on']; postMessage: Port['postMessage'] } })
    .parentPort
  if (electronPort) {
    return {
      on: (event, listener) => electronPort.on(event, (e) => listener((e as { data: unknown }).data)),
      postMessage: (m) => electronPort.postMessage(m),
    }
  }
  if (!process.send) return null
  return {
    on: (event, listener) => process.on(event, listener),
    // An answer after the app let go has nowhere to go; sending it would throw and end the helper mid-call.
    postMessage: (m) => {
      if (process.connected) process.send?.(m)
    },
  }
}

/** After the app lets go, a call that never ends still ends the helper after this long. */
const LEAVE_LIMIT_MS = 30_000
let inFlight = 0
let leaving = false

function exitWhenIdle(): void {
  if (!leaving || inFlight > 0) return
  // A lock question KeyDesk stopped waiting for (a slow keyring) is still answered before the connection goes.
  void lockReader.idle().then(() => {
    lockReader.close()
    process.exit(0)
  })
}

// Leaving finishes the calls already started: gnome-keyring (Debian 12) aborts when a client that asked it something
// is gone before the answer, so a helper never exits mid-call, whether the app quits, crashes or gives up on it.
function leave(): void {
  if (leaving) return
  leaving = true
  setTimeout(() => process.exit(0), LEAVE_LIMIT_MS).unref()
  exitWhenIdle()
}

const port = parentPort()
if (port) {
  port.on('message', (message) => {
    const req = message as VaultRequest | LeaveRequest
    if (req.op === 'leave') return leave()
    if (leaving) return
    inFlight++
    run(req)
      .then(
        (value) => port.postMessage({ id: req.id, ok: true, value: value ?? null }),
        (err: unknown) =>
          port.postMessage({
            id: req.id,
            ok: false,
            status: classify(err),
            ...(err instanceof Refused ? {} : { retire: true as const }),
            ...(err instanceof Restarted ? { again: true as const } : {}),
          }),
      )
      .finally(() => {
        inFlight--
        exitWhenIdle()
      })
  })
  // The app went away (quit, crash or kill): the helper finishes what it started, then goes too.
  process.on('disconnect', leave)
}
