import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { account, call, control, credential, start, type Answer } from './sandbox-harness'
import { anyString, stringMatching } from '../support/match'

let sandbox: Sandbox
let endpoint: string
let apiKey: string

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

function request(
  method: string,
  path: string,
  body?: unknown,
  key: string | null = apiKey,
  base = endpoint,
): Promise<Answer> {
  return call(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'MC-Api-Key': key }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function expectError(res: Answer, status: number, code: string, context?: Record<string, unknown>): void {
  expect(res.status).toBe(status)
  expect(res.json.errors).toHaveLength(1)
  const [error] = res.json.errors
  expect(error.code).toBe(code)
  expect(error.errorCode).toBe(code)
  expect(typeof error.message).toBe('string')
  if (context) expect(error.context).toEqual(context)
}

beforeAll(async () => {
  sandbox = await start({ accountsPerProvider: 2 })
  endpoint = account(sandbox, 'cloudmc').endpoint
  apiKey = credential(account(sandbox, 'cloudmc'), 'apiKey')
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})

describe('CloudMC sandbox', () => {
  it('hands out an endpoint that already ends in /api/v2 and a 43-character base64url key', () => {
    expect(endpoint).toBe(`${sandbox.url}/api/v2`)
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('returns only the caller from /users, with the documented fields', async () => {
    const res = await request('GET', '/users')
    expect(res.status).toBe(200)
    expect(res.json.data).toHaveLength(1)
    const [me] = res.json.data
    expect(me).toMatchObject({ status: 'ACTIVE', organization: { id: anyString(), name: anyString() } })
    for (const field of ['id', 'userName', 'firstName', 'lastName', 'email']) expect(typeof me[field]).toBe('string')
    expect(me.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(me.creationDate).toMatch(ISO_MS)
    expect((await request('GET', `/users/${me.id}`)).json.data).toEqual(me)
    const other = (await request('GET', '/users', undefined, credential(account(sandbox, 'cloudmc', 2), 'apiKey'))).json
      .data[0]
    expectError(await request('GET', `/users/${other.id}`), 404, 'NOT_FOUND', { id: other.id })
  })

  it('lists the caller’s keys oldest first and records the last IP and activity of the key in use', async () => {
    const res = await request('GET', '/api_keys')
    expect(res.status).toBe(200)
    expect(res.json.data).toHaveLength(2)
    const [own, other] = res.json.data
    expect(Object.keys(own)).toEqual(['id', 'name', 'lastIp', 'lastActivity', 'creationDate'])
    expect(own.name).toMatch(/^api_key_[a-z0-9]{8}$/)
    expect(own.lastIp).toBe('127.0.0.1')
    expect(own.lastActivity).toMatch(ISO_MS)
    expect(other).toMatchObject({ lastIp: null, lastActivity: null })
    expect(own.creationDate < other.creationDate).toBe(true)
    expect(res.text).not.toContain(apiKey)
  })

  it('takes lastActivity from the sandbox clock', async () => {
    await control(sandbox, 'clock', { offsetSeconds: 86_400 })
    const [own] = (await request('GET', '/api_keys')).json.data
    expect(Date.parse(own.lastActivity) - Date.now()).toBeGreaterThan(86_000_000)
  })

  it('creates a key with the default name and shows its secret once', async () => {
    const res = await request('POST', '/api_keys', {})
    expect(res.status).toBe(200)
    const created = res.json.data
    expect(Object.keys(created)).toEqual(['id', 'name', 'lastIp', 'lastActivity', 'creationDate', 'apiKey'])
    expect(created).toMatchObject({
      name: stringMatching(/^api_key_[a-z0-9]{8}$/),
      lastIp: null,
      lastActivity: null,
    })
    expect(created.apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const listed = await request('GET', '/api_keys')
    expect(listed.json.data.map((k: { id: string }) => k.id)).toContain(created.id)
    expect(listed.text).not.toContain(created.apiKey)
    expect((await request('GET', '/users', undefined, created.apiKey)).status).toBe(200)
    const used = (await request('GET', '/api_keys')).json.data.find((k: { id: string }) => k.id === created.id)
    expect(used.lastIp).toBe('127.0.0.1')
  })

  it('creates a key with an empty body and with a trimmed given name', async () => {
    const bare = await request('POST', '/api_keys')
    expect(bare.json.data.name).toMatch(/^api_key_[a-z0-9]{8}$/)
    expect((await request('POST', '/api_keys', { name: '  ci-runner  ' })).json.data.name).toBe('ci-runner')
  })

  it('refuses blank, too long or non-string names and malformed JSON', async () => {
    expectError(await request('POST', '/api_keys', { name: '   ' }), 400, 'INVALID_PARAMETER', { field: 'name' })
    expectError(await request('POST', '/api_keys', { name: 'x'.repeat(256) }), 400, 'INVALID_PARAMETER', {
      field: 'name',
    })
    expect((await request('POST', '/api_keys', { name: 'x'.repeat(255) })).status).toBe(200)
    expectError(await request('POST', '/api_keys', { name: 7 }), 400, 'INVALID_PARAMETER', { field: 'name' })
    expectError(await request('POST', '/api_keys', '{"name":'), 400, 'INVALID_PARAMETER')
  })

  it('renames a key, allows duplicates, and needs a name', async () => {
    const [own, other] = (await request('GET', '/api_keys')).json.data
    const renamed = await request('PUT', `/api_keys/${other.id}`, { name: 'deploy' })
    expect(renamed.status).toBe(200)
    expect(renamed.json.data).toMatchObject({ id: other.id, name: 'deploy' })
    expect(renamed.json.data.apiKey).toBeUndefined()
    expect((await request('PUT', `/api_keys/${own.id}`, { name: 'deploy' })).status).toBe(200)
    expectError(await request('PUT', `/api_keys/${own.id}`, {}), 400, 'MISSING_PARAMETER', { field: 'name' })
    expectError(await request('PUT', `/api_keys/${own.id}`, { name: '' }), 400, 'INVALID_PARAMETER', { field: 'name' })
    expectError(
      await request('PUT', '/api_keys/5e854a75-11d2-47ea-a1b4-df7d5886294c', { name: 'x' }),
      404,
      'NOT_FOUND',
      {
        id: '5e854a75-11d2-47ea-a1b4-df7d5886294c',
      },
    )
  })

  it('deletes at once with 204: the key fails from the next request and its id is gone', async () => {
    const created = (await request('POST', '/api_keys', { name: 'temp' })).json.data
    const res = await request('DELETE', `/api_keys/${created.id}`)
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expectError(await request('GET', '/users', undefined, created.apiKey), 401, 'INVALID_CREDENTIALS')
    expectError(await request('DELETE', `/api_keys/${created.id}`), 404, 'NOT_FOUND', { id: created.id })
    expect((await request('GET', '/api_keys')).json.data.map((k: { id: string }) => k.id)).not.toContain(created.id)
  })

  it('ends the account’s own access when it deletes its own key', async () => {
    const [own] = (await request('GET', '/api_keys')).json.data
    expect((await request('DELETE', `/api_keys/${own.id}`)).status).toBe(204)
    expectError(await request('GET', '/api_keys'), 401, 'INVALID_CREDENTIALS')
  })

  it('acts only on the caller’s own keys', async () => {
    const otherKey = credential(account(sandbox, 'cloudmc', 2), 'apiKey')
    const [foreign] = (await request('GET', '/api_keys', undefined, otherKey)).json.data
    expectError(await request('DELETE', `/api_keys/${foreign.id}`), 404, 'NOT_FOUND', { id: foreign.id })
    expectError(await request('PUT', `/api_keys/${foreign.id}`, { name: 'mine' }), 404, 'NOT_FOUND')
  })

  it('answers a missing or unknown key with 401 invalid credentials', async () => {
    const expected = {
      errors: [
        { code: 'INVALID_CREDENTIALS', errorCode: 'INVALID_CREDENTIALS', message: 'Invalid credentials', context: {} },
      ],
    }
    const missing = await request('GET', '/api_keys', undefined, null)
    expect(missing.status).toBe(401)
    expect(missing.json).toEqual(expected)
    expect((await request('GET', '/users', undefined, 'not-a-key')).json).toEqual(expected)
  })

  it('reads the key header case-insensitively', async () => {
    const res = await call(`${endpoint}/users`, { headers: { 'mc-api-key': apiKey } })
    expect(res.status).toBe(200)
  })

  it('answers a wrong verb with 405 and an unknown path with 404', async () => {
    expectError(await request('POST', '/users', {}), 405, 'METHOD_NOT_ALLOWED')
    expectError(await request('GET', '/api_keys/5e854a75-11d2-47ea-a1b4-df7d5886294c'), 405, 'METHOD_NOT_ALLOWED')
    expectError(await request('DELETE', '/api_keys'), 405, 'METHOD_NOT_ALLOWED')
    expectError(await request('GET', '/instances'), 404, 'NOT_FOUND')
    expectError(await request('GET', '/api_keys/a/b'), 404, 'NOT_FOUND')
  })
})
