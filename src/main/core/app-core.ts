// The only entry point into the core: implements every channel of the map in src/shared/api.ts.
import { EventEmitter } from 'node:events'
import { CLI_ONLY_CHANNELS, requests, type Channel, type EventName, type Events, type Reply } from '../../shared/api'
import type { AuditOrigin } from '../../shared/audit'
import { AppError, toErrorData } from '../../shared/errors'
import { Accounts } from './accounts'
import { AuditLog } from './audit'
import { AuditTrail } from './audit-trail'
import { appHandlers, type Handlers } from './app-handlers'
import { ClipboardGuard, type ClipboardPort } from './clipboard'
import { Demo } from './demo'
import { createHttp, type Http } from '../net/http'
import { KeyCreation } from './keys/creation'
import { UnconfirmedCreates } from './keys/unconfirmed'
import { SecretCustody } from './keys/custody'
import { KeyLifecycle } from './keys/lifecycle'
import { KeyRegeneration } from './keys/regeneration'
import { Reminders } from './reminders'
import { ProviderSession } from './keys/session'
import { systemPorts, type Clock, type Ports } from './ports'
import { Propagations } from './propagation/scheduler'
import { Rotations } from './rotation'
import { openSettings, type OpenSettingsEngine, type SettingsStore } from './settings'
import type { SecretVault } from './vault'
import { VaultWatch } from './vault-watch'
import { hasLoneSurrogate } from './well-formed'
import { Repair } from './repair'
import { AppLock } from './lock'

export interface CoreOptions {
  readonly dataDir: string
  readonly version: string
  readonly host: 'electron' | 'browser' | 'cli'
  readonly vault: SecretVault
  readonly clipboard: ClipboardPort
  readonly http?: Http
  readonly clock?: Clock
  /** Electron: a save dialog; returns the path written, or null when cancelled. Absent in the browser host (download). */
  readonly saveFile?: (fileName: string, content: string) => Promise<string | null>
  readonly log?: (line: string) => void
  /** The settings file's engine: conf by default; electron-store in the Electron shell (same file, same schema). */
  readonly openSettingsEngine?: OpenSettingsEngine
}

const ACCOUNTS_CHANGED_COALESCE_MS = 50
/**
 * Repair's look at every keychain entry is housekeeping, started once the window's first screen is out: at start it
 * took about 50 ms of CPU from a page loading on two cores (bench row 6).
 */
export const REPAIR_AT_START_DELAY_MS = 5_000

export class AppCore {
  readonly settings: SettingsStore
  readonly accounts: Accounts
  readonly session: ProviderSession
  readonly custody: SecretCustody
  readonly lifecycle: KeyLifecycle
  readonly creation: KeyCreation
  readonly unconfirmed: UnconfirmedCreates
  readonly regeneration: KeyRegeneration
  readonly reminders: Reminders
  readonly propagations: Propagations
  readonly rotations: Rotations
  readonly demo: Demo
  readonly vaultWatch: VaultWatch
  readonly repair: Repair
  readonly audit: AuditLog
  readonly lock: AppLock
  private readonly trail: AuditTrail
  private readonly clipboard: ClipboardGuard
  private readonly events = new EventEmitter()
  private readonly handlers: Handlers
  private accountsTimer: NodeJS.Timeout | null = null
  private readonly clock: Clock
  private repairTimer: unknown = null
  private readonly notices: string[] = []
  /** Long requests the user can stop (Test connection, Save in Add account), by the renderer's request id. */
  private readonly cancels = new Map<string, AbortController>()

