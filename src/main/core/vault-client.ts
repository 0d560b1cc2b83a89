// KeytarVault: the app's side of the keychain helper process. Every call has a timeout; a helper that hangs is let
// go (it exits once its call ends), one that crashes is restarted on demand by a single probe; while it is down,
// calls fail at once with the last status instead of piling up behind it.
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { AppError } from '../../shared/errors'
import type { VaultStatus } from '../../shared/model'
import type { SecretVault } from './vault'
import { platformFix } from './vault-words'
import type {
  HelperStats,
  LeaveRequest,
  SpawnVaultHelper,
  VaultHelperProcess,
  VaultOp,
  VaultReply,
  VaultRequest,
} from './vault-protocol'

export interface KeytarVaultOptions {
  /** How the helper process starts: a Node child by default; the Electron shell passes a utilityProcess. */
  readonly spawn?: SpawnVaultHelper
  /** Per call; a helper that does not answer in time is let go and a new one serves the next call. */
  readonly timeoutMs?: number
  /** After the helper failed, calls fail at once for this long, then one probe restarts it (doubling to 30 s). */
  readonly retryAfterMs?: number
  readonly now?: () => number
}

interface Pending {
  readonly op: VaultOp
  /** Already sent again once, to a fresh helper. */
  readonly again: boolean
  readonly resolve: (value: unknown) => void
  readonly reject: (err: unknown) => void
  readonly timer: NodeJS.Timeout
  /** The call itself, settled by the above: what closing waits for. */
  readonly call: Promise<unknown>
}

/** A keychain refusal that carries the status the user is shown. */
export class VaultError extends AppError {
  constructor(readonly status: VaultStatus) {
    super('KEYCHAIN_UNAVAILABLE', `${status.reason ?? 'The keychain cannot be used.'} ${status.fix ?? ''}`.trim())
  }
}

const MAX_RETRY_MS = 30_000

export class KeytarVault implements SecretVault {
  private helper: VaultHelperProcess | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private failure: { status: VaultStatus; at: number; wait: number } | null = null
  private probing: Promise<void> | null = null
  private statusCall: Promise<VaultStatus> | null = null
  private namesCall: Promise<string[]> | null = null
  private readonly spawn: SpawnVaultHelper
  private readonly timeoutMs: number
  private readonly retryAfterMs: number
  private readonly now: () => number

  constructor(
    private readonly service: string,
    options: KeytarVaultOptions = {},
  ) {
    this.spawn = options.spawn ?? forkVaultHelper
    this.timeoutMs = options.timeoutMs ?? 8000
    this.retryAfterMs = options.retryAfterMs ?? 1000
    this.now = options.now ?? Date.now
  }

  get(name: string): Promise<string | null> {
    return this.request({ op: 'get', name }) as Promise<string | null>
  }
  async set(name: string, secret: string): Promise<void> {
    this.namesCall = null
    await this.request({ op: 'set', name, secret })
  }
  async delete(name: string): Promise<boolean> {
    this.namesCall = null
    return (await this.request({ op: 'delete', name })) === true
  }
  /**
   * The vault's index of names: one lookup, never a read of every secret. Calls made while one is on its way share
   * it (the window asks for each account's kept keys at once), unless a write was sent since: the helper answers in
   * the order it is asked, so a lookup sent after a write sees it.
   */
  names(): Promise<string[]> {
    if (this.namesCall) return this.namesCall
    const call: Promise<string[]> = (this.request({ op: 'names' }) as Promise<string[]>).finally(() => {
      if (this.namesCall === call) this.namesCall = null
    })
    this.namesCall = call
    return call
  }

  /** One status question at a time, however many ask. */
  status(): Promise<VaultStatus> {
    this.statusCall ??= this.request({ op: 'status' })
      .then(
        (s) => s as VaultStatus,
        (err: unknown) => statusOf(err),
      )
      .finally(() => {
        this.statusCall = null
      })
    return this.statusCall
  }

  /** What the helper has done; for the keychain tests. */
  async helperStats(): Promise<HelperStats> {
    return (await this.request({ op: 'stats' })) as HelperStats
  }

  /** Calls already sent are answered first (each within its timeout); then the helper is let go, never killed
   * mid-call. A later call starts a new helper. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.pending.values()].map((p) => p.call))
    this.helper?.release()
    this.helper = null
  }

  private async request(op: VaultOp): Promise<unknown> {
    await this.healthy()
    return this.send(op)
  }

  /** Fails fast while the helper is known to be down; after the wait, one probe (shared by all callers) restarts it. */
  private async healthy(): Promise<void> {
    const failure = this.failure
    if (!failure) return
    if (this.now() - failure.at < failure.wait) throw new VaultError(failure.status)
    this.probing ??= this.send({ op: 'status' })
      .then(
        () => {
          this.failure = null
        },
        (err: unknown) => {
          // A locked keyring answered: the helper works.
          if (err instanceof VaultError && err.status.state === 'locked') this.failure = null
        },
      )
      .finally(() => {
        this.probing = null
      })
    await this.probing
    if (this.failure) throw new VaultError(this.failure.status)
  }

