import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView, Credential } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { vaultNames } from '../../src/main/core/vault'
import { MemoryVault } from '../support/memory-vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'

describe('a SpaceONE account signed in with an access token', () => {
  let sandbox: Sandbox
  let core: AppCore
  let dir: string
  const vault = new MemoryVault()

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'session', log: () => undefined })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-session-'))
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard: new MemoryClipboard() })
  })
  afterAll(async () => {
    await core.close()
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const advance = (seconds: number) =>
    fetch(`${sandbox.url}/__sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-token': sandbox.controlToken },
      body: JSON.stringify({ advanceSeconds: seconds }),
    })

  it('renews an expired access token with its refresh token, stores the new pair, and keeps listing', async () => {
    const user = sandbox.spaceone.users.find((u) => u.role === 'USER')!
    const issued = await fetch(`${sandbox.url}/identity/token/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: user.userId,
        credentials: { password: user.password },
        user_type: 'USER',
        domain_id: user.domainId,
      }),
    })
    expect(issued.status).toBe(200)
    const pair = (await issued.json()) as { access_token: string; refresh_token: string }
    const added = await core.invoke('accounts.add', {
      provider: 'spaceone',
      label: 'Signed in',
      endpoint: sandbox.url,
      credential: { provider: 'spaceone', token: pair.access_token, refreshToken: pair.refresh_token },
    })
    expect(added.ok).toBe(true)
    const account = (added as { value: AccountView }).value

    expect((await advance(1300)).status).toBe(200) // past the access token's 1200 s, inside the refresh token's 1800 s
    const listed = await core.invoke('keys.list', { accountId: account.id })
    expect(listed.ok).toBe(true)
    const stored = JSON.parse((await vault.get(vaultNames.credential('spaceone', account.id)))!) as Credential
    expect(stored.token).not.toBe(pair.access_token)
    expect(stored.refreshToken).toBeTruthy()
    expect(((await core.invoke('accounts.list', {})) as { value: AccountView[] }).value[0].status).toBe('ok')
  })

  it('asks the user to sign in again once the refresh token has expired too', async () => {
    const account = ((await core.invoke('accounts.list', {})) as { value: AccountView[] }).value[0]
    expect((await advance(4000)).status).toBe(200)
    const listed = await core.invoke('keys.list', { accountId: account.id })
    expect(listed).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', accountId: account.id } })
    expect((listed as { error: { message: string } }).error.message).toMatch(/sign in again/)
    expect(((await core.invoke('accounts.list', {})) as { value: AccountView[] }).value[0].status).toBe('rejected')
  })
})
