import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type AppError } from '../../src/shared/errors'
import { providers } from '../../src/main/providers/index'
import { resolveSpaceone } from '../../src/main/providers/spaceone-detect'
import type { Sandbox } from './providers-support'
import { accountOf, caught, control, recordingHttp, scriptedHttp, seeds, startTestSandbox } from './providers-support'
import { account2, ctx2, payloadOf } from './providers-spaceone-apps-support'
import { objectContaining } from '../support/match'

const apps = providers['spaceone-apps']
let sb: Sandbox
let ids: Sandbox['spaceone2']['ids']

beforeAll(async () => {
  sb = await startTestSandbox()
  ids = sb.spaceone2.ids
})
afterAll(() => sb.close())
beforeEach(async () => {
  await control(sb, 'reset')
  await control(sb, 'config', { propagationSeconds: 300 })
})

async function newApp() {
  const { http } = recordingHttp()
  const result = await apps.create(ctx2(sb, http), { name: 'ci', roleId: 'managed-domain-admin' })
  return { http, key: result.key, secret: result.secret! }
}

describe('Cloudforet 2.x adapter: lifecycle', () => {
  it('renames, replaces tags, disables, enables and deletes an app', async () => {
    const { http, key } = await newApp()
    const ctx = ctx2(sb, http)
    expect((await apps.rename!(ctx, key.keyId, 'renamed')).name).toBe('renamed')
    expect((await apps.setTags!(ctx, key.keyId, { team: 'ci' })).extra.tags).toBe('team=ci')
    expect((await apps.disable!(ctx, key.keyId)).state).toBe('disabled')
    expect((await apps.enable!(ctx, key.keyId)).state).toBe('enabled')
    expect(await apps.delete(ctx, key.keyId)).toBeNull()
    expect(await apps.get(ctx, key.keyId)).toBeNull()
  })

  it('counts a name in characters, as Cloudforet does: 40 emoji are taken, 41 refused before asking', async () => {
    const { http, key } = await newApp()
    const ctx = ctx2(sb, http)
    expect((await apps.rename!(ctx, key.keyId, '🔑'.repeat(40))).name).toBe('🔑'.repeat(40))
    const refused = await caught(apps.rename!(ctx, key.keyId, '🔑'.repeat(41)))
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: 'App names are at most 40 characters.' })
  })

  it('regenerates: a new client id and secret at once, while the old secret works until the cache expires', async () => {
    const { http, key, secret } = await newApp()
    expect((await apps.tryKey(http, account2(sb), secret)).ok).toBe(true)
    const next = await apps.regenerate!(ctx2(sb, http), key.keyId, '2027-01-01T00:00:00.000Z')
    expect(next.key.extra.clientId).not.toBe(key.extra.clientId)
    expect(next.key.expiresAt).toBe('2027-01-01T00:00:00.000Z')
    expect(payloadOf(next.secret?.fields.client_secret ?? '').jti).toBe(next.key.extra.clientId)
    expect((await apps.tryKey(http, account2(sb), next.secret!)).ok).toBe(true)
    expect((await apps.tryKey(http, account2(sb), secret)).ok).toBe(true)
    await control(sb, 'clock', { advanceSeconds: 301 })
    const old = await apps.tryKey(http, account2(sb), secret)
    expect(old).toMatchObject({ ok: false, refused: true })
  })

  it('probes a disabled secret as refused only after the cache TTL, and an expired one at once', async () => {
    const { http, key, secret } = await newApp()
    expect((await apps.tryKey(http, account2(sb), secret)).ok).toBe(true)
    await apps.disable!(ctx2(sb, http), key.keyId)
    expect((await apps.tryKey(http, account2(sb), secret)).ok).toBe(true)
    await control(sb, 'clock', { advanceSeconds: 301 })
    expect((await apps.tryKey(http, account2(sb), secret)).message).toContain('disabled or deleted')
    const past = await apps.create(ctx2(sb, http), {
      name: 'p',
      roleId: 'managed-domain-admin',
      expiresAt: '2020-01-01T00:00:00Z',
    })
    expect(past.key).toMatchObject({ state: 'disabled', extra: objectContaining({ expired: 'true' }) })
    expect((await apps.tryKey(http, account2(sb), past.secret!)).message).toContain('expired')
  })

  it('refuses to change a managed app with a permission error, not a crash', async () => {
    const { http } = recordingHttp()
    const err = await caught(apps.disable!(ctx2(sb, http), ids.managedAppId))
    expect((err as AppError).code).toBe('PERMISSION_DENIED')
  })

  it('maps 401, unsupported paths, unknown fields and an unreadable answer to errors that say what to do', async () => {
    const cases: [number, unknown, string][] = [
      [401, { detail: { code: 'ERROR_AUTHENTICATE_FAILURE', message: 'x' } }, 'AUTH_FAILED'],
      [500, { detail: { code: 'ERROR_UNSUPPORTED_API', message: 'x' } }, 'NOT_SUPPORTED'],
      [500, { detail: { code: 'ERROR_UNKNOWN', message: 'no field named "domain_id"' } }, 'PROVIDER_ERROR'],
      [404, { detail: { code: 'ERROR_NOT_FOUND', message: ' gone' } }, 'NOT_FOUND'],
      [400, { detail: { code: 'ERROR_NOT_ALLOWED_ROLE_TYPE', message: ' x' } }, 'INVALID_INPUT'],
      [200, 'not json', 'PROVIDER_ERROR'],
    ]
    for (const [status, body, code] of cases) {
      const { http } = scriptedHttp(status, body)
      const err = await caught(apps.list(ctx2(sb, http)))
      expect((err as AppError).code).toBe(code)
    }
  })
})

