import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AccountView, Rotation } from '../../src/shared/model'
import { MemoryVault } from '../support/memory-vault'
import { vaultNames } from '../../src/main/core/vault'
import type { Sandbox } from '../../src/sandbox'
import { addAccount, openCore, removeDir, sandboxControl, testSandbox, until, type Harness } from './create-harness'

let sb: Sandbox
let h: Harness
let vault: MemoryVault

beforeAll(async () => {
  sb = await testSandbox()
})
afterAll(() => sb.close())
beforeEach(async () => {
  await sandboxControl(sb, 'reset')
  vault = new MemoryVault()
  h = openCore({ vault })
  await h.core.start()
})
afterEach(async () => {
  await h.close()
  removeDir(h.dir)
})

/** A SpaceONE account whose disable/delete window is 1 s, so the wait step ends within the test. */
async function spaceone(): Promise<AccountView> {
  const account = await addAccount(h, sb, 'spaceone')
  return h.call('accounts.update', { id: account.id, propagationWindowSec: 1 })
}

async function settled(accountId: string, keyId: string): Promise<void> {
  await until('the disable to settle', async () => {
    const p = (await h.call('propagation.list', {})).find((r) => r.accountId === accountId && r.keyId === keyId)
    return p?.state === 'settled' ? true : undefined
  })
}

describe('rotating the SpaceONE key KeyDesk itself signs in with', () => {
  it('moves KeyDesk onto the new key before the old one is disabled, then waits, deletes and finishes', async () => {
    const account = await spaceone()
    const own = account.facts.ownKeyId
    expect(own).toMatch(/^api-key-/)
    const started = await h.call('rotation.start', { accountId: account.id, keyId: own ?? '' })
    expect(started).toMatchObject({ step: 'create', ownCredential: true, oldKeyId: own })

    const created = await h.call('rotation.create', { id: started.id, requestId: randomUUID(), keep: false })
    const after = (await h.call('accounts.list', {})).find((a) => a.id === account.id)
    expect(after?.facts.ownKeyId).toBe(created.key.keyId)
    const stored = JSON.parse((await vault.get(vaultNames.credential('spaceone', account.id))) ?? '{}') as {
      token: string
    }
    expect(stored.token).toBe(created.parts.find((p) => p.label === 'API key')?.value)
    const keys = (await h.call('keys.list', { accountId: account.id })).keys
    expect(keys.find((k) => k.keyId === own)?.state).toBe('enabled')

    expect(await advance(started.id)).toMatchObject({ step: 'disable', newKeyId: created.key.keyId })
    expect(await advance(started.id)).toMatchObject({ step: 'wait' })
    const refused = await h.failure('rotation.advance', { id: started.id })
    expect(refused.code).toBe('CONFLICT')
    expect(refused.message).toMatch(/may still authenticate until/)
    await settled(account.id, own ?? '')
    expect(await advance(started.id)).toMatchObject({ step: 'delete' })
    expect(await advance(started.id)).toMatchObject({ step: 'done' })
    const left = (await h.call('keys.list', { accountId: account.id })).keys.filter((k) => k.state !== 'deleted')
    expect(left.map((k) => k.keyId)).toEqual([created.key.keyId])
    expect(h.events.filter((e) => e.name === 'rotation.updated').length).toBeGreaterThanOrEqual(6)
  })

  it('resumes every step from the settings file after the app is closed and opened again', async () => {
    const account = await spaceone()
    const own = account.facts.ownKeyId ?? ''
    const started = await h.call('rotation.start', { accountId: account.id, keyId: own })
    const created = await h.call('rotation.create', { id: started.id, requestId: randomUUID(), keep: true })
    await advance(started.id)
    await advance(started.id)
    await h.close()

    h = openCore({ dir: h.dir, vault })
    await h.core.start()
    const [resumed] = await h.call('rotation.list', {})
    expect(resumed).toMatchObject({ id: started.id, step: 'wait', newKeyId: created.key.keyId, ownCredential: true })
    await settled(account.id, own)
    expect(await advance(started.id)).toMatchObject({ step: 'delete' })
    expect(await advance(started.id)).toMatchObject({ step: 'done' })
    const live = (await h.call('keys.list', { accountId: account.id })).keys.filter((k) => k.state !== 'deleted')
    expect(live.map((k) => k.keyId)).toEqual([created.key.keyId])
  })
})

describe('what a rotation refuses', () => {
  it('names the other key to delete first when SpaceONE is at 2 keys — never the account’s own key', async () => {
    const account = await spaceone()
    const own = account.facts.ownKeyId ?? ''
    const other = await h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
    const rotatingOwn = await h.failure('rotation.start', { accountId: account.id, keyId: own })
    expect(rotatingOwn.code).toBe('LIMIT_REACHED')
    expect(rotatingOwn.message).toContain(`Delete ${other.key.keyId} first`)
    const rotatingOther = await h.failure('rotation.start', { accountId: account.id, keyId: other.key.keyId })
    expect(rotatingOther.code).toBe('LIMIT_REACHED')
    expect(rotatingOther.message).not.toContain(`Delete ${own}`)
    expect(rotatingOther.message).toMatch(/KeyDesk itself signs in with, so do not delete it/)
    expect(await h.call('rotation.list', {})).toEqual([])
  })

  it('will not advance before the new key exists, and forgets a cancelled rotation', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    const key = (await h.call('keys.list', { accountId: account.id })).keys[0]
    const r = await h.call('rotation.start', { accountId: account.id, keyId: key?.keyId ?? '' })
    expect((await h.failure('rotation.advance', { id: r.id })).message).toMatch(/Create the new key first/)
    expect(await h.call('rotation.start', { accountId: account.id, keyId: key?.keyId ?? '' })).toEqual(r)
    await h.call('rotation.cancel', { id: r.id })
    expect(await h.call('rotation.list', {})).toEqual([])
  })
})

describe('rotating where keys cannot be disabled', () => {
  it('goes straight from switching to deleting a CloudMC key, and joins a double-clicked step', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    // Not a seeded key: one of those is the account's own credential, and CloudMC's list cannot say which.
    const old = (await h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })).key.keyId
    const r = await h.call('rotation.start', { accountId: account.id, keyId: old })
    expect(r.ownCredential).toBe(false)
    const created = await h.call('rotation.create', {
      id: r.id,
      requestId: randomUUID(),
      keep: false,
      name: 'replacement',
    })
    expect(created.key.name).toBe('replacement')
    const [a, b] = await Promise.all([advance(r.id), advance(r.id)])
    expect(a).toEqual(b)
    expect(a.step).toBe('delete')
    expect(await advance(r.id)).toMatchObject({ step: 'done' })
    const ids = (await h.call('keys.list', { accountId: account.id })).keys.map((k) => k.keyId)
    expect(ids).toContain(created.key.keyId)
    expect(ids).not.toContain(old)
  })
})

function advance(id: string): Promise<Rotation> {
  return h.call('rotation.advance', { id })
}
