import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, seed, tempDir } from './harness'
import { objectContaining } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('keydesk accounts', () => {
  let sb: Sandbox
  let dir: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox()
    dir = tempDir('accounts')
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('adds an account from a credential piped on standard input and lists it as JSON', async () => {
    const cloudmc = seed(sb, 'cloudmc')
    const id = await addAccount(dir, cloudmc, 'CI runner')
    const list = await keydesk(dir, ['accounts', 'list', '--json'])
    expect(list.code).toBe(0)
    const { accounts } = list.json<{ accounts: Record<string, unknown>[] }>()
    expect(accounts).toEqual([
      objectContaining({ id, provider: 'cloudmc', label: 'CI runner', endpoint: cloudmc.endpoint }),
    ])
    expect(Object.keys(accounts[0] ?? {}).sort()).toEqual(
      ['createdAt', 'demo', 'endpoint', 'facts', 'id', 'label', 'propagationWindowSec', 'provider', 'status'].sort(),
    )
    // The credential went to the keychain, never to a file in the data directory.
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(
      String((cloudmc.credentials as { apiKey: string }).apiKey),
    )
  })

  it('prints a table for people and says how to add an account when there is none', async () => {
    const empty = tempDir('empty')
    try {
      const r = await keydesk(empty, ['accounts', 'list'])
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/No accounts yet\. Add one with `keydesk accounts add`/)
    } finally {
      removeDir(empty)
    }
    const r = await keydesk(dir, ['accounts', 'list'])
    expect(r.stdout.split('\n')[0]).toMatch(/^ID\s+PROVIDER\s+LABEL\s+STATUS\s+ENDPOINT$/)
  })

  it('refuses an empty standard input with exit 2 and adds nothing', async () => {
    const r = await keydesk(dir, [
      'accounts',
      'add',
      '--provider',
      'cloudmc',
      '--label',
      'Nothing',
      '--endpoint',
      seed(sb, 'cloudmc').endpoint,
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Standard input was empty')
    expect((await keydesk(dir, ['accounts', 'list', '--json'])).json().accounts).toHaveLength(1)
  })

  it('refuses standard input that is not JSON with exit 2', async () => {
    const r = await keydesk(
      dir,
      ['accounts', 'add', '--provider', 'cloudmc', '--label', 'X', '--endpoint', seed(sb, 'cloudmc').endpoint],
      { input: 'apiKey=abc' },
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('not JSON')
  })

  it('refuses a credential the service rejects with the authentication exit code and adds nothing', async () => {
    const r = await keydesk(
      dir,
      [
        'accounts',
        'add',
        '--json',
        '--provider',
        'cloudmc',
        '--label',
        'Wrong',
        '--endpoint',
        seed(sb, 'cloudmc').endpoint,
      ],
      { input: JSON.stringify({ apiKey: 'x'.repeat(43) }) },
    )
    expect(r.code).toBe(3)
    expect(r.json().error).toMatchObject({ code: 'AUTH_FAILED', exitCode: 3 })
    expect(r.stderr).toMatch(/^keydesk: /)
    expect((await keydesk(dir, ['accounts', 'list', '--json'])).json().accounts).toHaveLength(1)
  })

  it('names an unknown account clearly, with exit 2', async () => {
    const r = await keydesk(dir, ['accounts', 'check', 'no-such-account'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('No account "no-such-account" in KeyDesk')
  })

  it('checks an account and finds it working', async () => {
    const r = await keydesk(dir, ['accounts', 'check', 'CI runner', '--json'])
    expect(r.code).toBe(0)
    expect(r.json().account.status).toBe('ok')
  })

  it('updates the label and the propagation window', async () => {
    const r = await keydesk(dir, ['accounts', 'update', 'CI runner', '--label', 'CI', '--window', '120', '--json'])
    expect(r.code).toBe(0)
    expect(r.json().account).toMatchObject({ label: 'CI', propagationWindowSec: 120 })
  })

  it('imports the accounts of a file, and a file that is not an accounts file changes nothing', async () => {
    const bogus = join(dir, 'accounts.json')
    writeFileSync(bogus, '{"hello": "world"}')
    const bad = await keydesk(dir, ['accounts', 'import', bogus])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^keydesk: /)
    const binary = join(dir, 'accounts.yaml')
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))
    expect((await keydesk(dir, ['accounts', 'import', binary])).code).toBe(2)
    const huge = join(dir, 'huge.json')
    writeFileSync(huge, ' '.repeat(1_000_001))
    const tooLarge = await keydesk(dir, ['accounts', 'import', huge])
    expect(tooLarge.code).toBe(2)
    expect(tooLarge.stderr).toContain('larger than 1 MB')
    expect((await keydesk(dir, ['accounts', 'list', '--json'])).json().accounts).toHaveLength(1)

    const onqlave = seed(sb, 'onqlave')
    const good = join(dir, 'team.json')
    writeFileSync(
      good,
      JSON.stringify({
        accounts: [
          { provider: 'onqlave', label: 'Team Onqlave', endpoint: onqlave.endpoint, credentials: onqlave.credentials },
        ],
      }),
    )
    const r = await keydesk(dir, ['accounts', 'import', good, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.json().added).toEqual([objectContaining({ provider: 'onqlave', label: 'Team Onqlave' })])
  })

  it('removes an account only when confirmed: a script must say --yes', async () => {
    const refused = await keydesk(dir, ['accounts', 'remove', 'Team Onqlave'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('add --yes')
    expect((await keydesk(dir, ['accounts', 'list', '--json'])).json().accounts).toHaveLength(2)
    const r = await keydesk(dir, ['accounts', 'remove', 'Team Onqlave', '--yes'])
    expect(r.code).toBe(0)
    expect((await keydesk(dir, ['accounts', 'list', '--json'])).json().accounts).toHaveLength(1)
  })

  it('answers usage mistakes with exit 2 and help on every command', async () => {
    expect((await keydesk(dir, ['accounts', 'frobnicate'])).code).toBe(2)
    expect((await keydesk(dir, ['accounts', 'add', '--provider', 'aws'])).code).toBe(2)
    for (const args of [
      ['--help'],
      ['accounts', '--help'],
      ['keys', 'create', '--help'],
      ['exec', '--help'],
      ['audit', '--help'],
    ]) {
      const r = await keydesk(dir, args)
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/^Usage: keydesk/)
    }
  })
})
