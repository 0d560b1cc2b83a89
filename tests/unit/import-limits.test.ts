// An import's bounds, through the core against the real sandbox over HTTP: a size and an account-count limit with a
// clear error, a time limit on the core's (fake) clock, and the user's cancel. The accounts not reached are skipped
// with the reason, and nothing is added after the stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { createHttp, type Http } from '../../src/main/net/http'
import { IMPORT_LIMIT_MS } from '../../src/main/core/import-limit'
import { FakeClock } from '../support/fake-clock'
import { openCore, removeDir, testSandbox, type Harness } from './create-harness'

let sb: Sandbox
let h: Harness
let clock: FakeClock
/** Runs after each answer the services give the core: the test moves time or cancels from here. */
let afterAnswer: () => Promise<void>

function slow(inner: Http): Http {
  return {
    request: async (req) => {
      const res = await inner.request(req)
      await afterAnswer()
      return res
    },
  }
}

/** The sandbox's own list of its accounts, as `npm run sandbox` prints it: a file KeyDesk imports. */
function accountsFile(): string {
  const accounts = sb.accounts
    .filter((a) => a.provider !== 'spaceone' && a.provider !== 'spaceone-apps')
    .map((a) => ({ provider: a.provider, label: a.label, endpoint: a.endpoint, credentials: a.credentials }))
  return JSON.stringify({ accounts })
}

beforeEach(async () => {
  sb = await testSandbox({ seed: 'import-limits', accountsPerProvider: 2 })
  clock = new FakeClock(Date.now())
  afterAnswer = async () => undefined
  h = openCore({ clock, http: slow(createHttp({ backoffMs: 5 })) })
})
afterEach(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

describe('importing accounts', () => {
  it('refuses a file over 1 MB, and one with more than 200 accounts, saying why and adding nothing', async () => {
    const big = await h.failure('accounts.import', { content: 'x'.repeat(1_000_001), fileName: 'huge.json' })
    expect(big.code).toBe('INVALID_INPUT')
    expect(big.message).toContain('larger than 1 MB')
    const row = {
      provider: 'cloudmc',
      label: 'L',
      endpoint: 'https://cloudmc.example/api/v2',
      credentials: { apiKey: 'k' },
    }
    const many = JSON.stringify({ accounts: Array.from({ length: 201 }, (_, i) => ({ ...row, label: `L${i}` })) })
    const crowded = await h.failure('accounts.import', { content: many, fileName: 'many.json' })
    expect(crowded.code).toBe('INVALID_INPUT')
    expect(crowded.message).toContain('holds 201 accounts; KeyDesk imports at most 200 at a time')
    expect(await h.call('accounts.list', {})).toEqual([])
  })

  it('stops after its time limit on the core’s clock, keeping what it added and naming what it left', async () => {
    // Every answer from the services takes 40% of the limit: the third answer lands past it.
    afterAnswer = () => clock.advance(IMPORT_LIMIT_MS * 0.4)
    const result = await h.call('accounts.import', { content: accountsFile(), fileName: 'sandbox.json' })
    expect(result.added.length).toBeGreaterThan(0)
    expect(result.skipped.length).toBeGreaterThan(0)
    expect(result.added.length + result.skipped.length).toBe(4)
    for (const s of result.skipped) expect(s.reason).toContain('the import stopped after 3 minutes')
    expect((await h.call('accounts.list', {})).map((a) => a.id).sort()).toEqual(result.added.map((a) => a.id).sort())
  })

  it('stops at the user’s cancel: the account being checked and every later one are skipped, nothing is added', async () => {
    const requestId = 'import-cancel-1'
    afterAnswer = async () => {
      await h.call('accounts.cancel', { requestId })
    }
    const result = await h.call('accounts.import', { content: accountsFile(), fileName: 'sandbox.json', requestId })
    expect(result.added).toEqual([])
    expect(result.skipped).toHaveLength(4)
    for (const s of result.skipped) expect(s.reason).toBe('Not added: you cancelled the import.')
    expect(await h.call('accounts.list', {})).toEqual([])
  })
})
