import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scrubbed } from '../../src/main/core/scrub'
import { openSettings } from '../../src/main/core/settings'
import { AppError } from '../../src/shared/errors'
import type { Sandbox } from '../../src/sandbox'
import { addAccount, openCore, removeDir, testSandbox, type Harness } from './create-harness'
import { credentialOf } from './providers-support'

let sb: Sandbox
let h: Harness
beforeAll(async () => {
  sb = await testSandbox({ seed: 'account-guards' })
  h = openCore()
})
afterAll(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

describe('account guards', () => {
  it('never sends a stored credential to a new server: moving an account needs the credential again', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    const moved = await h.failure('accounts.update', { id: account.id, endpoint: 'https://elsewhere.example/api/v2' })
    expect(moved.code).toBe('INVALID_INPUT')
    expect(moved.message).toMatch(/needs its credential again/)
    expect((await h.call('accounts.list', {})).find((a) => a.id === account.id)?.endpoint).toBe(account.endpoint)
    const relabelled = await h.call('accounts.update', { id: account.id, label: 'Work portal' })
    expect(relabelled.label).toBe('Work portal')
  })

  it('saves an account once when the same add is submitted twice at once', async () => {
    const seed = sb.accounts.find((a) => a.provider === 'onqlave')!
    const input = {
      provider: 'onqlave' as const,
      label: seed.label,
      endpoint: seed.endpoint,
      credential: credentialOf(seed),
    }
    const [a, b] = await Promise.all([h.call('accounts.add', input), h.call('accounts.add', input)])
    expect(a.id).toBe(b.id)
    expect((await h.call('accounts.list', {})).filter((x) => x.provider === 'onqlave')).toHaveLength(1)
  })
})

describe('errors from a service that echoes the credential', () => {
  it('carry the message without the credential, keeping code and account', () => {
    const err = scrubbed(
      new AppError('INVALID_INPUT', 'key sk-abcdefgh123 is malformed (sk-abcdefgh123)', { accountId: 'a1' }),
      { provider: 'cloudmc', apiKey: 'sk-abcdefgh123' },
    )
    expect(err).toMatchObject({ code: 'INVALID_INPUT', accountId: 'a1', message: 'key … is malformed (…)' })
  })
})

describe('settings records', () => {
  it('drop a propagation record whose times are not real dates instead of arming a timer for NaN', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-bad-record-'))
    const account = {
      id: 'a1',
      provider: 'spaceone',
      label: 'S',
      endpoint: sb.url,
      facts: {},
      demo: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      propagationWindowSec: 600,
      refreshIntervalSec: 60,
    } as const
    const settings = openSettings(dir, '0.1.0')
    settings.set('accounts', [account])
    settings.set('propagations', [
      {
        accountId: 'a1',
        keyId: 'api-key-000000000000',
        op: 'disable',
        requestedAt: 'soon',
        settleBy: 'later',
        state: 'propagating',
      },
    ])
    const core = openCore({ dir })
    await core.core.start()
    expect(await core.call('propagation.list', {})).toEqual([])
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })
})
