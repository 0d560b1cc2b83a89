// Adds that arrive together, against the real sandbox over HTTP: two users of one endpoint are two accounts; two
// credentials of one user are one account and a refusal naming it; the same add twice is one account.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { openCore, removeDir, testSandbox, type Harness } from './create-harness'
import { credentialOf } from './providers-support'

let sb: Sandbox
let h: Harness
beforeEach(async () => {
  sb = await testSandbox({ seed: 'accounts-concurrent', accountsPerProvider: 2 })
  h = openCore()
})
afterEach(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

function addInput(provider: 'onqlave' | 'cloudmc', n: number) {
  const seed = sb.accounts.filter((a) => a.provider === provider)[n]
  if (!seed) throw new Error(`the sandbox has no ${provider} account #${n}`)
  return { provider, label: seed.label, endpoint: seed.endpoint, credential: credentialOf(seed) }
}

describe('adds that arrive at the same time', () => {
  it('adds two tenants of the same endpoint as two accounts', async () => {
    const first = addInput('onqlave', 0)
    const second = addInput('onqlave', 1)
    expect(second.endpoint).toBe(first.endpoint)
    const [a, b] = await Promise.all([h.call('accounts.add', first), h.call('accounts.add', second)])
    expect(a.id).not.toBe(b.id)
    expect([a.label, b.label]).toEqual([first.label, second.label])
    const listed = (await h.call('accounts.list', {})).filter((x) => x.provider === 'onqlave')
    expect(listed.map((x) => x.facts.tenant).sort()).toEqual([a.facts.tenant, b.facts.tenant].sort())
    expect(new Set(listed.map((x) => x.facts.tenant)).size).toBe(2)
  })

  it('adds one account for two credentials of one user, and tells the other add which account holds that user', async () => {
    const first = addInput('cloudmc', 0)
    const apiKey = first.credential.provider === 'cloudmc' ? first.credential.apiKey : ''
    // A second key of the same user, made on the service as another tool would.
    const res = await fetch(`${first.endpoint}/api_keys`, {
      method: 'POST',
      headers: { 'MC-Api-Key': apiKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'second key of the same user' }),
    })
    const secondKey = ((await res.json()) as { data: { apiKey: string } }).data.apiKey
    const second = {
      ...first,
      label: 'Same user again',
      credential: { provider: 'cloudmc' as const, apiKey: secondKey },
    }
    const outcomes = await Promise.allSettled([h.call('accounts.add', first), h.call('accounts.add', second)])
    const added = outcomes.filter((o) => o.status === 'fulfilled')
    const refused = outcomes.flatMap((o) =>
      o.status === 'rejected' ? [o.reason as { code: string; message: string }] : [],
    )
    expect(added).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]?.code).toBe('CONFLICT')
    expect(refused[0]?.message).toContain('is already in KeyDesk as')
    expect((await h.call('accounts.list', {})).filter((x) => x.provider === 'cloudmc')).toHaveLength(1)
  })

  it('saves the same add submitted twice at once as one account', async () => {
    const input = addInput('onqlave', 1)
    const [a, b] = await Promise.all([h.call('accounts.add', input), h.call('accounts.add', input)])
    expect(a.id).toBe(b.id)
    expect((await h.call('accounts.list', {})).filter((x) => x.provider === 'onqlave')).toHaveLength(1)
  })
})
