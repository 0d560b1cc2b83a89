// Cloudforet 2.x through the real core on the real sandbox: one SpaceONE / Cloudforet choice that tells 1.x from 2.x,
// sign-in without keeping the password, apps created and regenerated, the old secret's window, and expiry reminders.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/model'
import type { Sandbox } from '../../src/sandbox'
import { vaultNames } from '../../src/main/core/vault'
import { openCore, removeDir, sandboxControl, testSandbox, until, type Harness } from './create-harness'

let sb: Sandbox
let h: Harness

beforeAll(async () => {
  sb = await testSandbox({ seed: 'cf2-core' })
})
afterAll(() => sb.close())
beforeEach(async () => {
  await sandboxControl(sb, 'reset')
  h = openCore()
  await h.core.start()
})
async function done(): Promise<void> {
  await h.close()
  removeDir(h.dir)
}

const addCloudforet = (token = sb.spaceone2.secrets.credential): Promise<AccountView> =>
  h.call('accounts.add', {
    provider: 'spaceone',
    label: 'Cloudforet',
    endpoint: sb.spaceone2.endpoint,
    credential: { provider: 'spaceone', token },
  })

describe('one SpaceONE / Cloudforet choice', () => {
  it('keeps a 1.x API key as SpaceONE and a 2.x client secret as Cloudforet, and says which it found', async () => {
    const oneX = sb.accounts.find((a) => a.provider === 'spaceone')!
    const token1 = (oneX.credentials as { token: string }).token
    const first = await h.call('accounts.validate', {
      provider: 'spaceone',
      endpoint: oneX.endpoint,
      credential: { provider: 'spaceone', token: token1 },
    })
    expect(first.summary).toMatch(/^SpaceONE 1\.x: /)
    const second = await h.call('accounts.validate', {
      provider: 'spaceone',
      endpoint: sb.spaceone2.endpoint,
      credential: { provider: 'spaceone', token: sb.spaceone2.secrets.credential },
    })
    expect(second.summary).toMatch(/^Cloudforet 2\.x: app app-/)
    const account = await addCloudforet()
    expect(account).toMatchObject({ provider: 'spaceone-apps', facts: { version: '2.x', role: 'DOMAIN_ADMIN' } })
    expect(account.facts.ownKeyId).toBe(sb.spaceone2.ids.credentialAppId)
    await done()
  })

  it('signs in with a password, keeps only the tokens, and lists apps', async () => {
    const admin = sb.spaceone2.users.find((u) => u.role === 'DOMAIN_ADMIN')!
    const account = await h.call('accounts.add', {
      provider: 'spaceone',
      label: 'Signed in',
      endpoint: sb.spaceone2.endpoint,
      credential: { provider: 'spaceone', domainName: 'cloudforet', userId: admin.userId, password: admin.password },
    })
    expect(account.provider).toBe('spaceone-apps')
    const stored = await h.vault.get(vaultNames.credential('spaceone-apps', account.id))
    expect(stored).not.toContain(admin.password)
    expect(Object.keys(JSON.parse(stored ?? '{}') as object).sort()).toEqual(['provider', 'refreshToken', 'token'])
    expect((await h.call('keys.list', { accountId: account.id })).keys).toHaveLength(6)
    await done()
  })

  it('sends the password exactly as typed: a space around it is part of it, not trimmed away', async () => {
    const admin = sb.spaceone2.users.find((u) => u.role === 'DOMAIN_ADMIN')!
    const add = (password: string) =>
      h.call('accounts.add', {
        provider: 'spaceone',
        label: 'Signed in',
        endpoint: sb.spaceone2.endpoint,
        credential: { provider: 'spaceone', domainName: 'cloudforet', userId: admin.userId, password },
      })
    await expect(add(` ${admin.password} `)).rejects.toMatchObject({ code: 'AUTH_FAILED' })
    expect((await add(admin.password)).provider).toBe('spaceone-apps')
    await done()
  })
})

describe('apps through the core', () => {
  it('creates an app with role, tags and expiry, and offers the console exports', async () => {
    const account = await addCloudforet()
    const options = await h.call('keys.createOptions', { accountId: account.id })
    expect(options?.roles?.map((r) => r.id)).toContain('managed-workspace-owner')
    const created = await h.call('keys.create', {
      accountId: account.id,
      requestId: 'cf2-core-create-1',
      keep: true,
      name: 'ci-runner',
      roleId: 'managed-workspace-owner',
      workspaceId: sb.spaceone2.ids.workspaceId,
      tags: { team: 'ci' },
      expiresAt: '2027-06-01T00:00:00.000Z',
    })
    expect(created.key).toMatchObject({ name: 'ci-runner', expiresAt: '2027-06-01T00:00:00.000Z' })
    expect(created.parts.map((p) => p.label)).toEqual(['App ID', 'Client ID', 'Client secret'])
    expect(created.exports.map((e) => e.fileName)).toEqual(['client_secret', 'spacectl_config'])
    const file = await h.call('keys.export', { handle: created.handle, format: 'spacectl_config' })
    expect(file.content).toMatch(/^token: eyJ/)
    expect((await h.call('keys.try', { accountId: account.id, keyId: created.key.keyId })).ok).toBe(true)
    await done()
  })

  it("regenerates the account's own app: the new secret is stored at once and the old one retires over the window", async () => {
    const account = await addCloudforet()
    await h.call('accounts.update', { id: account.id, propagationWindowSec: 1 })
    const old = sb.spaceone2.secrets.credential
    const appId = sb.spaceone2.ids.credentialAppId
    await h.call('keys.list', { accountId: account.id })
    const next = await h.call('keys.regenerate', {
      accountId: account.id,
      keyId: appId,
      requestId: 'cf2-core-regen-1',
      keep: false,
    })
    const stored = JSON.parse((await h.vault.get(vaultNames.credential('spaceone-apps', account.id))) ?? '{}') as {
      token?: string
    }
    expect(stored.token).not.toBe(old)
    const exported = await h.call('keys.export', { handle: next.handle, format: 'client_secret' })
    expect(stored.token).toBe((JSON.parse(exported.content ?? '{}') as { client_secret?: string }).client_secret)
    const record = (await h.call('propagation.list', {})).find((p) => p.keyId === appId)
    expect(record).toMatchObject({ op: 'regenerate', state: 'propagating' })
    expect(await h.core.regeneration.probeRetired(account.id, appId)).toBe('accepted')
    await sandboxControl(sb, 'clock', { advanceSeconds: 301 })
    expect(await h.core.regeneration.probeRetired(account.id, appId)).toBe('refused')
    expect((await h.call('keys.list', { accountId: account.id })).keys.length).toBe(6)
    const settled = await until('the regenerate to settle', async () => {
      const r = (await h.call('propagation.list', {})).find((p) => p.keyId === appId)
      return r?.state === 'settled' ? r : undefined
    })
    // Settled on evidence: the retired secret was tried and refused, not merely on the clock.
    expect(settled.note).toMatch(/refused/)
    await done()
  })

  it('reminds once about an app that expires within a week, through the notify event', async () => {
    const account = await addCloudforet()
    await h.call('keys.list', { accountId: account.id })
    await h.call('keys.list', { accountId: account.id })
    const reminders = h.events
      .filter((e) => e.name === 'notify')
      .map((e) => (e.payload as { title: string }).title)
      .filter((t) => t.startsWith('report-bot'))
    expect(reminders).toEqual(['report-bot expires in 6 days'])
    await done()
  })
})