  private send(op: VaultOp, again = false): Promise<unknown> {
    const helper = (this.helper ??= this.start())
    const id = this.nextId++
    let settle: Pick<Pending, 'resolve' | 'reject'> = { resolve: () => undefined, reject: () => undefined }
    const call = new Promise<unknown>((resolve, reject) => (settle = { resolve, reject }))
    const timer = setTimeout(
      () => this.fail(`the keychain did not answer within ${this.timeoutMs / 1000} s`),
      this.timeoutMs,
    )
    this.pending.set(id, { ...settle, op, again, timer, call })
    const message: VaultRequest = { ...op, id, service: this.service }
    try {
      helper.postMessage(message)
    } catch (err) {
      settle.reject(err)
    }
    return call
  }

  private start(): VaultHelperProcess {
    const helper = this.spawn()
    helper.onMessage((reply: VaultReply) => {
      const p = this.pending.get(reply.id)
      if (!p) return
      this.pending.delete(reply.id)
      clearTimeout(p.timer)
      // The next call goes to a fresh helper; this one still answers what it was sent, then exits.
      if (!reply.ok && reply.retire && this.helper === helper) {
        this.helper = null
        helper.release()
      }
      if (reply.ok) p.resolve(reply.value)
      // Nothing was asked of the keychain (its daemon restarted): a fresh helper asks the new one, once.
      else if (reply.again && !p.again) this.send(p.op, true).then(p.resolve, p.reject)
      else p.reject(new VaultError(reply.status))
    })
    helper.onExit((code, signal) => {
      if (this.helper !== helper) return
      this.helper = null
      if (this.pending.size > 0) this.fail(`the keychain helper stopped (${signal ?? `exit ${code}`})`)
    })
    return helper
  }

  /** The helper hung or crashed: it is let go, everything waiting on it fails, and later calls wait for one probe. */
  private fail(why: string): void {
    const wait = this.failure ? Math.min(this.failure.wait * 2, MAX_RETRY_MS) : this.retryAfterMs
    const status: VaultStatus = {
      state: 'unavailable',
      reason: `The OS keychain cannot be used: ${why}. KeyDesk will try again by itself.`,
      fix: `If this persists, restart your keyring or desktop session. ${platformFix()}`,
    }
    this.failure = { status, at: this.now(), wait }
    const helper = this.helper
    this.helper = null
    helper?.release()
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer)
      this.pending.delete(id)
      p.reject(new VaultError(status))
    }
  }
}

function statusOf(err: unknown): VaultStatus {
  if (err instanceof VaultError) return err.status
  return { state: 'unavailable', reason: 'The OS keychain cannot be reached.', fix: platformFix() }
}

/** The Node child process that runs src/main/core/vault-helper (through tsx when running from source). */
export const forkVaultHelper: SpawnVaultHelper = () => {
  const here = fileURLToPath(import.meta.url)
  const fromSource = here.endsWith('.ts')
  const entry = join(dirname(here), fromSource ? 'vault-helper.ts' : 'vault-helper.js')
  const execArgv = fromSource ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []
  const child = fork(entry, [], { execArgv, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'json' })
  // The helper never keeps the app alive; it exits when the app's end of the channel closes.
  child.unref()
  // A helper can die between the `connected` check and the write: its EPIPE must not be an unhandled 'error' that
  // crashes the app. The exit that follows fails the pending call; a helper still alive is let go, not killed.
  child.on('error', () => {
    if (child.connected) child.disconnect()
  })
  ;(child.channel as { unref?: () => void } | undefined)?.unref?.()
  return {
    postMessage: (message) => {
      if (child.connected) child.send(message)
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as VaultReply)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
    // Closing the channel is the helper's cue to finish its calls and exit.
    release: () => {
      if (child.connected) child.disconnect()
    },
  }
}

/** The shape of Electron's UtilityProcess this needs, so the shell can pass `utilityProcess.fork(...)` without the
 * core importing electron. */
export interface UtilityProcessLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
}

export function fromUtilityProcess(proc: UtilityProcessLike): VaultHelperProcess {
  return {
    postMessage: (message) => proc.postMessage(message),
    onMessage: (listener) => void proc.on('message', (m) => listener(m as VaultReply)),
    onExit: (listener) => void proc.on('exit', (code) => listener(code, null)),
    release: () => proc.postMessage({ op: 'leave' } satisfies LeaveRequest),
  }
}
