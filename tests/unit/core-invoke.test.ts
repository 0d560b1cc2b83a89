import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { MemoryVault } from '../support/memory-vault'

let dir: string
let core: AppCore

/** A core on the test's data directory, as the app opens it. */
const openCore = (): AppCore =>
  new AppCore({
    dataDir: dir,
    version: '0.1.0',
    host: 'browser',
    vault: new MemoryVault(),
    clipboard: new MemoryClipboard(),
  })

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keydesk-core-'))
  core = openCore()
})
afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the core behind the channel map', () => {
  it('refuses a lone surrogate in any input as INVALID_INPUT, not INTERNAL', async () => {
    const reply = await core.invoke('keys.delete', { accountId: 'a1', keyId: 'key-\ud800' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /broken text/ } })
  })

  it('answers app.info with the data directory it was given', async () => {
    const reply = await core.invoke('app.info', {})
    expect(reply).toMatchObject({ ok: true, value: { name: 'KeyDesk', dataDir: dir, host: 'browser', notices: [] } })
  })

  it('rejects a payload that does not match the schema with INVALID_INPUT and names the field', async () => {
    const reply = await core.invoke('accounts.add', { provider: 'spaceone', label: '', endpoint: 'x' })
    expect(reply.ok).toBe(false)
    expect(reply).toMatchObject({ error: { code: 'INVALID_INPUT', retryable: false } })
    expect((reply as { error: { message: string } }).error.message).toMatch(/label|credential/)
  })

  it('keeps the list column widths in the settings file across a restart, and refuses widths that are not widths', async () => {
    const widths = { keyId: 180, createdAt: 120 }
    expect(await core.invoke('settings.set', { columnWidths: widths })).toMatchObject({ ok: true })
    for (const bad of [
      { keyId: -1 },
      { keyId: 12.5 },
      { 'key id': 100 },
      Object.fromEntries(Array.from({ length: 25 }, (_, i) => [String.fromCharCode(97 + i), 100])),
    ])
      expect(await core.invoke('settings.set', { columnWidths: bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      })
    await core.close()
    core = openCore()
    expect(await core.invoke('settings.get', {})).toMatchObject({
      ok: true,
      value: { columnWidths: widths, theme: 'system' },
    })
  })

  it('rejects an unknown channel instead of crashing', async () => {
    expect(await core.invoke('keys.steal', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('serialises a thrown AppError with its code and the account it concerns', async () => {
    const reply = await core.invoke('keys.list', { accountId: 'no-such-account' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('turns an unexpected error into INTERNAL without leaking its message', async () => {
    const secret = 'sk-live-should-never-leak'
    ;(core.accounts as unknown as { views: () => never }).views = () => {
      throw new Error(secret)
    }
    const reply = await core.invoke('accounts.list', {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(reply)).not.toContain(secret)
  })
})
