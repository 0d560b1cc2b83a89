import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, seed, tempDir } from './harness'
import { anyString, objectContaining } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('keydesk keys', () => {
  let sb: Sandbox
  let dir: string
  let cloudmc: string
  let onqlave: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-keys', activationSeconds: 0 })
    dir = tempDir('keys')
    cloudmc = await addAccount(dir, seed(sb, 'cloudmc'), 'CI')
    onqlave = await addAccount(dir, seed(sb, 'onqlave'), 'Vault')
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  const keysOf = async (account: string) =>
    (await keydesk(dir, ['keys', 'list', '--account', account, '--json'])).json<{
      keys: { keyId: string; name: string; state: string }[]
    }>().keys

  it('lists the keys of every account in one JSON document, each with its account', async () => {
    const r = await keydesk(dir, ['keys', 'list', '--json'])
    expect(r.code).toBe(0)
    const { keys, failures } = r.json<{ keys: Record<string, unknown>[]; failures: unknown[] }>()
    expect(failures).toEqual([])
    expect(new Set(keys.map((k) => k.accountId))).toEqual(new Set([cloudmc, onqlave]))
    for (const k of keys) {
      expect(k).toEqual(objectContaining({ keyId: anyString(), state: anyString(), account: anyString() }))
    }
  })

  it('refuses to create a key whose secret would go nowhere, and creates nothing', async () => {
    const before = await keysOf(cloudmc)
    const r = await keydesk(dir, ['keys', 'create', '--account', 'CI'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('shown only once')
    expect(await keysOf(cloudmc)).toHaveLength(before.length)
  })

  it('creates a key into a 0600 file in the export format, printing only its record', async () => {
    const out = join(dir, 'ci-key.json')
    const r = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--name', 'deploy', '--out', out, '--json'])
    expect(r.code).toBe(0)
    const result = r.json<{ key: { keyId: string; name: string }; savedTo: string; kept: boolean }>()
    expect(result).toMatchObject({ key: { name: 'deploy' }, savedTo: out, kept: false })
    expect(statSync(out).mode & 0o777).toBe(0o600)
    const file = JSON.parse(readFileSync(out, 'utf8')) as { api_key: string; id: string }
    expect(file.id).toBe(result.key.keyId)
    expect(r.stdout).not.toContain(file.api_key)
    expect(r.stderr).not.toContain(file.api_key)
  })

  it('never writes over an existing file, and creates no key in that case', async () => {
    const out = join(dir, 'taken.json')
    writeFileSync(out, 'mine')
    const before = await keysOf(cloudmc)
    const r = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--out', out])
    expect(r.code).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('mine')
    expect(await keysOf(cloudmc)).toHaveLength(before.length)
  })

  it('prints the secret only when asked with --show-secret', async () => {
    const r = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--show-secret', '--keep', '--json'])
    expect(r.code).toBe(0)
    const { secret, kept } = r.json<{ secret: Record<string, string>; kept: boolean }>()
    expect(kept).toBe(true)
    expect(secret['API key']).toMatch(/^[A-Za-z0-9_-]{20,}$/)
  })

  it('exports a kept secret to a file, and refuses a file in the way or an unknown format', async () => {
    const kept = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--keep', '--json'])
    const keyId = kept.json<{ key: { keyId: string } }>().key.keyId
    const out = join(dir, 'exported.json')
    const r = await keydesk(dir, ['keys', 'export', '--account', 'CI', keyId, '--out', out])
    expect(r.code).toBe(0)
    expect((JSON.parse(readFileSync(out, 'utf8')) as { id: string }).id).toBe(keyId)
    expect(statSync(out).mode & 0o777).toBe(0o600)
    expect((await keydesk(dir, ['keys', 'export', '--account', 'CI', keyId, '--out', out])).code).toBe(2)
    const unknown = await keydesk(dir, [
      'keys',
      'export',
      '--account',
      'CI',
      keyId,
      '--format',
      'pem',
      '--out',
      `${out}.2`,
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('cloudmc_api_key.json')
    expect(existsSync(`${out}.2`)).toBe(false)
  })

  it('renames a key', async () => {
    const [first] = await keysOf(cloudmc)
    const r = await keydesk(dir, ['keys', 'rename', '--account', 'CI', first?.keyId ?? '', 'renamed-by-cli', '--json'])
    expect(r.code).toBe(0)
    expect((await keysOf(cloudmc)).find((k) => k.keyId === first?.keyId)?.name).toBe('renamed-by-cli')
  })

  it('asks before deleting: a script says --yes; nothing is deleted without it', async () => {
    const made = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--show-secret', '--json'])
    const keyId = made.json<{ key: { keyId: string } }>().key.keyId
    const refused = await keydesk(dir, ['keys', 'delete', '--account', 'CI', keyId])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('add --yes')
    expect((await keysOf(cloudmc)).some((k) => k.keyId === keyId)).toBe(true)
    const r = await keydesk(dir, ['keys', 'delete', '--account', 'CI', keyId, '--yes'])
    expect(r.code).toBe(0)
    expect((await keysOf(cloudmc)).some((k) => k.keyId === keyId && k.state !== 'deleted')).toBe(false)
  })

  it('Onqlave’s typed confirmation becomes the key id given twice; a different id changes nothing', async () => {
    const [key] = (await keysOf(onqlave)).filter((k) => k.state === 'enabled')
    const keyId = key?.keyId ?? ''
    const wrong = await keydesk(dir, ['keys', 'delete', '--account', 'Vault', keyId, 'not-the-id'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('is not the key id')
    expect((await keysOf(onqlave)).find((k) => k.keyId === keyId)?.state).toBe('enabled')
    const r = await keydesk(dir, ['keys', 'delete', '--account', 'Vault', keyId, keyId, '--json'])
    expect(r.code).toBe(0)
    expect(r.json().key).toMatchObject({ keyId })
  })

  it('refuses a change the service does not offer with the service exit code', async () => {
    const [key] = await keysOf(cloudmc)
    const r = await keydesk(dir, ['keys', 'disable', '--account', 'CI', key?.keyId ?? '', '--yes', '--json'])
    expect(r.code).toBe(6)
    expect(r.json().error.code).toBe('NOT_SUPPORTED')
  })

  it('rotates a key step by step and resumes where it stopped', async () => {
    const made = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--name', 'old', '--show-secret', '--json'])
    const oldKeyId = made.json<{ key: { keyId: string } }>().key.keyId
    const first = await keydesk(dir, ['keys', 'rotate', '--account', 'CI', oldKeyId, '--keep', '--json'])
    expect(first.code).toBe(0)
    const stopped = first.json<{ rotation: { step: string; newKeyId: string }; created: { kept: boolean } }>()
    expect(stopped.created.kept).toBe(true)
    expect(stopped.rotation.step).toBe('switch')
    expect((await keydesk(dir, ['rotation', 'list', '--json'])).json().rotations).toEqual([
      objectContaining({ oldKeyId, step: 'switch' }),
    ])
    const second = await keydesk(dir, ['keys', 'rotate', '--account', 'CI', oldKeyId, '--yes', '--json'])
    expect(second.code).toBe(0)
    expect(second.json().rotation.step).toBe('done')
    expect((await keysOf(cloudmc)).some((k) => k.keyId === oldKeyId && k.state !== 'deleted')).toBe(false)
  })
})
