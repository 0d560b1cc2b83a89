// Shared by the propagation tests: the fakes and helpers each of their files uses.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { createHttp } from '../../src/main/net/http'
import { Propagations, type Prober } from '../../src/main/core/propagation/scheduler'
import { FakeClock } from '../support/fake-clock'
import { openSettings, type SettingsStore } from '../../src/main/core/settings'
import { getProvider } from '../../src/main/providers'
import type { KeyProvider, ProviderContext } from '../../src/main/providers/provider'
import type { Events } from '../../src/shared/api'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import type {
  Account,
  AccountStatus,
  Credential,
  KeyRecord,
  KeyState,
  Propagation,
  ProviderId,
} from '../../src/shared/model'

export const START = Date.parse('2030-01-01T00:00:00.000Z')
export const SEC = 1000
export const MIN = 60 * SEC

/** Key state per account, as the fake service holds it, plus a log of every read. */
export class FakeService {
  readonly keys = new Map<string, Map<string, KeyRecord>>()
  readonly reads: { kind: 'get' | 'list'; accountId: string; keyId?: string; at: number }[] = []
  failWith: ErrorCode | null = null
  constructor(private readonly clock: FakeClock) {}

  put(provider: ProviderId, accountId: string, keyId: string, state: KeyState): void {
    const keys = this.keys.get(accountId) ?? new Map<string, KeyRecord>()
    keys.set(keyId, {
      provider,
      accountId,
      keyId,
      name: keyId,
      state,
      createdAt: new Date(START).toISOString(),
      extra: {},
    })
    this.keys.set(accountId, keys)
  }

  remove(accountId: string, keyId: string): void {
    this.keys.get(accountId)?.delete(keyId)
  }

  listing(accountId: string): KeyRecord[] {
    return [...(this.keys.get(accountId)?.values() ?? [])]
  }

  provider(id: ProviderId): KeyProvider {
    const real = getProvider(id)
    const unused = (): never => {
      throw new Error('not used by propagation tracking')
    }
    const read = (kind: 'get' | 'list', ctx: ProviderContext, keyId?: string) => {
      this.reads.push({ kind, accountId: ctx.account.id, keyId, at: this.clock.now() })
      if (this.failWith) throw new AppError(this.failWith, `fake ${this.failWith}`)
    }
    return {
      id,
      descriptor: real.descriptor,
      validate: async () => unused(),
      list: async (ctx) => {
        read('list', ctx)
        return this.listing(ctx.account.id)
      },
      get: async (ctx, keyId) => {
        read('get', ctx, keyId)
        return this.keys.get(ctx.account.id)?.get(keyId) ?? null
      },
      createOptions: async () => unused(),
      create: async () => unused(),
      delete: async () => unused(),
      endpoints: async () => unused(),
      secretParts: unused,
      programSecret: unused,
      exportFiles: unused,
      tryKey: async () => unused(),
      credentialFrom: unused,
    }
  }
}

export class FakeAccounts {
  readonly byId = new Map<string, Account>()
  readonly statuses: { id: string; status: AccountStatus; message?: string }[] = []
  private readonly http = createHttp()

  add(id: string, provider: ProviderId, propagationWindowSec = 600): void {
    this.byId.set(id, {
      id,
      provider,
      label: `Label ${id}`,
      endpoint: 'http://127.0.0.1:1',
      facts: {},
      demo: false,
      createdAt: new Date(START).toISOString(),
      propagationWindowSec,
      refreshIntervalSec: 60,
    })
  }

  get(id: string): Account {
    const account = this.byId.get(id)
    if (!account) throw new AppError('NOT_FOUND', 'no such account')
    return account
  }

  async context(accountId: string): Promise<ProviderContext> {
    const account = this.get(accountId)
    const credential: Credential = { provider: 'cloudmc', apiKey: 'test-only' }
    return { account, credential, http: this.http }
  }

  setStatus(id: string, status: AccountStatus, message?: string): void {
    this.statuses.push({ id, status, message })
  }
}

export interface Harness {
  readonly dir: string
  readonly clock: FakeClock
  readonly service: FakeService
  readonly accounts: FakeAccounts
  readonly settings: SettingsStore
  readonly tracker: Propagations
  readonly updates: (readonly Propagation[])[]
  readonly notices: Events['notify'][]
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export function harness(options: { prober?: Prober; random?: () => number; from?: Harness } = {}): Harness {
  const dir = options.from?.dir ?? mkdtempSync(join(tmpdir(), 'keydesk-propagation-'))
  if (!options.from) dirs.push(dir)
  const clock = options.from?.clock ?? new FakeClock(START)
  const service = options.from?.service ?? new FakeService(clock)
  const accounts = options.from?.accounts ?? new FakeAccounts()
  if (!options.from) {
    accounts.add('so', 'spaceone')
    accounts.add('cm', 'cloudmc')
    accounts.add('oq', 'onqlave')
  }
  const settings = openSettings(dir, '0.1.0')
  const updates: (readonly Propagation[])[] = []
  const notices: Events['notify'][] = []
  const tracker = new Propagations(
    settings,
    accounts,
    {
      clock,
      providers: { get: (id) => service.provider(id), all: () => [] },
      emit: (event, payload) => {
        if (event === 'propagation.updated') updates.push((payload as Events['propagation.updated']).records)
        if (event === 'notify') notices.push(payload as Events['notify'])
      },
    },
    { random: options.random ?? (() => 0.5), prober: options.prober },
  )
  tracker.start()
  return { dir, clock, service, accounts, settings, tracker, updates, notices }
}

export const record = (h: Harness, keyId: string) => h.tracker.all().find((r) => r.keyId === keyId)
export const readTimes = (h: Harness) => h.service.reads.map((r) => (r.at - START) / SEC)
