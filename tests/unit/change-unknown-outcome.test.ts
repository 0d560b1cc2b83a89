// A change whose answer is lost after the service made it, against the real sandbox over HTTP: KeyDesk lists the
// account, reports a done delete or rename as done (a delete with its propagation record where the service
// propagates), and keeps the error when the listing shows the change not made, or when no listing can tell.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../src/sandbox'
import { createHttp, type Http, type HttpRequest } from '../../src/main/net/http'
import {
  addAccount,
  onqlaveChoice,
  openCore,
  removeDir,
  sandboxControl,
  testSandbox,
  type Harness,
} from './create-harness'

let sb: Sandbox
let h: Harness
/** Which requests lose their answer after the service handled them. */
let dropping: (req: HttpRequest) => boolean
/** Which requests fail before the service handles them (a 503 or a broken connection: the outcome is unknown too). */
let failing: (req: HttpRequest) => boolean

function lossy(label: () => string): Http {
  const inner = createHttp({ backoffMs: 5, retries: 0 })
  return {
    request: async (req) => {
      const knob = dropping(req) ? 'dropAnswerRate' : failing(req) ? 'faultRate' : null
      if (!knob) return inner.request(req)
      await sandboxControl(sb, 'config', { account: label(), [knob]: 1 })
      try {
        return await inner.request(req)
      } finally {
        await sandboxControl(sb, 'config', { account: label(), [knob]: 0 })
      }
    },
  }
}

let label = ''
beforeEach(async () => {
  sb = await testSandbox({ activationSeconds: 0 })
  dropping = () => false
  failing = () => false
  h = openCore({ http: lossy(() => label) })
})
afterEach(async () => {
  await h.close()
  removeDir(h.dir)
  await sb.close()
})

async function madeKey(provider: 'cloudmc' | 'onqlave'): Promise<{ accountId: string; keyId: string }> {
  label = sb.accounts.find((a) => a.provider === provider)?.label ?? ''
  const account = await addAccount(h, sb, provider)
  const choice = provider === 'onqlave' ? await onqlaveChoice(h, account.id) : {}
  const created = await h.call('keys.create', {
    accountId: account.id,
    requestId: `made-${provider}`,
    keep: false,
    ...choice,
  })
  return { accountId: account.id, keyId: created.key.keyId }
}

describe('a delete whose answer is lost after the service did it', () => {
  for (const provider of ['cloudmc', 'onqlave'] as const) {
    it(`${provider}: is reported done, not failed, and tracked where the service propagates`, async () => {
      const ref = await madeKey(provider)
      dropping = (req) => req.method === 'DELETE'
      await h.call('keys.delete', ref)
      dropping = () => false
      const listed = (await h.call('keys.list', { accountId: ref.accountId })).keys.find((k) => k.keyId === ref.keyId)
      expect(listed === undefined || listed.state === 'deleted').toBe(true)
      const tracked = (await h.call('propagation.list', {})).some((r) => r.keyId === ref.keyId && r.op === 'delete')
      const model = h.core.session.providerOf(ref.accountId).descriptor.changes.delete.model
      expect(tracked).toBe(model !== 'none')
    })
  }

  it('keeps the error when the listing that would tell is lost too', async () => {
    const ref = await madeKey('cloudmc')
    dropping = (req) => req.method === 'DELETE' || (req.method === 'GET' && req.url.endsWith('/api_keys'))
    const failed = await h.failure('keys.delete', ref)
    expect(failed.code).toBe('NETWORK')
  })
})

describe('a rename whose answer is lost', () => {
  const named = async (ref: { accountId: string; keyId: string }): Promise<string | undefined> =>
    (await h.call('keys.list', { accountId: ref.accountId })).keys.find((k) => k.keyId === ref.keyId)?.name

  it('is reported done with the key as listed when the service made it, its name compared trimmed', async () => {
    const ref = await madeKey('cloudmc')
    dropping = (req) => req.method === 'PUT'
    // Straight to the core: the channel trims names before they get here.
    const key = await h.core.lifecycle.rename(ref.accountId, ref.keyId, '  lost-answer  ')
    dropping = () => false
    expect(key.name).toBe('lost-answer')
    expect(await named(ref)).toBe('lost-answer')
  })

  it('keeps the error when the listing shows the old name', async () => {
    const ref = await madeKey('cloudmc')
    const before = await named(ref)
    failing = (req) => req.method === 'PUT'
    const failed = await h.failure('keys.rename', { ...ref, name: 'never-made' })
    failing = () => false
    expect(['NETWORK', 'PROVIDER_ERROR']).toContain(failed.code)
    expect(await named(ref)).toBe(before)
  })

  it('keeps the error when the listing that would tell is lost too', async () => {
    const ref = await madeKey('cloudmc')
    dropping = (req) => req.method === 'PUT' || (req.method === 'GET' && req.url.endsWith('/api_keys'))
    const failed = await h.failure('keys.rename', { ...ref, name: 'made-but-untold' })
    expect(failed.code).toBe('NETWORK')
  })
})
