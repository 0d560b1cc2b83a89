// Whether the Secret Service's default collection is locked, asked over D-Bus without touching any secret.
// A locked gnome-keyring answers keytar's lookups with "not found" (and findCredentials crashes), so KeyDesk asks first.
//
// gnome-keyring (Debian 12, and upstream up to 50) admits a new D-Bus client in an idle callback that the client's first
// call can beat, and rewrites "aliases/default" on a thread that races the admission of others: either way it may
// answer nonsense or abort ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed", then "Bail out!"),
// taking every secret of the session with it. A dbus-send per question made a new client each time, and two at once
// were enough to bring it down. So KeyDesk keeps one connection, opens each question with a Ping (answered by D-Bus
// itself, it only gets the client admitted, also by a daemon that restarted), then asks by the collection's own path.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import dbus from '@particle/dbus-next'

/** `slow`: a Secret Service is there but did not answer in time (busy, or waiting on a prompt): not the same as none. */
export type KeyringLock = 'unlocked' | 'locked' | 'no-keyring' | 'no-service' | 'slow' | 'unknown'

/**
 * How long KeyDesk waits for the answer; the question itself is never cut short (gnome-keyring aborts when a client
 * is gone before its answer). Under the keychain client's 8 s per call, and long enough for a daemon that is only busy.
 */
export const LOCK_WAIT_MS = 6000

const SERVICE = 'org.freedesktop.secrets'
const ROOT = '/org/freedesktop/secrets'

/** A connection and the calls waiting on it, each ended with an error if the connection goes. */
interface Connection {
  readonly bus: dbus.MessageBus
  readonly waiting: Set<(err: Error) => void>
}

