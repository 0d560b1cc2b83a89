// Shared by the sandbox server tests: one sandbox per file, reset before each test, a list call per service, the CLI.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'

export let sandbox: Sandbox

export const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx')
export const CLI = join(process.cwd(), 'src', 'sandbox', 'cli.ts')

export function spaceoneList(s: Sandbox = sandbox, n = 1): Promise<Answer> {
  return call(`${s.url}/identity/api-key/list`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${credential(account(s, 'spaceone', n), 'token')}`,
      'Content-Type': 'application/json',
    },
    body: '{}',
  })
}

export function cloudmcList(n = 1, s: Sandbox = sandbox): Promise<Answer> {
  const a = account(s, 'cloudmc', n)
  return call(`${a.endpoint}/api_keys`, { headers: { 'MC-Api-Key': credential(a, 'apiKey') } })
}

export function onqlaveList(n = 1): Promise<Answer> {
  const a = account(sandbox, 'onqlave', n)
  return call(`${a.endpoint}/tenants/${credential(a, 'tenantId')}/keys`, {
    headers: { Authorization: `Bearer ${credential(a, 'token')}` },
  })
}

/** The status, or 0 when the connection was dropped. */
export async function statusOf(request: Promise<Answer>): Promise<number> {
  try {
    return (await request).status
  } catch {
    return 0
  }
}

export function runCli(args: readonly string[]): {
  firstLine: Promise<string>
  exit: Promise<number | null>
  stderr: () => string
  stop: () => void
} {
  const child = spawn(TSX, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const lines = createInterface({ input: child.stdout })
  const firstLine = new Promise<string>((resolve) => lines.once('line', resolve))
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { firstLine, exit, stderr: () => err, stop: () => child.kill('SIGTERM') }
}

beforeAll(async () => {
  sandbox = await start({ accountsPerProvider: 2 })
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})
