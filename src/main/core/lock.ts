// The app lock: with a passphrase set, KeyDesk locks after an idle time or on demand, and while locked it refuses
// to release or use kept secrets (copy, export, hand to a program, try). Lists stay visible. Only a scrypt hash is stored.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { z } from 'zod'
import type { Channel, Events, LockStatus, Requests } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Clock } from './ports'
import type { LockSettings, SettingsStore } from './settings'

/** Requests that hand out or use a kept secret (the kept form names accountId and keyId; a one-time reveal names a
 * handle). Trying a key sends its secret to the service, so it waits for the unlock too. */
const RELEASING: ReadonlySet<Channel> = new Set([
  'keys.try',
  'keys.copySecret',
  'keys.export',
  'keys.exportTo',
  'keys.secretForProgram',
])
/** Requests about the lock itself: asking for the status is not activity. */
const QUIET: ReadonlySet<Channel> = new Set(['lock.status', 'lock.lock', 'lock.unlock', 'lock.setPassphrase'])

const KEY_LENGTH = 32
const SALT_BYTES = 16
/** scrypt cost: N=2^15, r=8, p=1 (OWASP's minimum) needs 32 MiB, so maxmem is raised above it. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const
/** Free attempts before each further failure doubles the wait, up to the cap. */
const FREE_ATTEMPTS = 3
const MAX_WAIT_MS = 5 * 60_000
const MINUTE_MS = 60_000

export const LOCKED_MESSAGE = 'KeyDesk is locked: unlock it to use kept keys.'

export class AppLock {
  private locked: boolean
  private timer: unknown = null
  private failures = 0
  private retryAt = 0

  constructor(
    private readonly settings: SettingsStore,
    private readonly clock: Clock,
    private readonly emit: (event: 'lock.changed', payload: Events['lock.changed']) => void,
  ) {
    // With a passphrase set every core starts locked (the command line's own too), so a restart is no way round it.
    this.locked = settings.get('lock') !== null
    this.arm()
  }

  status(): LockStatus {
    const stored = this.settings.get('lock')
    return { enabled: stored !== null, locked: this.locked, idleMinutes: stored?.idleMinutes ?? 0 }
  }

  /** Called by the dispatch before every request: refuses a releasing one while locked, else counts as activity. */
  gate(channel: Channel, input: unknown): void {
    if (this.locked && RELEASING.has(channel) && namesKeptKey(input)) throw new AppError('LOCKED', LOCKED_MESSAGE)
    if (!QUIET.has(channel)) this.arm()
  }

  lock(): LockStatus {
    if (this.settings.get('lock') === null || this.locked) return this.status()
    this.locked = true
    this.disarm()
    return this.changed()
  }

  async unlock(passphrase: string): Promise<LockStatus> {
    const stored = this.settings.get('lock')
    if (stored === null || !this.locked) return this.status()
    await this.verify(stored, passphrase)
    this.locked = false
    this.arm()
    return this.changed()
  }

  /** A new passphrase (null turns locking off) and idle time; changing an existing one needs the current one. */
  async setPassphrase(
    passphrase: string | null,
    current: string | undefined,
    idleMinutes: number,
  ): Promise<LockStatus> {
    const stored = this.settings.get('lock')
    if (stored !== null) await this.verify(stored, current ?? '')
    if (passphrase === null) {
      this.settings.set('lock', null)
      this.locked = false
    } else {
      const salt = randomBytes(SALT_BYTES)
      const hash = await derive(passphrase, salt)
      this.settings.set('lock', { salt: salt.toString('base64'), hash: hash.toString('base64'), idleMinutes })
    }
    this.arm()
    return this.changed()
  }

  stop(): void {
    this.disarm()
  }

  private async verify(stored: LockSettings, passphrase: string): Promise<void> {
    const now = this.clock.now()
    if (now < this.retryAt) {
      const sec = Math.ceil((this.retryAt - now) / 1000)
      throw new AppError('AUTH_FAILED', `Too many wrong passphrases: try again in ${sec} s.`)
    }
    const expected = Buffer.from(stored.hash, 'base64')
    const actual = await derive(passphrase, Buffer.from(stored.salt, 'base64'))
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) {
      this.failures = 0
      this.retryAt = 0
      return
    }
    this.failures += 1
    const over = this.failures - FREE_ATTEMPTS
    if (over >= 0) this.retryAt = this.clock.now() + Math.min(MAX_WAIT_MS, 1000 * 2 ** over)
    throw new AppError('AUTH_FAILED', 'That passphrase is not the one set for KeyDesk.')
  }

  /** (Re)starts the idle timer while unlocked with an idle time set. */
  private arm(): void {
    this.disarm()
    const minutes = this.settings.get('lock')?.idleMinutes ?? 0
    if (this.locked || minutes <= 0) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.lock()
    }, minutes * MINUTE_MS)
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private changed(): LockStatus {
    const status = this.status()
    this.emit('lock.changed', status)
    return status
  }
}

function namesKeptKey(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'keyId' in input
}

function derive(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, KEY_LENGTH, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)))
  })
}

type LockChannel = 'lock.status' | 'lock.lock' | 'lock.unlock' | 'lock.setPassphrase'
type Handler<C extends LockChannel> = (input: z.output<Requests[C]['input']>) => Promise<LockStatus>

export function lockHandlers(lock: AppLock): { [C in LockChannel]: Handler<C> } {
  return {
    'lock.status': async () => lock.status(),
    'lock.lock': async () => lock.lock(),
    'lock.unlock': ({ passphrase }) => lock.unlock(passphrase),
    'lock.setPassphrase': ({ passphrase, current, idleMinutes }) =>
      lock.setPassphrase(passphrase, current, idleMinutes),
  }
}
