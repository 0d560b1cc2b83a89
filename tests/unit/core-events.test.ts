import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { MemoryVault } from '../support/memory-vault'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('core events', () => {
  it('tells the renderer once about a burst of account status changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keydesk-events-'))
    dirs.push(dir)
    const core = new AppCore({
      dataDir: dir,
      version: '0.1.0',
      host: 'browser',
      vault: new MemoryVault(),
      clipboard: new MemoryClipboard(),
    })
    const seen: string[] = []
    core.onEvent((event) => {
      seen.push(event)
    })
    for (let i = 0; i < 30; i += 1) core.accounts.setStatus(`account-${i}`, 'ok')
    expect(seen).toEqual([])
    await new Promise((r) => setTimeout(r, 120))
    expect(seen).toEqual(['accounts.changed'])
    core.accounts.setStatus('account-1', 'rejected', 'bad key')
    await new Promise((r) => setTimeout(r, 120))
    expect(seen).toEqual(['accounts.changed', 'accounts.changed'])
    await core.close()
  })
})
