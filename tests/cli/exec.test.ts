import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, BIN, keydesk, removeDir, requireBundle, sandbox, seed, tempDir, VAULT_SERVICE } from './harness'

requireKeyringInCi()

/** A child that reports what it was given, as JSON on stdout. */
const report = (body: string): string[] => ['--', process.execPath, '-e', body]

describe.skipIf(!hasKeyring)('keydesk exec and env', () => {
  let sb: Sandbox
  let dir: string
  let cloudKey: string
  let cloudSecret: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-exec', activationSeconds: 0 })
    dir = tempDir('exec')
    await addAccount(dir, seed(sb, 'cloudmc'), 'CI')
    await addAccount(dir, seed(sb, 'onqlave'), 'Vault')
    await addAccount(dir, seed(sb, 'spaceone'), 'Space')
    const made = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--keep', '--show-secret', '--json'])
    const created = made.json<{ key: { keyId: string }; secret: Record<string, string> }>()
    cloudKey = created.key.keyId
    cloudSecret = created.secret['API key'] ?? ''
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('hands a kept CloudMC key to a program in the variables its tools read, and returns its exit code', async () => {
    const r = await keydesk(dir, [
      'exec',
      '--account',
      'CI',
      '--key',
      cloudKey,
      ...report(
        'console.log(JSON.stringify({ key: process.env.CLOUDCA_API_KEY, url: process.env.CLOUDMC_API_URL, argv: process.argv })); process.exit(7)',
      ),
    ])
    expect(r.code).toBe(7)
    const seen = JSON.parse(r.stdout) as { key: string; url: string; argv: string[] }
    expect(seen.key).toBe(cloudSecret)
    expect(seen.url).toBe(seed(sb, 'cloudmc').endpoint)
    expect(seen.argv.join(' ')).not.toContain(cloudSecret)
    const audit = await keydesk(dir, ['audit', '--action', 'key.exec', '--json'])
    expect(audit.json().entries[0]).toMatchObject({ from: 'cli', keyId: cloudKey, outcome: 'ok', detail: 'exec: node' })
    expect(audit.stdout).not.toContain(cloudSecret)
  })

  it('ends with the signal’s conventional code when the program is killed, and 127 when it does not exist', async () => {
    const killed = await keydesk(dir, [
      'exec',
      '--account',
      'CI',
      '--key',
      cloudKey,
      ...report("process.kill(process.pid, 'SIGTERM')"),
    ])
    expect(killed.code).toBe(143)
    const missing = await keydesk(dir, ['exec', '--account', 'CI', '--key', cloudKey, '--', 'no-such-program-keydesk'])
    expect(missing.code).toBe(127)
    expect(missing.stderr).toContain('command not found')
  })

  it('refuses a key whose secret KeyDesk does not keep, running nothing', async () => {
    const made = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--show-secret', '--json'])
    const keyId = made.json<{ key: { keyId: string } }>().key.keyId
    const r = await keydesk(dir, ['exec', '--account', 'CI', '--key', keyId, ...report('console.log("ran")')])
    expect(r.code).toBe(2)
    expect(r.stdout).not.toContain('ran')
    expect(r.stderr).toContain('does not hold the secret')
  })

  it('gives Onqlave’s SDK credentials.json as a 0600 file that is gone when the program ends', async () => {
    const options = (await keydesk(dir, ['keys', 'options', '--account', 'Vault', '--json'])).json<{
      options: { applications: { id: string }[]; clusters: { id: string }[] }
    }>().options
    const made = await keydesk(dir, [
      'keys',
      'create',
      '--account',
      'Vault',
      '--keep',
      '--json',
      '--app',
      options.applications[0]?.id ?? '',
      '--arx',
      options.clusters[0]?.id ?? '',
    ])
    expect(made.stderr).toBe('')
    const keyId = made.json<{ key: { keyId: string } }>().key.keyId
    const r = await keydesk(dir, [
      'exec',
      '--account',
      'Vault',
      '--key',
      keyId,
      ...report(`const fs = require('node:fs'); const p = process.env.ONQLAVE_CREDENTIALS_FILE;
        console.log(JSON.stringify({ path: p, mode: fs.statSync(p).mode & 0o777, file: JSON.parse(fs.readFileSync(p, 'utf8')),
          access: process.env.ONQLAVE_ACCESS_KEY, sdk: process.env.ONQLAVE_PYTHON_SDK_ARX_URL }))`),
    ])
    expect(r.code).toBe(0)
    const seen = JSON.parse(r.stdout) as {
      path: string
      mode: number
      file: Record<string, string>
      access: string
      sdk: string
    }
    expect(seen.mode).toBe(0o600)
    expect(Object.keys(seen.file).sort()).toEqual(['access_key', 'arx_url', 'server_secret_key', 'server_signing_key'])
    expect(seen.access).toBe(seen.file.access_key)
    expect(seen.sdk).toBe(seen.file.arx_url)
    expect(existsSync(seen.path)).toBe(false)
  })

  it('lays out spacectl’s config in a temporary HOME with --home, removed afterwards', async () => {
    const keys = (await keydesk(dir, ['keys', 'list', '--account', 'Space', '--json'])).json<{
      keys: { keyId: string }[]
    }>().keys
    // SpaceONE allows two keys per user: make room when the seed already holds two.
    if (keys.length >= 2)
      await keydesk(dir, ['keys', 'delete', '--account', 'Space', keys[keys.length - 1]?.keyId ?? '', '--yes'])
    const made = await keydesk(dir, ['keys', 'create', '--account', 'Space', '--keep', '--json'])
    expect(made.stderr).toBe('')
    const keyId = made.json<{ key: { keyId: string } }>().key.keyId
    const r = await keydesk(dir, [
      'exec',
      '--account',
      'Space',
      '--key',
      keyId,
      '--home',
      ...report(`const fs = require('node:fs'); const h = process.env.HOME;
        console.log(JSON.stringify({ home: h, env: fs.readFileSync(h + '/.spaceone/environment.yml', 'utf8'),
          config: fs.readFileSync(h + '/.spaceone/environments/keydesk.yml', 'utf8'), key: process.env.SPACEONE_API_KEY,
          file: fs.readFileSync(process.env.SPACEONE_CONFIG_FILE, 'utf8'), fallback: process.env.SPACECTL_DEFAULT_ENVIRONMENT }))`),
    ])
    expect(r.code).toBe(0)
    const seen = JSON.parse(r.stdout) as Record<string, string>
    expect(seen.env).toBe('environment: keydesk\n')
    expect(seen.config).toContain(`api_key: ${seen.key}`)
    expect(seen.config).toContain('endpoints:')
    expect(seen.file).toBe(seen.config)
    expect(seen.fallback).toBe('keydesk')
    expect(existsSync(seen.home ?? '')).toBe(false)
  })

  it('prints export lines a shell can eval, in sh, fish and PowerShell syntax', async () => {
    const sh = await keydesk(dir, ['env', '--account', 'CI', '--key', cloudKey])
    expect(sh.code).toBe(0)
    expect(sh.stdout).toContain(`export CLOUDCA_API_KEY='${cloudSecret}'`)
    const fish = await keydesk(dir, ['env', '--account', 'CI', '--key', cloudKey, '--shell', 'fish'])
    expect(fish.stdout).toContain(`set -gx CLOUDCA_API_KEY '${cloudSecret}'`)
    const ps = await keydesk(dir, ['env', '--account', 'CI', '--key', cloudKey, '--shell', 'powershell'])
    expect(ps.stdout).toContain(`$env:CLOUDCA_API_KEY = '${cloudSecret}'`)
    const evaluated = await new Promise<string>((resolve, reject) => {
      const child = spawn(
        'sh',
        [
          '-c',
          `eval "$("${process.execPath}" "${BIN}" env --account CI --key ${cloudKey})"; printf %s "$CLOUDCA_API_KEY"`,
        ],
        {
          env: { ...process.env, KEYDESK_DATA_DIR: dir, KEYDESK_VAULT_SERVICE: VAULT_SERVICE },
        },
      )
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += String(c)))
      child.once('error', reject)
      child.once('close', () => resolve(out))
    })
    expect(evaluated).toBe(cloudSecret)
  })

  it('refuses to print a secret on a terminal without --force', async () => {
    // `script` gives the command a real terminal as its standard output.
    const r = await new Promise<{ code: number; out: string }>((resolve, reject) => {
      const child = spawn(
        'script',
        ['-qec', `"${process.execPath}" "${BIN}" env --account CI --key ${cloudKey}`, '/dev/null'],
        {
          env: { ...process.env, KEYDESK_DATA_DIR: dir, KEYDESK_VAULT_SERVICE: VAULT_SERVICE },
        },
      )
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += String(c)))
      child.once('error', reject)
      child.once('close', (code) => resolve({ code: code ?? -1, out }))
    })
    expect(r.code).toBe(2)
    expect(r.out).toContain('would print a secret on your screen')
    expect(r.out).not.toContain(cloudSecret)
  })
})
