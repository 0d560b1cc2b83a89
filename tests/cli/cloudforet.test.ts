import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { keydesk, removeDir, requireBundle, sandbox, seed, tempDir } from './harness'

requireKeyringInCi()

const DAY = 86_400_000

interface KeyOut {
  readonly keyId: string
  readonly name: string
  readonly state: string
  readonly expiresAt?: string
  readonly extra: Record<string, string>
}

describe.skipIf(!hasKeyring)('keydesk with a Cloudforet 2.x account', () => {
  let sb: Sandbox
  let dir: string
  let cf: string
  let added: { provider: string; facts: Record<string, string> }
  let addedText: string
  let other: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-cf2' })
    dir = tempDir('cf2')
    const account = seed(sb, 'spaceone-apps')
    // Added as the one SpaceONE / Cloudforet choice: KeyDesk finds out which version it is.
    const add = (into: string, json: boolean) =>
      keydesk(
        into,
        [
          'accounts',
          'add',
          ...(json ? ['--json'] : []),
          '--provider',
          'spaceone',
          '--label',
          'CF',
          '--endpoint',
          account.endpoint,
        ],
        { input: JSON.stringify(account.credentials) },
      )
    const r = await add(dir, true)
    if (r.code !== 0) throw new Error(r.stderr)
    const out = r.json<{ account: { id: string; provider: string; facts: Record<string, string> } }>().account
    cf = out.id
    added = out
    other = tempDir('cf2-human')
    addedText = (await add(other, false)).stdout
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
    removeDir(other)
  })

  const keysOf = async (): Promise<KeyOut[]> =>
    (await keydesk(dir, ['keys', 'list', '--account', cf, '--json'])).json<{ keys: KeyOut[] }>().keys

  it('adds a 2.x app secret given as SpaceONE, as Cloudforet 2.x, and says so', () => {
    expect(added.provider).toBe('spaceone-apps')
    expect(added.facts.version).toBe('2.x')
    expect(addedText).toContain('It runs Cloudforet 2.x.')
  })

  it('lists the roles an app can be given, each with its scope', async () => {
    const r = await keydesk(dir, ['keys', 'options', '--account', cf, '--json'])
    expect(r.code).toBe(0)
    const { roles } = r.json<{ options: { roles: { id: string; scope: string }[] } }>().options
    expect(roles).toEqual(
      expect.arrayContaining([{ ...roles.find((x) => x.id === 'managed-domain-admin'), scope: 'DOMAIN' }]),
    )
  })

  it('creates an app with a role, tags and an expiry in days, into a spacectl config file', async () => {
    const out = join(dir, 'spacectl.yml')
    const before = Date.now()
    const r = await keydesk(dir, [
      ...['keys', 'create', '--account', cf, '--name', 'ci-deploy', '--role', 'managed-domain-admin'],
      ...['--tag', 'team=ci', '--tag', 'env=prod', '--expires', '30'],
      ...['--out', out, '--format', 'spacectl_config', '--json'],
    ])
    expect(r.code, r.stderr).toBe(0)
    const { key, savedTo } = r.json<{ key: KeyOut; savedTo: string }>()
    expect(savedTo).toBe(out)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const file = readFileSync(out, 'utf8')
    expect(file).toMatch(/^token: eyJ/m)
    expect(file).toMatch(/^endpoints:/m)
    expect(r.stdout).not.toContain(file.match(/^token: (\S+)/m)?.[1] ?? 'no token')
    const listed = (await keysOf()).find((k) => k.keyId === key.keyId)
    expect(listed?.name).toBe('ci-deploy')
    expect(listed?.extra.tags).toBe('team=ci, env=prod')
    const days = (Date.parse(listed?.expiresAt ?? '') - before) / DAY
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThan(30.1)
  })

  it('refuses an expiry past what the service allows, and creates nothing', async () => {
    const before = await keysOf()
    for (const expires of ['400', '2001-01-01', 'soon']) {
      const r = await keydesk(dir, [
        'keys',
        'create',
        '--account',
        cf,
        '--role',
        'managed-domain-admin',
        '--keep',
        '--expires',
        expires,
      ])
      expect(r.code).toBe(2)
      expect(r.stderr).toContain('Nothing was created')
    }
    expect(await keysOf()).toHaveLength(before.length)
  })

  it('shows the expiry, flagged, in the list', async () => {
    const r = await keydesk(dir, ['keys', 'list', '--account', cf])
    expect(r.stdout).toContain('EXPIRES')
    expect(r.stdout).toMatch(/report-bot .* \d{4}-\d\d-\d\d \(expiring\)/)
    expect(r.stdout).toMatch(/nightly-export .* \(expired\)/)
  })

  it('regenerates a secret only when confirmed, keeps the new one and says how long the old one may work', async () => {
    const made = await keydesk(dir, [
      'keys',
      'create',
      '--account',
      cf,
      '--name',
      'ci-regenerate',
      '--role',
      'managed-domain-admin',
      '--keep',
      '--json',
    ])
    expect(made.code, made.stderr).toBe(0)
    const { keyId } = made.json<{ key: KeyOut }>().key
    const unconfirmed = await keydesk(dir, ['keys', 'regenerate', '--account', cf, keyId, '--keep'])
    expect(unconfirmed.code).toBe(2)
    expect(unconfirmed.stderr).toContain('add --yes')
    const r = await keydesk(dir, ['keys', 'regenerate', '--account', cf, keyId, '--keep', '--yes', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json<{ key: KeyOut; kept: boolean; propagation: { op: string; state: string } }>()
    expect(out.kept).toBe(true)
    expect(out.key.keyId).toBe(keyId)
    expect(out.propagation).toMatchObject({ op: 'regenerate', state: 'propagating' })
    const human = await keydesk(dir, ['keys', 'regenerate', '--account', cf, keyId, '--keep', '--yes'])
    expect(human.stdout).toContain(`Regenerated the secret of ${keyId}`)
    expect(human.stdout).toMatch(/old secret may keep working until/)
  })

  it('says a service without regenerate cannot, before asking anything', async () => {
    const cloudmc = seed(sb, 'cloudmc')
    const add = await keydesk(
      dir,
      ['accounts', 'add', '--json', '--provider', 'cloudmc', '--label', 'CM', '--endpoint', cloudmc.endpoint],
      { input: JSON.stringify(cloudmc.credentials) },
    )
    expect(add.code).toBe(0)
    const r = await keydesk(dir, ['keys', 'regenerate', '--account', 'CM', 'any', '--keep', '--yes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('rotate the key instead')
    const expires = await keydesk(dir, ['keys', 'create', '--account', 'CM', '--keep', '--expires', '30'])
    expect(expires.code).toBe(2)
    expect(expires.stderr).toContain('take no --expires')
  })
})
