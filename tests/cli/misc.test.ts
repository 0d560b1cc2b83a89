import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, seed, tempDir } from './harness'
import { anyArray, objectContaining } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('keydesk exit codes, the audit log and completion', () => {
  let sb: Sandbox
  let dir: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-misc' })
    dir = tempDir('misc')
    await addAccount(dir, seed(sb, 'spaceone'), 'Space')
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('exits 5 when a service cannot be reached, still listing the accounts that answered', async () => {
    const gone = await sandbox({ seed: 'cli-misc-gone' })
    await addAccount(dir, seed(gone, 'cloudmc'), 'Gone')
    await gone.close()
    const r = await keydesk(dir, ['keys', 'list', '--json'])
    expect(r.code).toBe(5)
    const { keys, failures } = r.json<{ keys: { account: string }[]; failures: { account: string; code: string }[] }>()
    expect(failures).toEqual([objectContaining({ account: 'Gone', code: 'NETWORK' })])
    expect(keys.every((k) => k.account === 'Space')).toBe(true)
    expect(keys.length).toBeGreaterThan(0)
    expect((await keydesk(dir, ['accounts', 'remove', 'Gone', '--yes'])).code).toBe(0)
  })

  it('exits 4 when the keychain cannot be reached, saying how to fix it', async () => {
    const r = await keydesk(dir, ['keys', 'list', '--json'], {
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/keydesk-bus', DISPLAY: undefined },
    })
    expect(r.code).toBe(4)
    expect(r.json().failures[0]).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
  })

  it('exits 6 when the service refuses: SpaceONE’s two keys per user', async () => {
    for (let i = 0; i < 2; i += 1) {
      const keys = (await keydesk(dir, ['keys', 'list', '--account', 'Space', '--json'])).json<{ keys: unknown[] }>()
        .keys
      if (keys.length < 2) await keydesk(dir, ['keys', 'create', '--account', 'Space', '--show-secret'])
    }
    const r = await keydesk(dir, ['keys', 'create', '--account', 'Space', '--show-secret', '--json'])
    expect(r.code).toBe(6)
    expect(r.json().error).toMatchObject({ code: 'LIMIT_REACHED', exitCode: 6 })
  })

  it('keeps every change in the audit log, filterable, and never a secret', async () => {
    const r = await keydesk(dir, ['audit', '--since', '1h', '--account', 'Space', '--json'])
    expect(r.code).toBe(0)
    const { entries } = r.json<{ entries: { action: string; outcome: string; from: string; at: string }[] }>()
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['account.add', 'key.create']))
    expect(entries.some((e) => e.action === 'key.create' && e.outcome === 'failed')).toBe(true)
    expect([...entries].sort((a, b) => b.at.localeCompare(a.at))).toEqual(entries)
    const raw = readFileSync(join(dir, 'audit.jsonl'), 'utf8')
    const credential = seed(sb, 'spaceone').credentials as { token: string }
    expect(raw).not.toContain(credential.token)
    expect((await keydesk(dir, ['audit', '--since', 'yesterday-ish'])).code).toBe(2)
    expect((await keydesk(dir, ['audit', '--since', '2999-01-01T00:00:00Z', '--json'])).json().entries).toEqual([])
  })

  it('prints completion scripts for bash, zsh and fish that name every command', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await keydesk(dir, ['completion', shell])
      expect(r.code).toBe(0)
      for (const word of ['accounts', 'keys', 'exec', 'env', 'wait', 'propagation', 'rotation', 'audit', 'rotate'])
        expect(r.stdout).toContain(word)
    }
    const bash = await keydesk(dir, ['completion', 'bash'])
    const check = spawnSync('bash', ['-n'], { input: bash.stdout, encoding: 'utf8' })
    expect(check.status).toBe(0)
    const words = spawnSync(
      'bash',
      ['-c', `${bash.stdout}\nCOMP_WORDS=(keydesk keys cr); COMP_CWORD=2; _keydesk; echo "\${COMPREPLY[@]}"`],
      { encoding: 'utf8' },
    )
    expect(words.stdout.trim()).toBe('create')
    expect((await keydesk(dir, ['completion', 'tcsh'])).code).toBe(2)
  })

  it('writes a large JSON document whole through a pipe before it exits', async () => {
    const big = await sandbox({ seed: 'cli-misc-big', keysPerAccount: 800 })
    const bigDir = tempDir('big')
    try {
      await addAccount(bigDir, seed(big, 'cloudmc'), 'Big')
      const r = await keydesk(bigDir, ['keys', 'list', '--json'])
      expect(r.code).toBe(0)
      expect(r.stdout.length).toBeGreaterThan(200 * 1024)
      expect(r.json<{ keys: unknown[] }>().keys.length).toBeGreaterThanOrEqual(800)
    } finally {
      await big.close()
      removeDir(bigDir)
    }
  })

  it('reports its version and lists pending changes and rotations as JSON', async () => {
    expect((await keydesk(dir, ['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect((await keydesk(dir, ['propagation', 'list', '--json'])).json()).toEqual({ propagations: anyArray() })
    expect((await keydesk(dir, ['rotation', 'list', '--json'])).json()).toEqual({ rotations: [] })
  })
})
