// A create whose answer is lost after the service made the key: KeyDesk keeps looking (fake clock), reports the key
// whose secret nobody saw, refuses a second create meanwhile, and resumes after a restart. Real sandbox over HTTP.
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { RECHECK_LIMIT_MS } from '../../src/main/core/keys/unconfirmed'
import { FakeClock } from '../support/fake-clock'
import {
  addAccount,
  losingNextCreate,
  onqlaveChoice,
  openCore,
  removeDir,
  testSandbox,
  type Harness,
} from './create-harness'

async function serviceKeyIds(h: Harness, accountId: string): Promise<string[]> {
  const { keys } = await h.call('keys.list', { accountId })
  return keys.map((k) => k.keyId)
}

function notified(h: Harness): { title: string; body: string }[] {
  return h.events.filter((e) => e.name === 'notify').map((e) => e.payload as { title: string; body: string })
}

describe('a create whose answer is lost after the service made the key', () => {
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

  for (const provider of ['cloudmc', 'onqlave'] as const) {
    it(`${provider}: the key is found by the background checks and reported; a retry makes no second key`, async () => {
      const clock = new FakeClock(Date.now())
      const label = sb.accounts.find((a) => a.provider === provider)?.label ?? ''
      const lossy = losingNextCreate(sb, label)
      h = openCore({ http: lossy.http, clock })
      const account = await addAccount(h, sb, provider)
      const choice = provider === 'onqlave' ? await onqlaveChoice(h, account.id) : {}
      const before = await serviceKeyIds(h, account.id)
      // The one listing right after the lost answer misses the key: it is made only once that listing is done.
      lossy.arm()
      const input = { accountId: account.id, requestId: randomUUID(), name: 'late key', keep: false, ...choice }
      const failed = await h.failure('keys.create', input)
      expect(failed.message).toContain('keeps checking in the background')
      expect(h.core.unconfirmed.all()).toHaveLength(1)

      const retry = await h.failure('keys.create', input)
      expect(retry.code).toBe('CONFLICT')
      expect(retry.message).toContain('still checking whether the create')
      const other = await h.failure('keys.create', { ...input, requestId: randomUUID() })
      expect(other.code).toBe('CONFLICT')

      await clock.advance(60_000)
      const after = await serviceKeyIds(h, account.id)
      const born = after.filter((id) => !before.includes(id))
      expect(born).toHaveLength(1)
      expect(h.core.unconfirmed.all()).toHaveLength(0)
      const report = notified(h).find((n) => n.title.includes(born[0] ?? '?'))
      expect(report?.title).toContain('appeared after the create timed out')
      expect(report?.body).toContain('secret was never seen')
      const info = await h.call('app.info', {})
      expect(info.notices.some((n) => n.includes(born[0] ?? '?'))).toBe(true)
    })
  }

  it('a restart resumes the checks from the settings and reports the key', async () => {
    const clock = new FakeClock(Date.now())
    const label = sb.accounts.find((a) => a.provider === 'cloudmc')?.label ?? ''
    const lossy = losingNextCreate(sb, label)
    h = openCore({ http: lossy.http, clock })
    const account = await addAccount(h, sb, 'cloudmc')
    const before = await serviceKeyIds(h, account.id)
    lossy.arm()
    const requestId = randomUUID()
    await h.failure('keys.create', { accountId: account.id, requestId, name: 'r', keep: false })
    const dir = h.dir
    await h.close()
    h = openCore({ dir, clock, vault: h.vault })
    expect(h.core.unconfirmed.all().map((r) => r.requestId)).toEqual([requestId])
    await h.core.start()
    await clock.advance(10_000)
    const born = (await serviceKeyIds(h, account.id)).filter((id) => !before.includes(id))
    expect(born).toHaveLength(1)
    expect(notified(h).some((n) => n.title.includes(born[0] ?? '?'))).toBe(true)
    expect(h.core.unconfirmed.all()).toHaveLength(0)
  })

  it('when no key appears within the bound the record is dropped and the user told no key was created', async () => {
    const clock = new FakeClock(Date.now())
    h = openCore({ clock })
    const account = await addAccount(h, sb, 'cloudmc')
    h.core.unconfirmed.record({
      accountId: account.id,
      requestId: randomUUID(),
      name: 'n',
      before: await serviceKeyIds(h, account.id),
    })
    await clock.advance(RECHECK_LIMIT_MS - 5_000)
    expect(h.core.unconfirmed.all()).toHaveLength(1)
    await clock.advance(120_000)
    expect(h.core.unconfirmed.all()).toHaveLength(0)
    expect(notified(h).map((n) => n.title)).toContain('No key was created')
  })
})
