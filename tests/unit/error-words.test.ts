// Each service's real failure modes, through the core as the renderer calls it: what happened and what to do.
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { openCore, removeDir, testSandbox, type Harness } from './create-harness'
import { credentialOf } from './providers-support'

let sb: Sandbox
let h: Harness
let silent: Server
let silentUrl = ''

beforeAll(async () => {
  sb = await testSandbox({ seed: 'error-words' })
  h = openCore()
  silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()))
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`
})
afterAll(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
  silent.close()
})

const seed = (provider: 'spaceone' | 'cloudmc' | 'onqlave' | 'spaceone-apps') => {
  const s = sb.accounts.find((a) => a.provider === provider)
  if (!s) throw new Error(`no ${provider} seed`)
  return s
}

/** Cancels a request to the silent host once it is in flight (the host has its connection); its failure. */
async function cancelledOnceSent(pending: Promise<{ code: string }>, requestId: string): Promise<{ code: string }> {
  await new Promise<void>((resolve) => silent.once('connection', () => resolve()))
  await h.call('accounts.cancel', { requestId })
  return pending
}
/** The token with its signature replaced: well formed, and refused by the service that issued it. */
const forge = (token: string): string =>
  `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`
const SILENT_KEY = { provider: 'cloudmc', apiKey: 'some-key-0123456789' } as const

describe('errors in words', () => {
  it('a typo in the Onqlave tenant id is reported as the tenant, not as a missing permission', async () => {
    const s = seed('onqlave')
    const cred = credentialOf(s)
    if (cred.provider !== 'onqlave') throw new Error('not Onqlave')
    const err = await h.failure('accounts.validate', {
      provider: 'onqlave',
      endpoint: s.endpoint,
      credential: { ...cred, tenantId: `${cred.tenantId}x` },
    })
    expect(err.message).toContain(`does not belong to tenant ${cred.tenantId}x`)
    expect(err.message).toMatch(/Check the tenant id/)
    expect(err.message).not.toMatch(/administrator|not allowed/)
  })

  it('a new account with a wrong credential is told to check what was pasted, not to sign in again', async () => {
    const s = seed('cloudmc')
    const err = await h.failure('accounts.add', {
      provider: 'cloudmc',
      label: 'Wrong key',
      endpoint: s.endpoint,
      credential: { provider: 'cloudmc', apiKey: 'not-the-right-key-at-all' },
    })
    expect(err.code).toBe('AUTH_FAILED')
    expect(err.message).toMatch(
      /CloudMC at 127\.0\.0\.1:\d+ did not accept the API key you entered\. Check that you copied all of it/,
    )
    expect(err.message).not.toMatch(/sign in again/)
  })

  it('a refused SpaceONE credential is named by the one field filled, spelled as the form spells it', async () => {
    const s = seed('spaceone')
    const err = await h.failure('accounts.validate', {
      provider: 'spaceone',
      endpoint: s.endpoint,
      credential: { provider: 'spaceone', token: forge(credentialOf(s).token ?? '') },
    })
    expect(err.code).toBe('AUTH_FAILED')
    expect(err.message).toContain('did not accept the API key, client secret or access token (JWT) you entered.')
    expect(err.message).not.toMatch(/password|refresh token|jwt/)
  })

  it('a refused Cloudforet secret saved through the SpaceONE form names the field it was pasted in', async () => {
    const s = seed('spaceone-apps')
    const err = await h.failure('accounts.add', {
      provider: 'spaceone',
      label: 'Wrong secret',
      endpoint: s.endpoint,
      credential: { provider: 'spaceone', token: forge(credentialOf(s).token ?? '') },
    })
    expect(err.code).toBe('AUTH_FAILED')
    expect(err.message).toMatch(
      /^Cloudforet at 127\.0\.0\.1:\d+ did not accept the API key, client secret or access token \(JWT\) you entered\./,
    )
  })

  it('Test connection to a host that never answers can be cancelled, and says so', async () => {
    const requestId = 'cancel-test-connection'
    const pending = h.failure('accounts.validate', {
      provider: 'cloudmc',
      endpoint: `${silentUrl}/api/v2`,
      credential: SILENT_KEY,
      requestId,
    })
    expect(await cancelledOnceSent(pending, requestId)).toMatchObject({ code: 'CANCELLED' })
  })

  it('a cancelled Save adds nothing', async () => {
    const requestId = 'cancel-save-account'
    const pending = h.failure('accounts.add', {
      provider: 'cloudmc',
      label: 'Never saved',
      endpoint: `${silentUrl}/api/v2`,
      credential: SILENT_KEY,
      requestId,
    })
    expect(await cancelledOnceSent(pending, requestId)).toMatchObject({ code: 'CANCELLED' })
    expect((await h.call('accounts.list', {})).map((a) => a.label)).not.toContain('Never saved')
  })

  it('a cancelled move to another server changes nothing: the endpoint and the stored credential stay', async () => {
    const s = seed('cloudmc')
    const added = await h.call('accounts.add', {
      provider: 'cloudmc',
      label: 'Staying put',
      endpoint: s.endpoint,
      credential: credentialOf(s),
    })
    const requestId = 'cancel-update-account'
    const pending = h.failure('accounts.update', {
      id: added.id,
      endpoint: `${silentUrl}/api/v2`,
      credential: SILENT_KEY,
      requestId,
    })
    expect(await cancelledOnceSent(pending, requestId)).toMatchObject({ code: 'CANCELLED' })
    const after = (await h.call('accounts.list', {})).find((a) => a.id === added.id)
    expect(after?.endpoint).toBe(s.endpoint)
    expect((await h.call('keys.list', { accountId: added.id })).keys.length).toBeGreaterThan(0)
  })
})
