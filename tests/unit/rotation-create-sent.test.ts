// What a rotation remembers of its create step: whether the service was asked for the new key, and whether that
// create's answer was lost and is still being checked, so stopping the rotation can say what may exist.
// Real core on the real sandbox over HTTP; the lost answer's checks run on a fake clock.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Rotation } from '../../src/shared/model'
import type { Sandbox } from '../../src/sandbox'
import { FakeClock } from '../support/fake-clock'
import { addAccount, losingNextCreate, openCore, removeDir, reopen, testSandbox, type Harness } from './create-harness'

let sb: Sandbox
let h: Harness | undefined
beforeEach(async () => {
  sb = await testSandbox()
})
afterEach(async () => {
  await h?.close()
  if (h) removeDir(h.dir)
  h = undefined
  await sb.close()
})

/** The rotations the last 'rotation.updated' carried, as a window following the events shows them. */
function shown(harness: Harness): readonly Rotation[] {
  const last = harness.events.filter((e) => e.name === 'rotation.updated').at(-1)
  return (last?.payload as { rotations: readonly Rotation[] } | undefined)?.rotations ?? []
}

describe('a rotation’s create step', () => {
  it('remembers a create whose answer was lost, shows it checked until a listing finds the key, then still sent', async () => {
    const clock = new FakeClock(Date.now())
    const label = sb.accounts.find((a) => a.provider === 'cloudmc')?.label ?? ''
    const lossy = losingNextCreate(sb, label)
    const core = openCore({ http: lossy.http, clock })
    h = core
    const account = await addAccount(core, sb, 'cloudmc')
    const old = (await core.call('keys.list', { accountId: account.id })).keys[0]?.keyId ?? ''
    const r = await core.call('rotation.start', { accountId: account.id, keyId: old })
    expect(r.createSent).toBeUndefined()

    lossy.arm()
    const requestId = randomUUID()
    const failed = await core.failure('rotation.create', { id: r.id, requestId, keep: false, name: 'late key' })
    expect(failed.message).toContain('keeps checking in the background')
    const [lost] = await core.call('rotation.list', {})
    expect(lost).toMatchObject({ step: 'create', createSent: { requestId }, createUnconfirmed: true })
    expect(shown(core)[0]).toMatchObject({ createSent: { requestId }, createUnconfirmed: true })
    // Read from the unconfirmed creates each time, never written with the rotation.
    const stored = JSON.parse(readFileSync(join(core.dir, 'settings.json'), 'utf8')) as { rotations: Rotation[] }
    expect(stored.rotations[0]?.createSent?.requestId).toBe(requestId)
    expect(stored.rotations[0]).not.toHaveProperty('createUnconfirmed')

    // A second try is refused before the service is asked: the rotation still points at the create that was sent.
    const refused = await core.failure('rotation.create', { id: r.id, requestId: randomUUID(), keep: false })
    expect(refused.code).toBe('CONFLICT')
    expect((await core.call('rotation.list', {}))[0]).toMatchObject({
      createSent: { requestId },
      createUnconfirmed: true,
    })

    await clock.advance(60_000)
    expect(core.core.unconfirmed.all()).toHaveLength(0)
    const settled = shown(core)[0]
    expect(settled?.createSent?.requestId).toBe(requestId)
    expect(settled?.createUnconfirmed).toBeUndefined()
    await core.call('rotation.cancel', { id: r.id })
    expect(await core.call('rotation.list', {})).toEqual([])
  })

  it('records nothing for a create refused before the service was asked, and forgets the ask once the key is made', async () => {
    const core = openCore()
    h = core
    const account = await addAccount(core, sb, 'cloudmc')
    const old = (await core.call('keys.list', { accountId: account.id })).keys[0]?.keyId ?? ''
    const r = await core.call('rotation.start', { accountId: account.id, keyId: old })
    // Another create on the account is still being checked: this one never reaches the service.
    core.core.unconfirmed.record({ accountId: account.id, requestId: randomUUID(), name: 'other', before: [] })
    const refused = await core.failure('rotation.create', { id: r.id, requestId: randomUUID(), keep: false })
    expect(refused.code).toBe('CONFLICT')
    const [waiting] = await core.call('rotation.list', {})
    expect(waiting?.createSent).toBeUndefined()
    expect(waiting?.createUnconfirmed).toBeUndefined()

    const fresh = await reopen(core)
    h = fresh
    const again = await addAccount(fresh, sb, 'cloudmc')
    const key = (await fresh.call('keys.list', { accountId: again.id })).keys[0]?.keyId ?? ''
    const started = await fresh.call('rotation.start', { accountId: again.id, keyId: key })
    const created = await fresh.call('rotation.create', { id: started.id, requestId: randomUUID(), keep: false })
    const [made] = await fresh.call('rotation.list', {})
    expect(made).toMatchObject({ step: 'switch', newKeyId: created.key.keyId })
    expect(made?.createSent).toBeUndefined()
  })
})
