import { generateKeyPairSync, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox/index'
import { control, start } from './sandbox-harness'
import { expectError, payloadOf, post2, probe, signIn } from './sandbox-spaceone2-harness'

let sandbox: Sandbox
let secret: string
let ids: Sandbox['spaceone2']['ids']

const post = (path: string, body: unknown, bearer: string | null = secret) => post2(sandbox, path, body, bearer)
const wrapped = (inner: string): string =>
  `Authenticate failure. (message =  Authenticate failure. (message = ${inner}))`

function forge(payload: Record<string, unknown>): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const head = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url')
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${head}.${body}.${sign('sha256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`
}

beforeAll(async () => {
  sandbox = await start()
  secret = sandbox.spaceone2.secrets.credential
  ids = sandbox.spaceone2.ids
})
afterAll(() => sandbox.close())
beforeEach(async () => {
  expect((await control(sandbox, 'reset')).status).toBe(200)
})

describe('Cloudforet 2.x sandbox: tokens', () => {
  it('answers every bad token with 401 ERROR_AUTHENTICATE_FAILURE and its nested message', async () => {
    expectError(
      await post('/identity/app/list', {}, null),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      wrapped('empty token provided.'),
    )
    expectError(
      await post('/identity/app/list', {}, 'not-a-jwt'),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      wrapped('failed to decode token.'),
    )
    const forged = forge({ ...payloadOf(secret) })
    expectError(
      await post('/identity/app/list', {}, forged),
      401,
      'ERROR_AUTHENTICATE_FAILURE',
      wrapped('Token is invalid or expired.'),
    )
    const oneX = sandbox.accounts.find((a) => a.provider === 'spaceone')?.credentials as { token: string }
    expectError(await post('/identity/app/list', {}, oneX.token), 401, 'ERROR_AUTHENTICATE_FAILURE')
  })

  it('refuses an expired secret with 401 at once, honouring the configured leeway', async () => {
    const list = await post('/identity/app/get', { app_id: ids.expiredAppId })
    expect(list.json.state).toBe('ENABLED')
    const exp = Number(payloadOf(secret).exp)
    const state = await control(sandbox, 'state')
    const toExp = exp - Date.parse(state.json.now) / 1000
    await control(sandbox, 'clock', { advanceSeconds: toExp + 30 })
    expect(await probe(sandbox, secret)).toBe(401)
    await control(sandbox, 'config', { tokenLeewaySeconds: 60 })
    expect(await probe(sandbox, secret)).toBe(200)
  })

  it('refuses a secret of an app in a disabled workspace with 403', async () => {
    await post('/identity/role/list', {})
    const created = await post('/identity/app/create', {
      name: 'archive',
      role_id: 'managed-workspace-owner',
      resource_group: 'WORKSPACE',
      workspace_id: ids.disabledWorkspaceId,
    })
    expect(created.status).toBe(200)
    expect(await probe(sandbox, created.json.client_secret)).toBe(403)
    expect(await probe(sandbox, sandbox.spaceone2.secrets.workspace)).toBe(200)
  })
})

describe('Cloudforet 2.x sandbox: roles and scopes', () => {
  it('holds a workspace owner to its workspace: other apps are 404 and a DOMAIN create is refused', async () => {
    const owner = sandbox.spaceone2.secrets.workspace
    const listed = await post('/identity/app/list', { workspace_id: 'workspace-000000000000' }, owner)
    expect(listed.json.results.every((r: { workspace_id: string }) => r.workspace_id === ids.workspaceId)).toBe(true)
    expectError(await post('/identity/app/get', { app_id: ids.credentialAppId }, owner), 404, 'ERROR_NOT_FOUND')
    await post('/identity/role/list', {}, owner)
    const domainApp = { name: 'x', role_id: 'managed-domain-admin', resource_group: 'DOMAIN' }
    expectError(await post('/identity/app/create', domainApp, owner), 403, 'ERROR_PERMISSION_DENIED')
    const ws = await post(
      '/identity/app/create',
      { name: 'w', role_id: 'managed-workspace-owner', resource_group: 'WORKSPACE' },
      owner,
    )
    expect(ws.json.workspace_id).toBe(ids.workspaceId)
  })

  it('lets a domain admin list across the domain or narrow to one workspace', async () => {
    expect((await post('/identity/app/list', { query: { count_only: true } })).json.total_count).toBe(6)
    const narrowed = await post('/identity/app/list', { workspace_id: ids.workspaceId, query: { count_only: true } })
    expect(narrowed.json.total_count).toBe(2)
  })

  it('refuses app calls to a role without identity:App permissions but lets it list roles', async () => {
    await post('/identity/role/list', {})
    const created = await post('/identity/app/create', {
      name: 'auditor',
      role_id: ids.customRoleId,
      resource_group: 'DOMAIN',
    })
    expect(created.status).toBe(200)
    const auditor = created.json.client_secret as string
    expectError(await post('/identity/app/list', {}, auditor), 403, 'ERROR_PERMISSION_DENIED')
    expect(await probe(sandbox, auditor)).toBe(200)
  })
})

describe('Cloudforet 2.x sandbox: sign-in', () => {
  it('finds the domain by name without a token', async () => {
    const res = await post('/identity/domain/get-auth-info', { name: 'cloudforet' }, null)
    expect(res.json).toMatchObject({ domain_id: ids.domainId, name: 'cloudforet' })
    expectError(await post('/identity/domain/get-auth-info', { name: 'nowhere' }, null), 404, 'ERROR_NOT_FOUND')
  })

  it('issues a USER token that cannot manage apps, and grants DOMAIN_ADMIN that can', async () => {
    const admin = sandbox.spaceone2.users.find((u) => u.role === 'DOMAIN_ADMIN')
    if (!admin) throw new Error('no admin')
    const issued = await post(
      '/identity/token/issue',
      {
        credentials: { user_id: admin.userId, password: admin.password },
        auth_type: 'LOCAL',
        domain_id: admin.domainId,
      },
      null,
    )
    expect(Object.keys(issued.json)).toEqual(['access_token', 'refresh_token'])
    expect(payloadOf(issued.json.access_token)).toMatchObject({
      typ: 'ACCESS_TOKEN',
      own: 'USER',
      rol: 'USER',
      ver: '2.0',
    })
    expect(Number(payloadOf(issued.json.refresh_token).exp) - Number(payloadOf(issued.json.refresh_token).iat)).toBe(
      10_800,
    )
    expectError(await post('/identity/app/list', {}, issued.json.access_token), 403, 'ERROR_PERMISSION_DENIED')
    const granted = await post(
      '/identity/token/grant',
      { grant_type: 'REFRESH_TOKEN', token: issued.json.refresh_token, scope: 'DOMAIN' },
      null,
    )
    expect(granted.json).toMatchObject({
      role_type: 'DOMAIN_ADMIN',
      role_id: 'managed-domain-admin',
      domain_id: ids.domainId,
    })
    const p = payloadOf(granted.json.access_token)
    expect(Number(p.exp) - Number(p.iat)).toBe(1800)
    expect((await post('/identity/app/list', { query: { count_only: true } }, granted.json.access_token)).status).toBe(
      200,
    )
  })

  it('makes a domain admin granted WORKSPACE scope a workspace owner, and refuses a member app calls', async () => {
    const asOwner = await signIn(sandbox, 'admin@cloudforet.test', {
      scope: 'WORKSPACE',
      workspace_id: ids.workspaceId,
    })
    expect(payloadOf(asOwner)).toMatchObject({ rol: 'WORKSPACE_OWNER', wid: ids.workspaceId })
    const owner = await signIn(sandbox, 'owner@cloudforet.test', { scope: 'WORKSPACE', workspace_id: ids.workspaceId })
    expect((await post('/identity/app/list', {}, owner)).status).toBe(200)
    const member = await signIn(sandbox, 'member@cloudforet.test', {
      scope: 'WORKSPACE',
      workspace_id: ids.workspaceId,
    })
    expectError(await post('/identity/app/list', {}, member), 403, 'ERROR_PERMISSION_DENIED')
    expect(await probe(sandbox, member)).toBe(200)
  })

  it('answers a wrong password 401, an unknown user 404 and an MFA user 500 ERROR_MFA_REQUIRED', async () => {
    const issue = (userId: string, password: string) =>
      post(
        '/identity/token/issue',
        { credentials: { user_id: userId, password }, auth_type: 'LOCAL', domain_id: ids.domainId },
        null,
      )
    expectError(await issue('admin@cloudforet.test', 'wrong'), 401, 'ERROR_AUTHENTICATE_FAILURE')
    expectError(await issue('ghost@cloudforet.test', 'x'), 404, 'ERROR_NOT_FOUND')
    const mfa = sandbox.spaceone2.users.find((u) => u.role === 'MFA')
    expectError(await issue(mfa?.userId ?? '', mfa?.password ?? ''), 500, 'ERROR_MFA_REQUIRED')
  })

  it('serves endpoint/list without a token, and {} when there are none', async () => {
    const res = await post('/identity/endpoint/list', {}, null)
    expect(res.status).toBe(200)
    expect(res.json.results[0]).toMatchObject({
      service: 'identity',
      endpoint: 'grpc+ssl://identity.api.sandbox.test:443',
    })
    const empty = await start({ spaceoneServices: [] })
    try {
      expect((await post2(empty, '/identity/endpoint/list', {}, null)).json).toEqual({})
    } finally {
      await empty.close()
    }
  })
})
