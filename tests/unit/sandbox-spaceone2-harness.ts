// Shared by the Cloudforet 2.x sandbox contract tests: calls under /spaceone2 with a bearer, and the error check.
import { expect } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { call, type Answer } from './sandbox-harness'

export function payloadOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

/** `bearer` null sends no Authorization header; a string body is sent as is. */
export function post2(sandbox: Sandbox, path: string, body: unknown, bearer: string | null): Promise<Answer> {
  return call(`${sandbox.spaceone2.endpoint}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(bearer === null ? {} : { Authorization: `Bearer ${bearer}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export function expectError(res: Answer, status: number, code: string, message?: string): void {
  expect(res.status).toBe(status)
  expect(Object.keys(res.json.detail)).toEqual(['code', 'message'])
  expect(res.json.detail.code).toBe(code)
  if (message !== undefined) expect(res.json.detail.message).toBe(message)
}

/** The secret probe of §5: role/list with count_only. */
export async function probe(sandbox: Sandbox, secret: string): Promise<number> {
  return (await post2(sandbox, '/identity/role/list', { query: { count_only: true } }, secret)).status
}

export async function signIn(
  sandbox: Sandbox,
  userId: string,
  scope: { scope: 'DOMAIN' } | { scope: 'WORKSPACE'; workspace_id: string },
): Promise<string> {
  const user = sandbox.spaceone2.users.find((u) => u.userId === userId)
  if (!user) throw new Error(`no user ${userId}`)
  const issued = await post2(
    sandbox,
    '/identity/token/issue',
    { credentials: { user_id: user.userId, password: user.password }, auth_type: 'LOCAL', domain_id: user.domainId },
    null,
  )
  expect(issued.status).toBe(200)
  const granted = await post2(
    sandbox,
    '/identity/token/grant',
    { grant_type: 'REFRESH_TOKEN', token: issued.json.refresh_token, ...scope },
    null,
  )
  expect(granted.status).toBe(200)
  return granted.json.access_token as string
}
