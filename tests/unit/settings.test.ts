import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openConfEngine, openSettings, SETTINGS_FILE, type OpenSettingsEngine } from '../../src/main/core/settings'
import { writeSecretFile } from '../../src/main/core/export'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const account = (id: string) =>
  ({
    id,
    provider: 'cloudmc',
    label: `Work ${id}`,
    endpoint: 'https://p.example/api/v2',
    facts: {},
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    propagationWindowSec: 600,
    refreshIntervalSec: 60,
  }) as const

const file = () => join(dir, SETTINGS_FILE)
const kept = () => readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.broken-`))

/** The good copy is taken once the writes of one turn of the event loop are done. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Two accounts written one after the other: the good copy holds the newest state, not the one at start-up. */
async function twoAccounts(): Promise<void> {
  const s = openSettings(dir, '0.1.0')
  s.set('accounts', [account('a1')])
  await settled()
  s.set('accounts', [account('a1'), account('a2')])
  await settled()
}

describe('settings store', () => {
  it('keeps what was written across a reopen, in the data directory it was given', () => {
    openSettings(dir, '0.1.0').set('accounts', [account('a1')])
    const again = openSettings(dir, '0.1.0')
    expect(again.get('accounts')).toEqual([account('a1')])
    expect(again.path).toBe(file())
    expect(again.recovery).toBeNull()
  })

  it('reads the file once, not on every read of a setting, and keeps each write in memory as the file holds it', () => {
    let reads = 0
    const counting: OpenSettingsEngine = (options) => {
      const engine = openConfEngine(options)
      return {
        path: engine.path,
        get store() {
          reads += 1
          return engine.store
        },
        set: (key, value) => engine.set(key, value),
      }
    }
    const s = openSettings(dir, '0.1.0', counting)
    const before = reads
    for (let i = 0; i < 100; i += 1) s.get('accounts')
    expect(reads).toBe(before)
    const written = { ...account('a1'), label: 'Work', facts: { user: undefined } }
    s.set('accounts', [written])
    expect(s.get('accounts')).toEqual([{ ...account('a1'), label: 'Work', facts: {} }])
    expect(s.get('accounts')[0]).not.toBe(written)
    expect(openSettings(dir, '0.1.0').get('accounts')).toEqual(s.get('accounts'))
  })

  it('hands out settings that cannot be changed in place by mistake', () => {
    const s = openSettings(dir, '0.1.0')
    s.set('accounts', [account('a1')])
    expect(() => s.get('accounts').push(account('a2'))).toThrow(TypeError)
    expect(() => Object.assign(s.get('preferences'), { theme: 'dark' })).toThrow(TypeError)
    expect(s.get('accounts')).toHaveLength(1)
  })

  it('refuses a value the schema does not allow', () => {
    const s = openSettings(dir, '0.1.0')
    expect(() => s.set('accounts', 'nope' as never)).toThrow(/schema/i)
  })
})

describe('a settings file that cannot be used', () => {
  const cases: ReadonlyArray<readonly [string, () => void, RegExp]> = [
    ['null', () => writeFileSync(file(), 'null'), /holds null/],
    ['an empty list', () => writeFileSync(file(), '[]'), /holds a list/],
    ['truncated JSON', () => writeFileSync(file(), readFileSync(file(), 'utf8').slice(0, 40)), /cut off/],
    ['an empty file', () => writeFileSync(file(), ''), /empty/],
    ['the wrong schema', () => writeFileSync(file(), '{"accounts": "everything"}'), /does not match/],
    [
      'a folder in its place',
      () => {
        rmSync(file())
        mkdirSync(file())
      },
      /folder is in its place/,
    ],
  ]
  for (const [what, breakIt, reason] of cases) {
    it(`holding ${what} is kept aside, the newest good state restored, and the user told`, async () => {
      await twoAccounts()
      breakIt()
      const recovered = openSettings(dir, '0.1.0')
      expect(recovered.recovery).toMatch(reason)
      expect(recovered.recovery).toMatch(/kept as .*broken-.*last good state was restored/)
      expect(recovered.get('accounts').map((a) => a.id)).toEqual(['a1', 'a2'])
      expect(kept()).toHaveLength(1)
      // The restored state is written again as the good copy on the next change, never an empty one.
      recovered.set('accounts', [...recovered.get('accounts'), account('a3')])
      await settled()
      expect((JSON.parse(readFileSync(`${file()}.bak`, 'utf8')) as { accounts: unknown[] }).accounts).toHaveLength(3)
    })
  }

  it('that cannot be read is kept aside and the newest good state restored', async () => {
    await twoAccounts()
    let first = true
    const unreadable: OpenSettingsEngine = (options) => {
      if (first) {
        first = false
        throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
      }
      return openConfEngine(options)
    }
    const recovered = openSettings(dir, '0.1.0', unreadable)
    expect(recovered.recovery).toMatch(/cannot be read \(EACCES\).*last good state was restored/)
    expect(recovered.get('accounts')).toHaveLength(2)
  })

  it('that is read-only refuses a change with what to do, and keeps the state it had', async () => {
    await twoAccounts()
    const refusal = () => Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })
    const readOnly: OpenSettingsEngine = (options) => {
      const conf = openConfEngine(options)
      return {
        path: conf.path,
        get store() {
          return conf.store
        },
        set store(_value) {
          throw refusal()
        },
        set: () => {
          throw refusal()
        },
      }
    }
    const s = openSettings(dir, '0.1.0', readOnly)
    expect(() => s.set('accounts', [])).toThrow(/could not save its settings.*EROFS.*nothing was changed/)
    expect(s.get('accounts')).toHaveLength(2)
    expect((JSON.parse(readFileSync(`${file()}.bak`, 'utf8')) as { accounts: unknown[] }).accounts).toHaveLength(2)
  })

  it('with no good copy starts empty, never silently', () => {
    writeFileSync(file(), 'not json at all')
    const recovered = openSettings(dir, '0.1.0')
    expect(recovered.recovery).toMatch(/no good copy was found.*started with empty settings.*Repair/)
    expect(recovered.get('accounts')).toEqual([])
    expect(kept()).toHaveLength(1)
  })

  it('never lets an empty state overwrite a good copy that holds accounts', async () => {
    await twoAccounts()
    openSettings(dir, '0.1.0').set('accounts', [])
    await settled()
    expect((JSON.parse(readFileSync(`${file()}.bak.1`, 'utf8')) as { accounts: unknown[] }).accounts).toHaveLength(2)
  })
})

describe('settings under SIGKILL', () => {
  it('lose no acknowledged account when the writer is killed mid-write again and again', async () => {
    const acknowledged: string[] = []
    const rounds = 8
    for (let round = 0; round < rounds; round++) {
      const acks = await killAfterAcks(dir, `r${round}`, 1 + ((round * 7) % 5))
      acknowledged.push(...acks)
      const s = openSettings(dir, '0.1.0')
      const ids = new Set(s.get('accounts').map((a) => a.id))
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([])
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(rounds)
  }, 120_000)
})

/** Starts the writer, waits for `count` acknowledgements, SIGKILLs it while it is writing the next one. */
function killAfterAcks(dataDir: string, prefix: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/unit/fixtures/settings-writer.ts', dataDir, prefix],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const acks: string[] = []
    let buffered = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) if (line.startsWith('ack ')) acks.push(line.slice(4))
      if (acks.length >= count) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('exit', () => resolve(acks))
  })
}

describe('secret files', () => {
  it('are written with mode 0600', async () => {
    const target = join(dir, 'credentials.json')
    await writeSecretFile(target, '{"k":"v"}')
    expect(statSync(target).mode & 0o777).toBe(0o600)
    expect(readFileSync(target, 'utf8')).toBe('{"k":"v"}')
  })

  it('never replace an existing file unless asked, and leave no temp file behind', async () => {
    const target = join(dir, 'api_key')
    writeFileSync(target, 'original')
    await expect(writeSecretFile(target, 'new')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(readFileSync(target, 'utf8')).toBe('original')
    await writeSecretFile(target, 'replaced', true)
    expect(readFileSync(target, 'utf8')).toBe('replaced')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(existsSync(target)).toBe(true)
  })
})
