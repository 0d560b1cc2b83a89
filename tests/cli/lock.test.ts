// The app lock on the command line, with the real `keydesk` bundle as a process: with a passphrase set, a command that
// hands out a kept secret asks for it on a terminal (a real pseudo-terminal through script(1)) and refuses a script;
// lists stay available while locked.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import type { Sandbox } from '../../src/sandbox'
import { MemoryVault } from '../support/memory-vault'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, BIN, keydesk, removeDir, requireBundle, sandbox, seed, tempDir, VAULT_SERVICE } from './harness'

requireKeyringInCi()

const PASSPHRASE = 'correct horse battery'
const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
/** A child that says it ran and which secret it got (as a hash: the secret itself never reaches a terminal). */
const child = [
  '--',
  process.execPath,
  '-e',
  'console.log("ran " + require("node:crypto").createHash("sha256").update(process.env.CLOUDCA_API_KEY ?? "").digest("hex"))',
]

/** Sets the app passphrase in the data directory, as Settings → App lock does. */
async function setPassphrase(dataDir: string): Promise<void> {
  const core = new AppCore({
    dataDir,
    version: '0.0.0',
    host: 'browser',
    vault: new MemoryVault(),
    clipboard: new MemoryClipboard(),
  })
  try {
    const reply = await core.invoke('lock.setPassphrase', { passphrase: PASSPHRASE, idleMinutes: 0 })
    if (!reply.ok) throw new Error(`setting the passphrase failed: ${JSON.stringify(reply.error)}`)
  } finally {
    await core.close()
  }
}

/** Runs keydesk on a pseudo-terminal, typing each answer once the passphrase prompt shows; bounded in time. */
function onTerminal(
  dataDir: string,
  args: readonly string[],
  answers: readonly string[],
): Promise<{ code: number; screen: string }> {
  const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`
  const command = [process.execPath, BIN, ...args].map(quote).join(' ')
  return new Promise((done, fail) => {
    const tty = spawn('script', ['-qec', command, '/dev/null'], {
      env: { ...process.env, KEYDESK_DATA_DIR: dataDir, KEYDESK_VAULT_SERVICE: VAULT_SERVICE },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let screen = ''
    let asked = 0
    tty.stdout.setEncoding('utf8').on('data', (c: string) => {
      screen += c
      const prompts = screen.split('Passphrase: ').length - 1
      while (asked < prompts && asked < answers.length) tty.stdin.write(`${answers[asked++]}\r`)
    })
    const timer = setTimeout(() => tty.kill('SIGKILL'), 60_000)
    tty.once('error', fail)
    tty.once('close', (code) => {
      clearTimeout(timer)
      tty.stdin.end()
      done({ code: code ?? -1, screen })
    })
  })
}

describe.skipIf(!hasKeyring)('keydesk with an app passphrase set', () => {
  let sb: Sandbox
  let dir: string
  let keyId: string
  let secretHash: string

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-lock' })
    dir = tempDir('lock')
    await addAccount(dir, seed(sb, 'cloudmc'), 'CI')
    const made = await keydesk(dir, ['keys', 'create', '--account', 'CI', '--keep', '--show-secret', '--json'])
    const created = made.json<{ key: { keyId: string }; secret: Record<string, string> }>()
    keyId = created.key.keyId
    secretHash = sha(created.secret['API key'] ?? '')
    await setPassphrase(dir)
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('refuses a script that asks for a kept secret, runs nothing, and still lists keys', async () => {
    const r = await keydesk(dir, ['exec', '--account', 'CI', '--key', keyId, ...child])
    expect(r.code).toBe(4)
    expect(r.stdout).not.toContain('ran')
    expect(r.stderr).toContain('KeyDesk is locked: an app passphrase is set')
    expect(r.stderr).toContain('Run it on a terminal to enter the passphrase')
    const listed = await keydesk(dir, ['keys', 'list', '--account', 'CI', '--json'])
    expect(listed.code).toBe(0)
    expect(JSON.stringify(listed.json())).toContain(keyId)
  })

  it('asks on a terminal without echoing, says a wrong passphrase is wrong, and hands the key over after the right one', async () => {
    const r = await onTerminal(dir, ['exec', '--account', 'CI', '--key', keyId, ...child], ['not the one', PASSPHRASE])
    expect(r.screen).toContain('That passphrase is not the one set for KeyDesk.')
    expect(r.screen).toContain(`ran ${secretHash}`)
    expect(r.screen).not.toContain(PASSPHRASE)
    expect(r.screen).not.toContain('not the one\r')
    expect(r.code).toBe(0)
  })

  it('gives up after three wrong passphrases on a terminal, handing nothing out', async () => {
    const r = await onTerminal(dir, ['exec', '--account', 'CI', '--key', keyId, ...child], ['a', 'b', 'c'])
    expect(r.screen).toContain('3 wrong passphrases: KeyDesk stays locked and nothing was handed out.')
    expect(r.screen).not.toContain('ran ')
    expect(r.code).toBe(4)
  })
})
