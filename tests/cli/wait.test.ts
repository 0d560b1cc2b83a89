import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from '../keychain/guard'
import { addAccount, keydesk, removeDir, requireBundle, sandbox, seed, tempDir } from './harness'
import { objectContaining } from '../support/match'

requireKeyringInCi()

/** Long enough that the CLI calls between the disable and the first wait fit inside it on a loaded machine. */
const WINDOW_SEC = 6

describe.skipIf(!hasKeyring)('keydesk wait across a SpaceONE window', () => {
  let sb: Sandbox
  let dir: string
  let keyId: string
  let disabledAt = 0

  beforeAll(async () => {
    requireBundle()
    sb = await sandbox({ seed: 'cli-wait', propagationSeconds: WINDOW_SEC })
    dir = tempDir('wait')
    await addAccount(dir, seed(sb, 'spaceone'), 'Space')
    await addAccount(dir, seed(sb, 'cloudmc'), 'CI')
    expect((await keydesk(dir, ['accounts', 'update', 'Space', '--window', String(WINDOW_SEC)])).code).toBe(0)
    const made = await keydesk(dir, [
      'keys',
      'create',
      '--account',
      'Space',
      '--name',
      'to-disable',
      '--show-secret',
      '--json',
    ])
    keyId = made.json<{ key: { keyId: string } }>().key.keyId
  })
  afterAll(async () => {
    await sb.close()
    removeDir(dir)
  })

  it('says nothing is pending for a key without a change in flight, with exit 0', async () => {
    const r = await keydesk(dir, ['wait', '--account', 'Space', keyId, '--json'])
    expect(r.code).toBe(0)
    expect(r.json()).toEqual({ propagation: null, state: 'none' })
  })

  it('gives up with exit 5 when the window outlasts the timeout, leaving the change pending', async () => {
    disabledAt = Date.now()
    const disabled = await keydesk(dir, ['keys', 'disable', '--account', 'Space', keyId, '--yes', '--json'])
    expect(disabled.code).toBe(0)
    expect(disabled.json().propagation).toMatchObject({ keyId, op: 'disable', state: 'propagating' })
    const r = await keydesk(dir, ['wait', '--account', 'Space', keyId, '--timeout', '0', '--json'])
    expect(r.code).toBe(5)
    expect(r.json()).toMatchObject({ state: 'propagating' })
  })

  it('waits until the window has passed and the service confirms the key disabled, then exits 0', async () => {
    const r = await keydesk(dir, ['wait', '--account', 'Space', keyId, '--timeout', '60', '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.json()).toMatchObject({ state: 'settled', propagation: { keyId, op: 'disable', state: 'settled' } })
    const listed = await keydesk(dir, ['propagation', 'list', '--json'])
    expect(listed.json().propagations).toEqual([objectContaining({ keyId, state: 'settled' })])
    // It settled on evidence after the window, not before it.
    expect(Date.now() - disabledAt).toBeGreaterThanOrEqual(WINDOW_SEC * 1000)
    const keys = (await keydesk(dir, ['keys', 'list', '--account', 'Space', '--json'])).json<{
      keys: { keyId: string; state: string }[]
    }>()
    expect(keys.keys.find((k) => k.keyId === keyId)?.state).toBe('disabled')
  })

  it('rejects a timeout that is not a number with exit 2', async () => {
    const r = await keydesk(dir, ['wait', '--account', 'Space', keyId, '--timeout', 'soon'])
    expect(r.code).toBe(2)
  })
})
