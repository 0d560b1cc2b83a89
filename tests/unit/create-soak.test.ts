// A fault soak through the core against the real sandbox over HTTP: 120 creates, renames and deletes while 15% of the
// requests fail before the service handles them and 15% lose their answer after it did. The user retries a failed
// create once with the same request (the dialog's "Try again"). Afterwards no key may be live that the user neither
// got nor was told about, no request may have made two keys, and no accepted change may lose its propagation record.
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import type { PropagationOp } from '../../src/shared/model'
import { FakeClock } from '../support/fake-clock'
import { addAccount, onqlaveChoice, openCore, removeDir, testSandbox, type Harness } from './create-harness'
import { RecordWatch, serviceTruth, Told, whileAdvancing, type Faults } from './soak-support'

const ACTIONS = 120
const FAULTS: Faults = { faultRate: 0.15, dropAnswerRate: 0.15 }
const CALM: Faults = { faultRate: 0, dropAnswerRate: 0 }
/** CloudMC renames; Onqlave cannot, so it creates more. Neither can disable or enable. */
const PLAN = {
  cloudmc: ['create', 'rename', 'delete', 'create', 'rename'],
  onqlave: ['create', 'delete', 'create', 'create', 'delete'],
} as const

type Provider = keyof typeof PLAN

async function attempt<T>(clock: FakeClock, told: Told, work: () => Promise<T>): Promise<T | Error> {
  try {
    return await whileAdvancing(clock, work())
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err))
    told.read(e.message)
    return e
  }
}

for (const provider of ['cloudmc', 'onqlave'] as const) {
  it(`${provider}: ${ACTIONS} actions at 30% faults leave no hidden live key, no duplicate and no lost propagation record`, async () => {
    const sb = await testSandbox({ activationSeconds: 0, propagationSeconds: 0 })
    const clock = new FakeClock(Date.now())
    const h = openCore({ clock })
    try {
      const figures = await soak(provider, h, clock, sb)
      mkdirSync('test-results', { recursive: true })
      writeFileSync(`test-results/figures-create-soak-${provider}.json`, JSON.stringify(figures, null, 2))
      expect(h.core.unconfirmed.all()).toEqual([])
      expect(figures.hidden).toEqual([])
      expect(figures.duplicates).toBe(0)
      expect(figures.falseNoKey).toEqual([])
      expect(figures.lostRecords).toEqual([])
      // The soak did meet its faults: lost answers were reconciled and refusals kept a second key from being made.
      expect(figures.counts.createFailed).toBeGreaterThan(0)
      expect(figures.counts.created).toBeGreaterThan(0)
    } finally {
      await h.close()
      removeDir(h.dir)
      await sb.close()
    }
  }, 240_000)
}

async function soak(provider: Provider, h: Harness, clock: FakeClock, sb: Awaited<ReturnType<typeof testSandbox>>) {
  const account = await addAccount(h, sb, provider)
  const label = sb.accounts.find((a) => a.provider === provider)?.label ?? ''
  const choice = provider === 'onqlave' ? await onqlaveChoice(h, account.id) : {}
  const changes = h.core.session.providerOf(account.id).descriptor.changes
  const tracked = (op: PropagationOp): boolean => changes[op].model !== 'none'
  const truth = (faults: Faults): Promise<string[]> => serviceTruth(h, sb, label, account.id, faults)
  const told = new Told()
  h.core.onEvent((name, payload) => {
    if (name === 'notify') told.read(`${(payload as { title: string }).title} ${(payload as { body: string }).body}`)
  })
  const records = new RecordWatch(h)
  const seeded = new Set(await truth(FAULTS))
  const ever = new Set(seeded)
  const known = new Set<string>()
  const counts = {
    created: 0,
    createFailed: 0,
    refused: 0,
    renamed: 0,
    deleted: 0,
    changeFailed: 0,
    requestsMade: 0,
    deleteFailedButDone: 0,
  }
  let duplicates = 0
  /** Names of the requests that made a key: "No key was created" must never be said of one. */
  const madeBy = new Set<string>()
  const noKey: string[] = []
  h.core.onEvent((name, payload) => {
    const body = name === 'notify' ? (payload as { title: string; body: string }) : null
    if (body?.title === 'No key was created') noKey.push(body.body)
  })
  for (let i = 0; i < ACTIONS; i += 1) {
    const mine = [...known]
    const keyId = mine[(i * 7) % Math.max(1, mine.length)] ?? ''
    const kind = keyId === '' ? 'create' : (PLAN[provider][i % PLAN[provider].length] ?? 'create')
    if (kind === 'create') {
      const input = { accountId: account.id, requestId: `soak-request-${i}`, name: `soak-${i}`, keep: false, ...choice }
      let made = await attempt(clock, told, () => h.call('keys.create', input))
      if (made instanceof Error) made = await attempt(clock, told, () => h.call('keys.create', input))
      if (made instanceof Error) {
        counts.createFailed += 1
        if (made.message.includes('still checking')) counts.refused += 1
      } else {
        counts.created += 1
        known.add(made.key.keyId)
        if (tracked('create')) await records.expectRecord(h, 'create', made.key.keyId)
      }
      // Every key the service made during this one request (and its retry) is born now.
      const born = (await truth(FAULTS)).filter((id) => !ever.has(id))
      for (const id of born) ever.add(id)
      counts.requestsMade += born.length > 0 ? 1 : 0
      if (born.length > 0) madeBy.add(input.name)
      duplicates += Math.max(0, born.length - 1)
    } else {
      const ref = { accountId: account.id, keyId }
      const run = (): Promise<unknown> =>
        kind === 'delete' ? h.call('keys.delete', ref) : h.call('keys.rename', { ...ref, name: `renamed-${i}` })
      let done = await attempt(clock, new Told(), run)
      const firstFailed = done instanceof Error
      if (done instanceof Error) done = await attempt(clock, new Told(), run)
      const gone = done instanceof Error && /is gone/.test(done.message)
      // The first try was reported failed, yet the service had done it: a lost answer KeyDesk could not reconcile.
      if (firstFailed && gone && kind === 'delete') counts.deleteFailedButDone += 1
      if (done instanceof Error && !gone) counts.changeFailed += 1
      else if (kind === 'delete') {
        counts.deleted += 1
        known.delete(keyId)
        if (!gone && tracked('delete')) await records.expectRecord(h, 'delete', keyId)
      } else counts.renamed += 1
      // A rename whose answer was lost and whose retry found the key gone: it was deleted by an earlier lost answer.
      if (gone) known.delete(keyId)
    }
    await clock.advance(30_000)
  }
  await truth(CALM)
  // The background checks finish (bounded), then every propagation has its time to settle. Their listings are real
  // requests to the sandbox while the clock is simulated, so the bound is on real time, not on a number of steps.
  const giveUpAt = Date.now() + 60_000
  for (let n = 0; n < 20_000 && Date.now() < giveUpAt && h.core.unconfirmed.all().length > 0; n += 1)
    await clock.advance(10_000)
  await clock.advance(15 * 60_000)
  for (const notice of (await h.call('app.info', {})).notices) told.read(notice)
  const live = await truth(CALM)
  const hidden = live.filter((id) => !seeded.has(id) && !known.has(id) && !told.has(id))
  return {
    provider,
    actions: ACTIONS,
    faults: FAULTS,
    counts,
    liveAtEnd: live.length,
    messagesRead: told.size,
    hidden,
    duplicates,
    falseNoKey: noKey.filter((text) => [...madeBy].some((n) => text.includes(`"${n}"`))),
    lostRecords: await records.lost(h),
  }
}