/** One D-Bus connection, kept for as long as the process asks; `idle()` tells when no question is left unanswered. */
export class KeyringLockReader {
  private conn: Connection | null = null
  /**
   * The question not answered yet: reads while it is young share it, so a hung daemon gets one question per
   * `renewAfterMs`, not one a call. Past that a new one is asked beside it: one late or lost answer must not keep
   * every later check "slow".
   */
  private open: { readonly answer: Promise<KeyringLock>; readonly at: number } | null = null
  private asking = 0
  private readonly waiters = new Set<() => void>()
  private answeredBy: string | null = null

  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly renewAfterMs = LOCK_WAIT_MS,
  ) {}

  read(): Promise<KeyringLock> {
    if (this.platform !== 'linux') return Promise.resolve('unknown')
    if (!this.open || Date.now() - this.open.at > this.renewAfterMs) {
      const open = {
        answer: this.ask().finally(() => {
          if (this.open === open) this.open = null
        }),
        at: Date.now(),
      }
      this.open = open
    }
    const answer = this.open.answer
    return new Promise((resolve) => {
      const late = setTimeout(() => resolve('slow'), LOCK_WAIT_MS)
      late.unref()
      void answer.then((state) => {
        clearTimeout(late)
        resolve(state)
      })
    })
  }

  /** The D-Bus name of the daemon that gave the last answer: a new one means the keyring daemon restarted. */
  get owner(): string | null {
    return this.answeredBy
  }

  /** Questions asked and not answered yet, including those KeyDesk stopped waiting for. */
  get unanswered(): number {
    return this.asking
  }

  /** Resolves once every question asked has its answer (or its connection failed). */
  idle(): Promise<void> {
    if (this.asking === 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.add(resolve))
  }

  /** Ends the connection; call only once `idle()` resolved. */
  close(): void {
    this.conn?.bus.disconnect()
    this.conn = null
  }

  private async ask(): Promise<KeyringLock> {
    this.asking++
    try {
      // gnome-keyring may still answer "no such collection" to a client it has not admitted yet (2 of 16,000 new
      // connections in bursts of 40, Ping or not): a second question, after its round trips, gets the true answer.
      const first = await this.settled()
      return first === 'no-keyring' ? await this.settled() : first
    } finally {
      if (--this.asking === 0) {
        for (const done of this.waiters) done()
        this.waiters.clear()
      }
    }
  }

  private async settled(): Promise<KeyringLock> {
    try {
      return await this.question().catch((err: unknown) => {
        // The daemon went away mid-question (it aborted, or its session restarts it): the next Ping starts or finds
        // the new one, so asking once more gives the true state instead of "no service".
        if (typeOf(err) === 'org.freedesktop.DBus.Error.NoReply') return this.question()
        throw err
      })
    } catch (err) {
      // No default collection answers; anything else (no bus, no owner of the name) is no service.
      return /UnknownObject|UnknownMethod|NoSuchObject/.test(typeOf(err)) ? 'no-keyring' : 'no-service'
    }
  }

  private async question(): Promise<KeyringLock> {
    const conn = this.connect()
    await this.call(conn, ROOT, 'org.freedesktop.DBus.Peer', 'Ping')
    const path = await this.defaultCollection(conn)
    if (!path || path === '/') return 'no-keyring'
    const reply = await this.call(conn, path, 'org.freedesktop.DBus.Properties', 'Get', 'ss', [
      'org.freedesktop.Secret.Collection',
      'Locked',
    ])
    this.answeredBy = reply.sender
    return (reply.body[0] as dbus.Variant<boolean>).value ? 'locked' : 'unlocked'
  }

  /** The default collection's own path; a Secret Service without ReadAlias is asked by the alias path instead. */
  private async defaultCollection(conn: Connection): Promise<string> {
    try {
      const alias = await this.call(conn, ROOT, 'org.freedesktop.Secret.Service', 'ReadAlias', 's', ['default'])
      return alias.body[0] as string
    } catch (err) {
      if (!/UnknownMethod|NotSupported/.test(typeOf(err))) throw err
      return `${ROOT}/aliases/default`
    }
  }

  private connect(): Connection {
    if (this.conn) return this.conn
    // Throws at once when there is no session bus address to connect to.
    const conn: Connection = { bus: dbus.sessionBus({ busAddress: sessionBusAddress() }), waiting: new Set() }
    // dbus-next leaves the calls of a lost connection unanswered, whether it failed or closed: end them here, and
    // connect again next time.
    const lost = (err: Error): void => {
      if (this.conn === conn) this.conn = null
      for (const fail of conn.waiting) fail(err)
      conn.waiting.clear()
    }
    conn.bus.on('error', lost)
    const stream = (conn.bus as unknown as { _connection?: { stream?: NodeJS.EventEmitter } })._connection?.stream
    stream?.once('close', () => lost(new Error('the D-Bus connection closed')))
    this.conn = conn
    return conn
  }

  private async call(
    conn: Connection,
    path: string,
    iface: string,
    member: string,
    signature?: string,
    body?: unknown[],
  ): Promise<{ body: unknown[]; sender: string | null }> {
    let fail: (err: Error) => void = () => undefined
    const lost = new Promise<never>((_, reject) => {
      fail = reject
      conn.waiting.add(reject)
    })
    try {
      const message = new dbus.Message({ destination: SERVICE, path, interface: iface, member, signature, body })
      const reply = await Promise.race([conn.bus.call(message), lost])
      return { body: (reply?.body ?? []) as unknown[], sender: reply?.sender ?? null }
    } finally {
      conn.waiting.delete(fail)
    }
  }
}

/**
 * The session bus: DBUS_SESSION_BUS_ADDRESS, else the user bus systemd keeps at $XDG_RUNTIME_DIR/bus (where libsecret
 * finds it too, e.g. over ssh); dbus-next alone would look only for an X11 session's address file.
 */
function sessionBusAddress(): string | undefined {
  const set = process.env.DBUS_SESSION_BUS_ADDRESS
  if (set) return set
  const runtime = process.env.XDG_RUNTIME_DIR
  const userBus = runtime ? join(runtime, 'bus') : ''
  return userBus && existsSync(userBus) ? `unix:path=${userBus}` : undefined
}

const typeOf = (err: unknown): string => (err as { type?: string }).type ?? ''
