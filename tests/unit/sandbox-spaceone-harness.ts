// Shared by the SpaceONE 1.x sandbox tests: one sandbox per file, reset before each test, and the calls they make.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { Sandbox, SandboxSpaceoneUser } from '../../src/sandbox/index'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'

export let sandbox: Sandbox
export let token: string
export let did: string
export let aud: string
export let ownKeyId: string

export function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

/** `bearer` null sends no Authorization header. */
export function post(path: string, body: unknown, bearer: string | null = token): Promise<Answer> {
  return call(`${sandbox.url}/identity/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export function user(role: SandboxSpaceoneUser['role'], n = 0): SandboxSpaceoneUser {
  const found = sandbox.spaceone.users.filter((u) => u.role === role)[n]
  if (!found) throw new Error(`no ${role} user`)
  return found
}

export async function signIn(u: SandboxSpaceoneUser): Promise<{ access_token: string; refresh_token: string }> {
  const res = await post(
    'token/issue',
    { user_id: u.userId, credentials: { password: u.password }, user_type: 'USER', domain_id: u.domainId },
    null,
  )
  expect(res.status).toBe(200)
  return res.json
}

export async function createKey(): Promise<{ api_key_id: string; api_key: string }> {
  const res = await post('api-key/create', { user_id: aud, domain_id: did })
  expect(res.status).toBe(200)
  return res.json
}

export function expectError(res: Answer, status: number, code: string, message?: string): void {
  expect(res.status).toBe(status)
  expect(res.json.detail.code).toBe(code)
  expect(res.json.detail.fail_items).toEqual({})
  if (message !== undefined) expect(res.json.detail.message).toBe(message)
}

export const authenticates = async (bearer: string): Promise<number> => (await post('endpoint/list', {}, bearer)).status

beforeAll(async () => {
  sandbox = await start({ accountsPerProvider: 2 })
  token = credential(account(sandbox, 'spaceone'), 'token')
  const payload = payloadOf(token)
  did = String(payload.did)
  aud = String(payload.aud)
  ownKeyId = String(payload.api_key_id)
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})
