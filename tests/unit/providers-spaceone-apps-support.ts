// Shared by the Cloudforet 2.x adapter tests: the sandbox's 2.x account and contexts for it.
import type { Http } from '../../src/main/net/http'
import type { ProviderContext } from '../../src/main/providers/provider'
import type { Account, Credential } from '../../src/shared/model'
import type { Sandbox } from './providers-support'

export function account2(sb: Sandbox, overrides: Partial<Account> = {}): Account {
  return {
    id: 'acc-cf2',
    provider: 'spaceone-apps',
    label: 'Demo Cloudforet',
    endpoint: sb.spaceone2.endpoint,
    facts: {},
    demo: false,
    createdAt: '2024-01-01T00:00:00.000Z',
    propagationWindowSec: 600,
    refreshIntervalSec: 60,
    ...overrides,
  }
}

export function secret2(token: string): Credential {
  return { provider: 'spaceone-apps', token }
}

export function ctx2(sb: Sandbox, http: Http, token = sb.spaceone2.secrets.credential): ProviderContext {
  return { account: account2(sb), credential: secret2(token), http }
}

export function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

export async function sandboxNow(sb: Sandbox): Promise<number> {
  const res = await fetch(`${sb.url}/__sandbox/state`, { headers: { 'X-Sandbox-Token': sb.controlToken } })
  return Date.parse(((await res.json()) as { now: string }).now)
}
