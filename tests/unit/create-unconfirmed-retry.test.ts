// The causes the fault soak found, one by one against the real sandbox over HTTP (fake clock): a retry of a create
// that made a key made a second one; "No key was created" was said after failed listings; a key made elsewhere was
// claimed as the lost create's. Each request meets exactly the fault its test names.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { createHttp, type Http, type HttpRequest } from '../../src/main/net/http'
import { RECHECK_LIMIT_MS } from '../../src/main/core/keys/unconfirmed'
import { FakeClock } from '../support/fake-clock'
import { credentialOf } from './providers-support'
import { addAccount, openCore, removeDir, sandboxControl, testSandbox, type Harness } from './create-harness'

type Fault = 'drop' | 'fail' | null

/** Http whose nth request meets the fault `plan` picks for it (the sandbox's own fault modes, on this account only). */
function scripted(sb: Sandbox, label: string, plan: (req: HttpRequest) => Fault | Promise<Fault>): Http {
  const inner = createHttp({ backoffMs: 5, retries: 0 })
  return {
    request: async (req) => {
      const fault = await plan(req)
      if (fault === null) return inner.request(req)
      await sandboxControl(sb, 'config', { account: label, [fault === 'drop' ? 'dropAnswerRate' : 'faultRate']: 1 })
      try {
        return await inner.request(req)
      } finally {
        await sandboxControl(sb, 'config', { account: label, dropAnswerRate: 0, faultRate: 0 })
      }
    },
  }
}

const isCreate = (req: HttpRequest): boolean => req.method === 'POST' && req.url.endsWith('/api_keys')
const isList = (req: HttpRequest): boolean => req.method === 'GET' && req.url.endsWith('/api_keys')

describe('a CloudMC create whose answer is lost', () => {
  let sb: Sandbox
  let h: Harness | undefined
  let label: string
  let clock: FakeClock
  let plan: (req: HttpRequest) => Fault | Promise<Fault>
  beforeEach(async () => {
    sb = await testSandbox()
    label = sb.accounts.find((a) => a.provider === 'cloudmc')?.label ?? ''
    clock = new FakeClock(Date.now())
    plan = () => null
    h = openCore({ clock, http: scripted(sb, label, (req) => plan(req)) })
  })
  afterEach(async () => {
    await h?.close()
    if (h) removeDir(h.dir)
    await sb.close()
  })

  async function keyIds(accountId: string): Promise<string[]> {
    plan = () => null
    return (await (h as Harness).call('keys.list', { accountId })).keys.map((k) => k.keyId)
  }

  function notified(): { title: string; body: string }[] {
    return (h as Harness).events
      .filter((e) => e.name === 'notify')
      .map((e) => e.payload as { title: string; body: string })
  }

  it('found by the listing right after: the retry of the same request is refused and makes no second key', async () => {
    const core = h as Harness
    const account = await addAccount(core, sb, 'cloudmc')
    const before = await keyIds(account.id)
    let creates = 0
    plan = (req) => (isCreate(req) && ++creates === 1 ? 'drop' : null)
    const input = { accountId: account.id, requestId: 'retry-after-found', name: 'found', keep: false }
    const first = await core.failure('keys.create', input)
    const made = (await keyIds(account.id)).filter((id) => !before.includes(id))
    expect(made).toHaveLength(1)
    expect(first.message).toContain(`did create key ${made[0]}`)
    plan = () => null
    const retry = await core.failure('keys.create', input)
    expect(retry.code).toBe('CONFLICT')
    expect(retry.message).toContain(made[0])
    expect(creates).toBe(1)
    expect((await keyIds(account.id)).filter((id) => !before.includes(id))).toEqual(made)
    expect((await core.call('app.info', {})).notices.some((n) => n.includes(made[0] ?? '?'))).toBe(true)
  })

  it('found by a background check: the retry of the same request is still refused', async () => {
    const core = h as Harness
    const account = await addAccount(core, sb, 'cloudmc')
    const before = await keyIds(account.id)
    let creates = 0
    let lists = 0
    plan = (req) => (isCreate(req) ? (++creates === 1 ? 'drop' : null) : isList(req) && ++lists === 2 ? 'drop' : null)
    const input = { accountId: account.id, requestId: 'retry-after-check', name: 'late', keep: false }
    expect((await core.failure('keys.create', input)).message).toContain('keeps checking in the background')
    await clock.advance(10_000)
    const made = (await keyIds(account.id)).filter((id) => !before.includes(id))
    expect(notified().some((n) => n.title === `Key ${made[0]} appeared after the create timed out`)).toBe(true)
    const retry = await core.failure('keys.create', input)
    expect(retry.code).toBe('CONFLICT')
    expect(creates).toBe(1)
  })

  it('says "No key was created" only after a listing taken past the whole window succeeds', async () => {
    const core = h as Harness
    const account = await addAccount(core, sb, 'cloudmc')
    let listsFail = false
    // The create fails before the service handles it; every listing after it fails until the account is back.
    plan = (req) => {
      if (isCreate(req)) listsFail = true
      return isCreate(req) || (listsFail && isList(req)) ? 'fail' : null
    }
    const input = { accountId: account.id, requestId: 'never-made', name: 'never', keep: false }
    await core.failure('keys.create', input)
    expect(core.core.unconfirmed.all()).toHaveLength(1)
    await clock.advance(RECHECK_LIMIT_MS + 10 * 60_000)
    expect(notified().map((n) => n.title)).not.toContain('No key was created')
    expect(core.core.unconfirmed.all()).toHaveLength(1)
    listsFail = false
    await clock.advance(60_000)
    const said = notified().find((n) => n.title === 'No key was created')
    expect(said?.body).toContain('a listing taken more than 10 minutes later shows no new key')
    expect(core.core.unconfirmed.all()).toHaveLength(0)
  })

  it('does not claim a key made elsewhere meanwhile, and still reports it when the window ends', async () => {
    const core = h as Harness
    const account = await addAccount(core, sb, 'cloudmc')
    const seed = sb.accounts.find((a) => a.label === label)
    const credential = seed ? credentialOf(seed) : null
    const apiKey = credential?.provider === 'cloudmc' ? credential.apiKey : ''
    // Another program makes a key on the same account while KeyDesk's own create fails unseen.
    const elsewhere = async (): Promise<string> => {
      const res = await fetch(`${seed?.endpoint ?? ''}/api_keys`, {
        method: 'POST',
        headers: { 'MC-Api-Key': apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'made-elsewhere' }),
      })
      return ((await res.json()) as { data: { id: string } }).data.id
    }
    let other = ''
    plan = async (req) => {
      if (!isCreate(req)) return null
      other = await elsewhere()
      return 'fail'
    }
    const failed = await core.failure('keys.create', {
      accountId: account.id,
      requestId: 'mine-request',
      name: 'mine',
      keep: false,
    })
    expect(failed.message).toContain('keeps checking in the background')
    plan = () => null
    await clock.advance(60_000)
    expect(other).not.toBe('')
    expect(notified().some((n) => n.title.includes(other))).toBe(false)
    await clock.advance(RECHECK_LIMIT_MS)
    const said = notified().find((n) => n.title.includes(other))
    expect(said?.title).toContain('appeared while KeyDesk checked a create that timed out')
    expect(said?.body).toContain('may have been made elsewhere')
    expect(notified().map((n) => n.title)).not.toContain('No key was created')
  })
})