  constructor(private readonly options: CoreOptions) {
    this.events.setMaxListeners(50)
    const http = options.http ?? createHttp({ log: options.log })
    const ports: Ports = systemPorts((event, payload) => this.emit(event, payload), {
      ...(options.clock ? { clock: options.clock } : {}),
    })
    this.clock = ports.clock
    this.settings = openSettings(options.dataDir, options.version, options.openSettingsEngine)
    this.accounts = new Accounts(this.settings, options.vault, http, ports, () => this.accountsChanged())
    this.session = new ProviderSession(this.accounts, ports)
    this.custody = new SecretCustody(this.accounts, options.vault, http, ports)
    this.propagations = new Propagations(this.settings, this.accounts, ports, {
      // A regenerate's evidence is the secret it retired; every other change's is the key's kept secret.
      prober: (accountId, keyId, op) =>
        op === 'regenerate' ? this.regeneration.probeRetired(accountId, keyId) : this.custody.probe(accountId, keyId),
      // A deleted key is tried until its delete settles; then KeyDesk stops holding its secret.
      onFinished: (r) => void (r.op === 'delete' ? this.custody.dropDeleted(r.accountId, r.keyId) : undefined),
    })
    this.clipboard = new ClipboardGuard(options.clipboard, () => this.settings.get('preferences').clipboardClearSec)
    this.lifecycle = new KeyLifecycle(this.accounts, this.session, this.custody, this.propagations, ports)
    this.unconfirmed = new UnconfirmedCreates(
      this.settings,
      this.session,
      ports,
      (text) => this.notices.push(text),
      (requestId) => this.rotations.createSettled(requestId),
    )
    this.creation = new KeyCreation(
      this.accounts,
      this.session,
      this.custody,
      this.propagations,
      ports,
      this.unconfirmed,
    )
    this.regeneration = new KeyRegeneration(this.accounts, this.session, this.custody, this.propagations, http, ports)
    this.reminders = new Reminders(
      this.settings,
      (r) => this.emit('notify', r),
      () => ports.clock.now(),
    )
    this.rotations = new Rotations(
      this.settings,
      this.accounts,
      {
        ...bind(this.lifecycle, 'list', 'disable', 'remove'),
        ...bind(this.creation, 'create'),
        ...bind(this.custody, 'secretBundle'),
      },
      this.propagations,
      ports,
    )
    this.demo = new Demo(options.dataDir, this.settings, this.accounts, options.vault, (text) =>
      this.notices.push(text),
    )
    this.vaultWatch = new VaultWatch(options.vault, ports.clock, (status, previous) => {
      this.emit('vault.status', status)
      if (status.state !== 'available') this.accounts.credentials.clear()
      // Back after a lock or an outage: accounts that could not read their credential try again.
      if (status.state === 'available' && previous && previous.state !== 'available') this.accounts.keychainBack()
    })
    this.repair = new Repair(options.vault, () => this.accounts.all())
    this.audit = new AuditLog(options.dataDir)
    this.lock = new AppLock(this.settings, ports.clock, (e, p) => {
      this.accounts.credentials.keep(!p.locked)
      this.emit(e, p)
    })
    this.accounts.credentials.keep(!this.lock.status().locked)
    this.trail = new AuditTrail(
      this.audit,
      (id) => this.accounts.all().find((a) => a.id === id),
      (id) => this.rotations.list().find((r) => r.id === id),
      (line) => options.log?.(line),
    )
    this.handlers = appHandlers(this, {
      info: options,
      clipboard: this.clipboard,
      notices: this.notices,
      cancels: this.cancels,
      saveFile: options.saveFile,
      log: options.log,
      clock: ports.clock,
    })
  }

  async start(): Promise<void> {
    // Real accounts must work even when the demo services cannot come back.
    await this.demo.resume().catch((err: unknown) => {
      this.notices.push(
        `The demo services could not start (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'}). ` +
          'Remove the demo accounts and start demo mode again.',
      )
    })
    this.propagations.start()
    this.unconfirmed.start()
    this.vaultWatch.start()
    // The window lists every account as soon as it opens; a command of the CLI may need only one of them, and shows
    // no notice of Repair's.
    if (this.options.host === 'cli') return
    const warmed = this.accounts.credentials.warm(this.accounts.all())
    this.lifecycle.open(this.accounts.all().map((a) => a.id))
    // After the credentials the first listings need: a slow keychain must not hold up the window.
    this.repairTimer = this.clock.setTimeout(() => {
      this.repairTimer = null
      void warmed.catch(() => undefined).then(() => this.repairAtStart())
    }, REPAIR_AT_START_DELAY_MS)
  }

