// Shared set-up for the adapter tests: the real sandbox over real HTTP, accounts built from its seeds, and an Http
// whose traffic the test can inspect.
import { startSandbox } from '../../src/sandbox/index'
import { createHttp } from '../../src/main/net/http'
import type { Http, HttpOptions } from '../../src/main/net/http'
import type { ProviderContext } from '../../src/main/providers/provider'
import type { Account, Credential, ProviderId } from '../../src/shared/model'
import { urlOf } from '../support/fetch-input'

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>
export type SandboxAccount = Sandbox['accounts'][number]

export function startTestSandbox(): Promise<Sandbox> {
  return startSandbox({ port: 0, propagationSeconds: 1, activationSeconds: 1, seed: 'x', log: () => {} })
}

export async function control(
  sb: Sandbox,
  what: 'reset' | 'config' | 'clock',
  body: Record<string, unknown> = {},
): Promise<void> {
  const res = await fetch(`${sb.url}/__sandbox/${what}`, {
    method: 'POST',
    headers: { 'X-Sandbox-Token': sb.controlToken, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`sandbox ${what} answered ${res.status}: ${await res.text()}`)
}

/** An Http on which only the requests `isCreate` picks meet the sandbox's faults; the listings around them go through. */
export function faultyOn(
  sb: Sandbox,
  label: string,
  http: Http,
  isCreate: (url: string, method: string) => boolean,
): Http {
  return {
    request: async (req) => {
      if (isCreate(req.url, req.method)) await control(sb, 'config', { faultRate: 1, account: label })
      try {
        return await http.request(req)
      } finally {
        await control(sb, 'config', { faultRate: 0, account: label })
      }
    },
  }
}

export function seeds(sb: Sandbox, provider: ProviderId): SandboxAccount[] {
  return sb.accounts.filter((a) => a.provider === provider)
}

export function accountOf(seed: SandboxAccount, overrides: Partial<Account> = {}): Account {
  return {
    id: `acc-${seed.provider}-${seed.label.replace(/\W+/g, '-')}`,
    provider: seed.provider,
    label: seed.label,
    endpoint: seed.endpoint,
    facts: {},
    demo: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    propagationWindowSec: 600,
    refreshIntervalSec: 60,
    ...overrides,
  }
}

export function credentialOf(seed: SandboxAccount): Credential {
  const c: Record<string, unknown> = { ...seed.credentials }
  switch (seed.provider) {
    case 'spaceone':
      return { provider: 'spaceone', token: String(c.token) }
    case 'cloudmc':
      return { provider: 'cloudmc', apiKey: String(c.apiKey) }
    case 'onqlave':
      return { provider: 'onqlave', tenantId: String(c.tenantId), token: String(c.token) }
    case 'spaceone-apps':
      return { provider: 'spaceone-apps', token: String(c.token) }
  }
}

export interface Recorded {
  readonly method: string
  readonly url: string
  readonly body?: string
  readonly headers: Record<string, string>
}

/** A real Http over the real network whose every attempt (retries included) is recorded. */
export function recordingHttp(opts: HttpOptions = {}): { http: Http; calls: Recorded[] } {
  const calls: Recorded[] = []
  const recording: typeof fetch = async (input, init) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries())
    calls.push({
      method: init?.method ?? 'GET',
      url: urlOf(input),
      body: typeof init?.body === 'string' ? init.body : undefined,
      headers,
    })
    return fetch(input, init)
  }
  return { http: createHttp({ backoffMs: 5, ...opts, fetch: recording }), calls }
}

export function contextOf(
  seed: SandboxAccount,
  http: Http,
  overrides: { account?: Partial<Account>; credential?: Credential } = {},
): ProviderContext {
  return { account: accountOf(seed, overrides.account), credential: overrides.credential ?? credentialOf(seed), http }
}

export async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

/** A server that answers every request with the same scripted response: for wire variants the sandbox never sends. */
export function scriptedHttp(status: number, body: unknown): { http: Http; calls: Recorded[] } {
  const calls: Recorded[] = []
  return {
    calls,
    http: {
      async request(req) {
        calls.push({ method: req.method, url: req.url, body: req.body, headers: req.headers ?? {} })
        return { status, headers: new Headers(), text: typeof body === 'string' ? body : JSON.stringify(body) }
      },
    },
  }
}
