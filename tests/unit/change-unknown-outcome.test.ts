// A change whose answer is lost after the service made it, against the real sandbox over HTTP: KeyDesk lists the
// account, reports a done delete as done (with its propagation record where the service propagates), and keeps the
// error when no listing can tell.
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

function lossy(label: () => string): Http {
  const inner = createHttp({ backoffMs: 5, retries: 0 })
  return {
    request: async (req) => {
      if (!dropping(req)) return inner.request(req)
      await sandboxControl(sb, 'config', { account: label(), dropAnswerRate: 1 })
      try {
        return await inner.request(req)
      } finally {
        await sandboxControl(sb, 'config', { account: label(), dropAnswerRate: 0 })
      }
    },
  }
}

let label = ''
beforeEach(async () => {
  sb = await testSandbox({ activationSeconds: 0 })
  dropping = () => false
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
