// Shared by the sandbox contract tests: one real sandbox over real HTTP, reset through the control route.
import { startSandbox, type Sandbox, type SandboxAccount, type SandboxOptions } from '../../src/sandbox/index'

export interface Answer {
  readonly status: number
  readonly text: string
  /** The parsed JSON body; undefined when empty or not JSON. */
  readonly json: any
}

export async function start(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ seed: 'contract-tests', log: () => undefined, ...options })
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init)
  const text = await res.text()
  let json: unknown
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, text, json }
}

export function control(sandbox: Sandbox, path: string, body?: unknown): Promise<Answer> {
  return call(`${sandbox.url}/__sandbox/${path}`, {
    method: body === undefined && path === 'state' ? 'GET' : 'POST',
    headers: { 'X-Sandbox-Token': sandbox.controlToken, 'Content-Type': 'application/json' },
    body: body === undefined ? (path === 'state' ? undefined : '{}') : JSON.stringify(body),
  })
}

export function account(sandbox: Sandbox, provider: SandboxAccount['provider'], n = 1): SandboxAccount {
  const found = sandbox.accounts.filter((a) => a.provider === provider)[n - 1]
  if (!found) throw new Error(`no ${provider} account ${n}`)
  return found
}

export function credential<K extends string>(a: SandboxAccount, field: K): string {
  const value = (a.credentials as Record<string, unknown>)[field]
  if (typeof value !== 'string') throw new Error(`${a.label} has no ${field}`)
  return value
}
