import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSettings, SETTINGS_FILE } from '../../src/main/core/settings'
import { writeSecretFile } from '../../src/main/core/export'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const account = {
  id: 'a1',
  provider: 'cloudmc',
  label: 'Work',
  endpoint: 'https://p.example/api/v2',
  facts: {},
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  propagationWindowSec: 600,
  refreshIntervalSec: 60,
} as const

describe('settings store', () => {
  it('keeps what was written across a reopen, in the data directory it was given', () => {
    openSettings(dir, '0.1.0').set('accounts', [account])
    const again = openSettings(dir, '0.1.0')
    expect(again.get('accounts')).toEqual([account])
    expect(again.path).toBe(join(dir, SETTINGS_FILE))
    expect(again.recovery).toBeNull()
  })

  it('moves a corrupt file aside, restores the last good copy, and says so', () => {
    openSettings(dir, '0.1.0').set('accounts', [account])
    openSettings(dir, '0.1.0') // a clean start leaves the last good copy as the backup
    writeFileSync(join(dir, SETTINGS_FILE), '{"accounts": [ broken')
    const recovered = openSettings(dir, '0.1.0')
    expect(recovered.recovery).toMatch(/could not be read.*last good copy was restored/)
    expect(recovered.get('accounts')).toEqual([account])
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"accounts": [ broken')
  })

  it('starts empty but never silently when there is no good copy to restore', () => {
    writeFileSync(join(dir, SETTINGS_FILE), 'not json at all')
    const recovered = openSettings(dir, '0.1.0')
    expect(recovered.recovery).toMatch(/started with empty settings/)
    expect(recovered.get('accounts')).toEqual([])
    expect(readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true)
  })

  it('refuses a value the schema does not allow', () => {
    const s = openSettings(dir, '0.1.0')
    expect(() => s.set('accounts', 'nope' as never)).toThrow(/schema/i)
  })
})

describe('secret files', () => {
  it('are written with mode 0600', async () => {
    const file = join(dir, 'credentials.json')
    await writeSecretFile(file, '{"k":"v"}')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).toBe('{"k":"v"}')
  })

  it('never replace an existing file unless asked, and leave no temp file behind', async () => {
    const file = join(dir, 'api_key')
    writeFileSync(file, 'original')
    await expect(writeSecretFile(file, 'new')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(readFileSync(file, 'utf8')).toBe('original')
    await writeSecretFile(file, 'replaced', true)
    expect(readFileSync(file, 'utf8')).toBe('replaced')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(existsSync(file)).toBe(true)
  })
})
