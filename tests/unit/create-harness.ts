// A real core (MemoryVault, MemoryClipboard, tmp data dir) on the real sandbox over HTTP, for the create and rotation tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Channel, Events, EventName, RequestInput, RequestResult } from '../../src/shared/api'
import type { AppApi } from '../../src/shared/api'
import { fromErrorData } from '../../src/shared/errors'
import { coreClient } from '../support/core-client'
import type { AccountView, ProviderId } from '../../src/shared/model'
import { AppCore, type CoreOptions } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { createHttp, type Http, type HttpRequest } from '../../src/main/net/http'
import type { SecretVault } from '../../src/main/core/vault'
import { MemoryVault } from '../support/memory-vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { control, credentialOf } from './providers-support'
import { registerFromCall } from '../support/secret-registry'

export interface Harness {
  readonly core: AppCore
  /** The typed client of this core, as the renderer has it. */
  readonly api: AppApi
  readonly dir: string
  readonly vault: SecretVault
  readonly clipboard: MemoryClipboard
  readonly events: { readonly name: EventName; readonly payload: unknown }[]
  call<C extends Channel>(channel: C, input: RequestInput<C>): Promise<RequestResult<C>>
  /** Resolves with the AppError the call failed with; fails the test if it succeeded. */
  failure<C extends Channel>(channel: C, input: RequestInput<C>): Promise<{ code: string; message: string }>
  close(): Promise<void>
}

export function testSandbox(extra: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    propagationSeconds: 1,
    activationSeconds: 1,
    seed: 'create-tests',
    log: () => undefined,
    ...extra,
  })
}

export { control as sandboxControl } from './providers-support'

/** The sandbox of a test file and the core of the test running: `h` may be replaced (reopen); the newest is closed. */
export interface CoreOnSandbox {
  sb: Sandbox
  h: Harness
}

/** One sandbox for the file, reset before each test, and a fresh core from `open` for each test, closed after it. */
export function coreOnSandbox(open: () => Harness = () => openCore()): CoreOnSandbox {
  const t = {} as CoreOnSandbox
  beforeAll(async () => {
    t.sb = await testSandbox()
  })
  afterAll(() => t.sb.close())
  beforeEach(async () => {
    await control(t.sb, 'reset')
    t.h = open()
  })
  afterEach(async () => {
    await t.h.close()
    removeDir(t.h.dir)
  })
  return t
}

export function openCore(
  opts: {
    dir?: string
    vault?: SecretVault
    http?: Http
    saveFile?: CoreOptions['saveFile']
    clock?: CoreOptions['clock']
    host?: CoreOptions['host']
  } = {},
): Harness {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'keydesk-create-'))
  const vault = opts.vault ?? new MemoryVault()
  const clipboard = new MemoryClipboard()
  const core = new AppCore({
    dataDir: dir,
    version: '0.1.0',
    host: opts.host ?? 'browser',
    vault,
    clipboard,
    http: opts.http ?? createHttp({ backoffMs: 5 }),
    saveFile: opts.saveFile,
    clock: opts.clock,
  })
  const events: { name: EventName; payload: unknown }[] = []
  core.onEvent((name, payload) => {
    events.push({ name, payload })
  })
  const call = async <C extends Channel>(channel: C, input: RequestInput<C>): Promise<RequestResult<C>> => {
    const reply = await core.invoke(channel, input)
    if (!reply.ok) throw fromErrorData(reply.error)
    registerFromCall(channel, input, reply.value)
    return reply.value as RequestResult<C>
  }
  return {
    core,
    api: coreClient(core),
    dir,
    vault,
    clipboard,
    events,
    call,
    failure: async (channel, input) => {
      const reply = await core.invoke(channel, input)
      if (reply.ok) throw new Error(`${channel} succeeded but should have failed`)
      return reply.error as { code: string; message: string }
    },
    close: async () => {
      await core.close()
    },
  }
}

/** Closes a harness and its data dir, and opens a fresh one (for tests that need another Http or vault). */
export async function reopen(h: Harness, opts: Parameters<typeof openCore>[0] = {}): Promise<Harness> {
  await h.close()
  removeDir(h.dir)
  return openCore(opts)
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export async function addAccount(h: Harness, sb: Sandbox, provider: ProviderId, index = 0): Promise<AccountView> {
  const seed = sb.accounts.filter((a) => a.provider === provider)[index]
  if (!seed) throw new Error(`the sandbox has no ${provider} account #${index}`)
  return h.call('accounts.add', {
    provider,
    label: seed.label,
    endpoint: seed.endpoint,
    credential: credentialOf(seed),
  })
}

export function progressOf(h: Harness, requestId: string): Events['create.progress']['stage'][] {
  return h.events
    .filter((e) => e.name === 'create.progress')
    .map((e) => e.payload as Events['create.progress'])
    .filter((p) => p.requestId === requestId)
    .map((p) => p.stage)
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Options of the seeded Onqlave tenant: its application and the working Arx. */
export async function onqlaveChoice(
  h: Harness,
  accountId: string,
): Promise<{ applicationId: string; clusterId: string }> {
  const opts = await h.call('keys.createOptions', { accountId })
  const applicationId = opts?.applications[0]?.id
  const clusterId = opts?.clusters.find((c) => c.name === 'sandbox-arx')?.id
  if (!applicationId || !clusterId) throw new Error('the sandbox tenant lacks its application or Arx')
  return { applicationId, clusterId }
}

/** An HTTP client that keeps every request it sends, for the tests that count requests on the wire. */
export function countingHttp(): { readonly http: Http; readonly sent: HttpRequest[] } {
  const sent: HttpRequest[] = []
  const base = createHttp({ backoffMs: 5 })
  return {
    sent,
    http: {
      request: (req) => {
        sent.push(req)
        return base.request(req)
      },
    },
  }
}

/**
 * Http that lets the service handle the next create, then drops its answer and that of the listing right after
 * (the sandbox's dropAnswerRate): the service made the key, and KeyDesk could not see it yet.
 */
export function losingNextCreate(sb: Sandbox, label: string): { http: Http; arm(): void } {
  const inner = createHttp({ backoffMs: 5 })
  let armed = false
  let dropping = 0
  return {
    arm: () => {
      armed = true
    },
    http: {
      request: async (req) => {
        if (armed && req.method === 'POST') {
          armed = false
          dropping = 2
          await control(sb, 'config', { dropAnswerRate: 1, account: label })
        }
        if (dropping === 0) return inner.request(req)
        try {
          return await inner.request(req)
        } finally {
          dropping -= 1
          if (dropping === 0) await control(sb, 'config', { dropAnswerRate: 0, account: label })
        }
      },
    },
  }
}
