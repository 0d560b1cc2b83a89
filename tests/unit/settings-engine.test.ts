// The desktop app opens the settings with electron-store, the browser host and the CLI with conf: one file, one
// schema, so the user's accounts are the same however KeyDesk starts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSettings, SETTINGS_FILE } from '../../src/main/core/settings'
import { openElectronStore } from '../../src/main/settings-engine'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-engines-'))
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

describe('settings engines', () => {
  it('reads with conf what electron-store wrote, and the other way round, in the same file', () => {
    const desktop = openSettings(dir, '0.1.0', openElectronStore)
    const host = openSettings(dir, '0.1.0')
    expect(desktop.path).toBe(join(dir, SETTINGS_FILE))
    expect(host.path).toBe(desktop.path)

    desktop.set('accounts', [account])
    expect(openSettings(dir, '0.1.0').get('accounts')).toEqual([account])
    openSettings(dir, '0.1.0').set('preferences', { ...host.get('preferences'), clipboardClearSec: 45 })
    expect(openSettings(dir, '0.1.0', openElectronStore).get('preferences').clipboardClearSec).toBe(45)
    expect((JSON.parse(readFileSync(desktop.path, 'utf8')) as { accounts: unknown }).accounts).toEqual([account])
  })

  it('holds electron-store to the same schema as conf', () => {
    const desktop = openSettings(dir, '0.1.0', openElectronStore)
    expect(() => desktop.set('accounts', [{ id: 'no-provider' }] as never)).toThrow(/schema violation/)
  })
})
