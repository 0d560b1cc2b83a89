// The lifecycle against the real sandbox: what the service still accepts while a change propagates, and when it stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Propagation } from '../../src/shared/model'
import type { Sandbox } from '../../src/sandbox'
import { addAccount, onqlaveChoice, openCore, removeDir, testSandbox, until, type Harness } from './create-harness'

let sb: Sandbox
let h: Harness
beforeAll(async () => {
  sb = await testSandbox({ propagationSeconds: 2, activationSeconds: 1, seed: 'lifecycle-sandbox' })
  h = openCore()
  await h.core.start()
})
afterAll(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

const record = async (keyId: string): Promise<Propagation | undefined> =>
  (await h.call('propagation.list', {})).find((p) => p.keyId === keyId)

describe('changes that propagate', () => {
  it('a SpaceONE key disabled right after use keeps authenticating until the window ends, then is refused and settles', async () => {
    const account = await addAccount(h, sb, 'spaceone')
    await h.call('accounts.update', { id: account.id, propagationWindowSec: 2 })
    const { keys } = await h.call('keys.list', { accountId: account.id })
    const other = keys.find((k) => k.keyId !== account.facts.ownKeyId)
    if (other) await h.call('keys.delete', { accountId: account.id, keyId: other.keyId })
    const created = await h.call('keys.create', {
      accountId: account.id,
      requestId: 'lifecycle-spaceone-1',
      keep: true,
    })
    const keyId = created.key.keyId
    expect((await h.call('keys.try', { accountId: account.id, keyId })).ok).toBe(true)

    await h.call('keys.disable', { accountId: account.id, keyId })
    expect(await record(keyId)).toMatchObject({ op: 'disable', state: 'propagating' })
    expect((await h.call('keys.try', { accountId: account.id, keyId })).ok).toBe(true)

    const settled = await until('the disable to settle', async () => {
      const r = await record(keyId)
      return r?.state === 'settled' ? r : undefined
    })
    expect(Date.parse(settled.checkedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(settled.settleBy) - 1000)
    expect((await h.call('keys.try', { accountId: account.id, keyId })).ok).toBe(false)
    expect(h.events.some((e) => e.name === 'notify')).toBe(true)
  })

  it('a SpaceONE delete keeps the row the user saw, with its own name and creation time, while it propagates', async () => {
    const account =
      (await h.call('accounts.list', {})).find((a) => a.provider === 'spaceone') ??
      (await addAccount(h, sb, 'spaceone'))
    await h.call('accounts.update', { id: account.id, propagationWindowSec: 60 })
    const listed = (await h.call('keys.list', { accountId: account.id })).keys
    const shown =
      listed.find((k) => k.keyId !== account.facts.ownKeyId) ??
      (await h.call('keys.create', { accountId: account.id, requestId: 'lifecycle-spaceone-shown', keep: false })).key
    await h.call('keys.delete', { accountId: account.id, keyId: shown.keyId, shown })
    const { keys } = await h.call('keys.list', { accountId: account.id })
    expect(keys.find((k) => k.keyId === shown.keyId)).toEqual({ ...shown, state: 'deleted' })
  })

  it('a CloudMC key deleted is refused at once and leaves no pending record: the change is in force', async () => {
    const account = await addAccount(h, sb, 'cloudmc')
    const created = await h.call('keys.create', {
      accountId: account.id,
      requestId: 'lifecycle-cloudmc-1',
      keep: false,
    })
    expect((await h.call('keys.try', { handle: created.handle })).ok).toBe(true)
    await h.call('keys.delete', { accountId: account.id, keyId: created.key.keyId })
    expect((await h.call('keys.try', { handle: created.handle })).ok).toBe(false)
    const { keys } = await h.call('keys.list', { accountId: account.id })
    expect(keys.some((k) => k.keyId === created.key.keyId)).toBe(false)
    expect(await record(created.key.keyId)).toBeUndefined()
  })

  it('an Onqlave delete goes pending, then deleted, and the tracker settles it by polling', async () => {
    const account = await addAccount(h, sb, 'onqlave')
    const choice = await onqlaveChoice(h, account.id)
    const created = await h.call('keys.create', {
      accountId: account.id,
      requestId: 'lifecycle-onqlave-1',
      keep: false,
      ...choice,
    })
    const after = await h.call('keys.delete', { accountId: account.id, keyId: created.key.keyId })
    expect(after?.state).toBe('pending')
    await until('the delete to settle', async () =>
      (await record(created.key.keyId))?.state === 'settled' ? true : undefined,
    )
    const { keys } = await h.call('keys.list', { accountId: account.id })
    expect(keys.find((k) => k.keyId === created.key.keyId)?.state).toBe('deleted')
  })
})
