// The only entry point into the core: implements every channel of the map in src/shared/api.ts.
import { EventEmitter } from 'node:events'
import type { z } from 'zod'
import {
  requests,
  type Channel,
  type EventName,
  type Events,
  type Reply,
  type RequestResult,
  type Requests,
} from '../../shared/api'
import { AppError, toErrorData } from '../../shared/errors'
import { providerRegistry } from '../providers'
import { Accounts } from './accounts'
import { ClipboardGuard, type ClipboardPort } from './clipboard'
import { Demo } from './demo'
import { createHttp, type Http } from './http'
import { Keys } from './keys'
import { importAccounts, exportAccounts } from './account-files'
import { Propagations, systemClock, type Clock } from './propagation'
import { Rotations } from './rotation'
import { openSettings, type SettingsStore } from './settings'
import type { SecretVault } from './vault'

export interface CoreOptions {
  readonly dataDir: string
  readonly version: string
  readonly host: 'electron' | 'browser'
  readonly vault: SecretVault
  readonly clipboard: ClipboardPort
  readonly http?: Http
  readonly clock?: Clock
  /** Electron: a save dialog; returns the path written, or null when cancelled. Absent in the browser host (download). */
  readonly saveFile?: (fileName: string, content: string) => Promise<string | null>
  readonly log?: (line: string) => void
}

const ACCOUNTS_CHANGED_COALESCE_MS = 50

type Input<C extends Channel> = z.output<Requests[C]['input']>
type Handlers = { [C in Channel]: (input: Input<C>) => Promise<RequestResult<C>> }

export class AppCore {
  readonly settings: SettingsStore
  readonly accounts: Accounts
  readonly keys: Keys
  readonly propagations: Propagations
  readonly rotations: Rotations
  readonly demo: Demo
  private readonly clipboard: ClipboardGuard
  private readonly events = new EventEmitter()
  private readonly handlers: Handlers
  private accountsTimer: NodeJS.Timeout | null = null
  private readonly notices: string[] = []

  constructor(private readonly options: CoreOptions) {
    this.events.setMaxListeners(50)
    const http = options.http ?? createHttp({ log: options.log })
    const clock = options.clock ?? systemClock
    this.settings = openSettings(options.dataDir, options.version)
    this.accounts = new Accounts(this.settings, options.vault, http, () => this.accountsChanged())
    this.propagations = new Propagations(
      this.settings,
      this.accounts,
      clock,
      (records) => {
        this.emit('propagation.updated', { records })
      },
      (title, body) => this.emit('notify', { title, body }),
      { prober: (accountId, keyId) => this.keys.probe(accountId, keyId) },
    )
    this.clipboard = new ClipboardGuard(options.clipboard, () => this.settings.get('preferences').clipboardClearSec)
    this.keys = new Keys(this.accounts, options.vault, http, this.propagations, (name, payload) =>
      this.emit(name, payload),
    )
    this.rotations = new Rotations(this.settings, this.accounts, this.keys, this.propagations, (rotations) =>
      this.emit('rotation.updated', { rotations }),
    )
    this.demo = new Demo(options.dataDir, this.settings, this.accounts, options.vault)
    this.handlers = this.buildHandlers()
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
  }

  async close(): Promise<void> {
    this.propagations.stop()
    if (this.accountsTimer) clearTimeout(this.accountsTimer)
    await this.clipboard.clearNow()
    await this.demo.stop()
    this.events.removeAllListeners()
  }

  /** Parses the raw input with the channel's schema, runs it, and turns any failure into AppError data. */
  async invoke(channel: string, raw: unknown): Promise<Reply> {
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
    try {
      const handler = this.handlers[c] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data ?? {}) }
    } catch (err) {
      if (!(err instanceof AppError)) this.options.log?.(`request ${c} failed: ${(err as Error)?.name ?? 'error'}`)
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
    this.events.emit('event', event, payload)
  }

  private buildHandlers(): Handlers {
    const { accounts, keys, settings, options } = this
    return {
      'app.info': async () => ({
        name: 'KeyDesk',
        version: options.version,
        platform: process.platform,
        host: options.host,
        dataDir: options.dataDir,
        notices: [...(settings.recovery ? [settings.recovery] : []), ...this.notices],
      }),
      'providers.list': async () => providerRegistry.all().map((p) => p.descriptor),
      'vault.status': () => options.vault.status(),
      'settings.get': async () => settings.get('preferences'),
      'settings.set': async (patch) => {
        const next = { ...settings.get('preferences'), ...patch }
        settings.set('preferences', next)
        return next
      },
      'accounts.list': async () => accounts.views(),
      'accounts.validate': ({ provider, endpoint, credential }) => accounts.validate(provider, endpoint, credential),
      'accounts.add': (input) => accounts.add(input),
      'accounts.update': (patch) => accounts.update(patch),
      'accounts.remove': async ({ id }) => {
        const removed = await accounts.remove(id)
        await keys.forgetAccount(removed)
        this.propagations.forgetAccount(id)
        if (removed.demo) await this.demo.stopIfUnused()
      },
      'accounts.check': ({ id }) => keys.check(id),
      'accounts.import': ({ content, fileName }) => importAccounts(accounts, content, fileName),
      'accounts.export': async () => {
        const file = exportAccounts(accounts.all())
        return this.deliver(file.fileName, file.content)
      },
      'accounts.endpoints': ({ accountId }) => keys.endpoints(accountId),
      'demo.start': () => this.demo.start(),
      'keys.list': ({ accountId }) => keys.list(accountId),
      'keys.createOptions': ({ accountId }) => keys.createOptions(accountId),
      'keys.create': (input) => keys.create(input),
      'keys.enable': ({ accountId, keyId }) => keys.enable(accountId, keyId),
      'keys.disable': ({ accountId, keyId }) => keys.disable(accountId, keyId),
      'keys.delete': ({ accountId, keyId }) => keys.remove(accountId, keyId),
      'keys.rename': ({ accountId, keyId, name }) => keys.rename(accountId, keyId, name),
      'keys.copySecret': async (input) => {
        const value = await keys.secretPart(input, input.part)
        return { clearsInSec: await this.clipboard.copySecret(value) }
      },
      'keys.export': async (input) => {
        const file = await keys.exportFile(input, input.format)
        return this.deliver(file.fileName, file.content)
      },
      'keys.try': (input) => keys.tryKey(input),
      'keys.keepSecret': ({ handle }) => keys.keepSecret(handle),
      'keys.forgetSecret': ({ accountId, keyId }) => keys.forgetSecret(accountId, keyId),
      'keys.kept': ({ accountId }) => keys.kept(accountId),
      'secrets.release': async ({ handle }) => keys.release(handle),
      'propagation.list': async () => this.propagations.all(),
      'rotation.list': async () => this.rotations.list(),
      'rotation.start': ({ accountId, keyId }) => this.rotations.start(accountId, keyId),
      'rotation.create': ({ id, ...input }) => this.rotations.create(id, input),
      'rotation.advance': ({ id }) => this.rotations.advance(id),
      'rotation.cancel': async ({ id }) => this.rotations.cancel(id),
    }
  }

  /** Electron saves through a dialog; the browser host hands the content back for a download. */
  private async deliver(
    fileName: string,
    content: string,
  ): Promise<{ fileName: string; content?: string; savedTo?: string }> {
    if (!this.options.saveFile) return { fileName, content }
    const savedTo = await this.options.saveFile(fileName, content)
    if (!savedTo) throw new AppError('INVALID_INPUT', 'Export cancelled: nothing was written.')
    return { fileName, savedTo }
  }
}