  private async repairAtStart(): Promise<void> {
    const report = await this.repair.scan().catch(() => null)
    if (!report || report.orphans.length + report.missing.length === 0) return
    const notice =
      `Repair found ${report.orphans.length} keychain entr${report.orphans.length === 1 ? 'y' : 'ies'} no account owns ` +
      `and ${report.missing.length} account${report.missing.length === 1 ? '' : 's'} without a credential. Open Repair to review them.`
    this.notices.push(notice)
    this.emit('notify', { title: 'Repair', body: notice })
  }

  async close(): Promise<void> {
    this.propagations.stop()
    this.unconfirmed.stop()
    this.vaultWatch.stop()
    this.lock.stop()
    if (this.accountsTimer) clearTimeout(this.accountsTimer)
    if (this.repairTimer !== null) this.clock.clearTimeout(this.repairTimer)
    await this.clipboard.clearNow()
    await this.demo.stop()
    this.events.removeAllListeners()
    await this.options.vault.close?.()
  }

  /** Parses the raw input with the channel's schema, runs it, and turns any failure into AppError data. */
  async invoke(channel: string, raw: unknown, from: AuditOrigin = 'app'): Promise<Reply> {
    if (!Object.hasOwn(requests, channel)) {
      return { ok: false, error: new AppError('INVALID_INPUT', `Unknown request "${channel.slice(0, 60)}".`).toData() }
    }
    const c = channel as Channel
    const parsed = requests[c].input.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
      return {
        ok: false,
        error: new AppError('INVALID_INPUT', `${issue?.message ?? 'Invalid input'}${where}`).toData(),
      }
    }
    if (hasLoneSurrogate(parsed.data)) {
      return {
        ok: false,
        error: new AppError('INVALID_INPUT', 'The request holds broken text (a lone UTF-16 surrogate).').toData(),
      }
    }
    if (CLI_ONLY_CHANNELS.has(c) && from !== 'cli') {
      return {
        ok: false,
        error: new AppError('UNTRUSTED_SENDER', 'Only the keydesk command line may ask for this.').toData(),
      }
    }
    // Every change is recorded in the audit log, whichever front end asked for it.
    const recorded = this.trail.begin(c, parsed.data ?? {}, from)
    const reply = await this.run(c, parsed.data ?? {}, () => this.lock.gate(c, parsed.data))
    recorded?.(reply)
    return reply
  }

  private async run(c: Channel, input: unknown, gate: () => void): Promise<Reply> {
    try {
      gate()
      const handler = this.handlers[c] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(input) }
    } catch (err) {
      if (!(err instanceof AppError)) this.options.log?.(`request ${c} failed: ${(err as Error)?.name ?? 'error'}`)
      // A keychain that has just been locked or gone is met by a request first: the status everyone sees follows now,
      // not at the watch's next look a minute later (it tells listeners only when the status changed).
      else if (err.code === 'KEYCHAIN_UNAVAILABLE' && c !== 'vault.status') void this.vaultWatch.check()
      return { ok: false, error: toErrorData(err) }
    }
  }

  onEvent(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    const l = (event: EventName, payload: unknown): void => listener(event, payload as never)
    this.events.on('event', l)
    return () => {
      this.events.off('event', l)
    }
  }

  /** Thirty accounts finishing their first listing change thirty status dots: the renderer hears of it once. */
  private accountsChanged(): void {
    if (this.accountsTimer) return
    this.accountsTimer = setTimeout(() => {
      this.accountsTimer = null
      this.emit('accounts.changed', {})
    }, ACCOUNTS_CHANGED_COALESCE_MS)
    this.accountsTimer.unref?.()
  }

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'keys.changed') this.lifecycle.opening.forget((payload as Events['keys.changed']).accountId)
    this.events.emit('event', event, payload)
  }
}

/** The named methods of a service, bound to it: a narrow port for another service. */
function bind<T extends object, K extends keyof T>(service: T, ...names: K[]): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {}
  for (const name of names) {
    const member = service[name]
    out[name] = (typeof member === 'function' ? member.bind(service) : member) as T[K]
  }
  return out as Pick<T, K>
}