describe('SpaceONE / Cloudforet: telling 1.x from 2.x, and signing in', () => {
  it('tells the versions apart offline from the credential', async () => {
    const { http, calls } = recordingHttp()
    const oneX = seeds(sb, 'spaceone')[0]
    const token1 = (oneX.credentials as { token: string }).token
    expect((await resolveSpaceone(http, accountOf(oneX), { provider: 'spaceone', token: token1 })).provider).toBe(
      'spaceone',
    )
    const token2 = sb.spaceone2.secrets.credential
    const two = await resolveSpaceone(http, account2(sb), { provider: 'spaceone', token: token2 })
    expect(two).toEqual({ provider: 'spaceone-apps', token: token2 })
    expect(calls).toHaveLength(0)
  })

  it('asks the app/list probe when the credential does not say: 2.x answers 401, 1.x 404', async () => {
    const head = Buffer.from('{"alg":"RS256"}').toString('base64url')
    const opaque = `${head}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`
    const { http } = recordingHttp()
    expect((await resolveSpaceone(http, account2(sb), { provider: 'spaceone', token: opaque })).provider).toBe(
      'spaceone-apps',
    )
    const oneX = accountOf(seeds(sb, 'spaceone')[0])
    expect((await resolveSpaceone(http, oneX, { provider: 'spaceone', token: opaque })).provider).toBe('spaceone')
    const unsupported = scriptedHttp(500, { detail: { code: 'ERROR_UNSUPPORTED_API', message: 'x' } })
    expect((await resolveSpaceone(unsupported.http, oneX, { provider: 'spaceone', token: opaque })).provider).toBe(
      'spaceone',
    )
  })

  it('signs in with domain name, user and password, keeps no password, and renews by grant', async () => {
    const admin = sb.spaceone2.users.find((u) => u.role === 'DOMAIN_ADMIN')!
    const { http, calls } = recordingHttp()
    const entered = {
      provider: 'spaceone' as const,
      domainName: 'cloudforet',
      userId: admin.userId,
      password: admin.password,
    }
    const credential = await resolveSpaceone(http, account2(sb), entered)
    expect(Object.keys(credential).sort()).toEqual(['provider', 'refreshToken', 'token'])
    expect(JSON.stringify(credential)).not.toContain(admin.password)
    expect(calls.map((c) => c.url.split('/spaceone2')[1])).toEqual([
      '/identity/domain/get-auth-info',
      '/identity/token/issue',
      '/identity/token/grant',
    ])
    expect(calls.every((c) => c.headers.authorization === undefined)).toBe(true)
    expect(payloadOf(credential.token ?? '')).toMatchObject({ rol: 'DOMAIN_ADMIN', own: 'USER' })
    const facts = await apps.validate({ account: account2(sb), credential, http })
    expect(facts.facts.ownKeyId).toBeUndefined()
    const renewed = await apps.renew!(http, account2(sb), credential)
    expect(renewed?.token).not.toBe(credential.token)
    expect(renewed?.refreshToken).toBe(credential.refreshToken)
  })

  it('signs a workspace owner in to its workspace and says what to do for an MFA user or a wrong password', async () => {
    const owner = sb.spaceone2.users.find((u) => u.role === 'WORKSPACE_OWNER')!
    const { http } = recordingHttp()
    const base = { provider: 'spaceone' as const, domainName: 'cloudforet' }
    const credential = await resolveSpaceone(http, account2(sb), {
      ...base,
      userId: owner.userId,
      password: owner.password,
      workspaceId: ids.workspaceId,
    })
    expect(credential.workspaceId).toBe(ids.workspaceId)
    expect(payloadOf(credential.token ?? '')).toMatchObject({ rol: 'WORKSPACE_OWNER', wid: ids.workspaceId })
    const mfa = sb.spaceone2.users.find((u) => u.role === 'MFA')!
    const mfaErr = await caught(
      resolveSpaceone(http, account2(sb), { ...base, userId: mfa.userId, password: mfa.password }),
    )
    expect((mfaErr as AppError).message).toContain('client secret')
    const wrong = await caught(resolveSpaceone(http, account2(sb), { ...base, userId: owner.userId, password: 'nope' }))
    expect((wrong as AppError).code).toBe('AUTH_FAILED')
  })
})
