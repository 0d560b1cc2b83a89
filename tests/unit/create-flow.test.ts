import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createHttp, type Http } from '../../src/main/net/http'
import { MemoryVault } from '../support/memory-vault'
import { AppError } from '../../src/shared/errors'
import { addAccount, onqlaveChoice, coreOnSandbox, reopen, progressOf, sandboxControl } from './create-harness'
import { stringMatching } from '../support/match'
import { urlOf } from '../support/fetch-input'

const requestId = (): string => randomUUID()

const t = coreOnSandbox()

describe('creating a key on each provider', () => {
  it('creates a SpaceONE key and returns its secret once, with endpoints and both export formats', async () => {
    const account = await addAccount(t.h, t.sb, 'spaceone')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(created.key).toMatchObject({ provider: 'spaceone', state: 'enabled', accountId: account.id })
    expect(created.key.keyId).toMatch(/^api-key-[0-9a-f]{12}$/)
    expect(created.parts.map((p) => [p.label, p.secret])).toEqual([
      ['API key ID', false],
      ['API key', true],
    ])
    expect(created.parts[1]?.value).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(created.endpoints.map((e) => e.service)).toContain('identity')
    expect(created.exports.map((e) => e.fileName)).toEqual(['api_key', 'spacectl_config'])
    expect(created.kept).toBe(false)
    const listed = await t.h.call('keys.list', { accountId: account.id })
    expect(listed.keys.map((k) => k.keyId)).toContain(created.key.keyId)
  })

  it('creates a CloudMC key with the given name, or lets CloudMC name it when the name is blank', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const named = await t.h.call('keys.create', {
      accountId: account.id,
      requestId: requestId(),
      keep: false,
      name: '  ci-runner  ',
    })
    expect(named.key.name).toBe('ci-runner')
    const unnamed = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(unnamed.key.name).toMatch(/^api_key_[a-z0-9]{8}$/)
    expect(unnamed.parts.map((p) => p.label)).toEqual(['API key', 'Endpoint', 'Check command'])
    expect(unnamed.exports.map((e) => e.fileName)).toEqual(['cloudmc_api_key.json'])
  })

  it('creates an Onqlave key through review choices, reporting creating → activating → fetching → done', async () => {
    const account = await addAccount(t.h, t.sb, 'onqlave')
    const choice = await onqlaveChoice(t.h, account.id)
    const id = requestId()
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: id, keep: false, ...choice })
    expect(progressOf(t.h, id)).toEqual(['creating', 'activating', 'fetching', 'done'])
    expect(created.key).toMatchObject({
      state: 'enabled',
      extra: { clusterId: choice.clusterId, applicationId: choice.applicationId },
    })
    expect(created.parts.map((p) => p.label)).toEqual(
      expect.arrayContaining(['Arx URL', 'Access key', 'Server signing key', 'Server secret key']),
    )
    expect(created.parts.find((p) => p.label === 'Server secret key')?.value).not.toBe('')
    const tracked = await t.h.call('propagation.list', {})
    expect(tracked.find((p) => p.keyId === created.key.keyId)?.op).toBe('create')
  })

  it('tries a created key with one real call made with its own secret', async () => {
    for (const provider of ['spaceone', 'cloudmc', 'onqlave'] as const) {
      const account = await addAccount(t.h, t.sb, provider)
      const choice = provider === 'onqlave' ? await onqlaveChoice(t.h, account.id) : {}
      const created = await t.h.call('keys.create', {
        accountId: account.id,
        requestId: requestId(),
        keep: false,
        ...choice,
      })
      expect(await t.h.call('keys.try', { handle: created.handle })).toMatchObject({
        ok: true,
        message: stringMatching(/works/i),
      })
    }
  })
})

describe('one key per dialog, and the SpaceONE limit', () => {
  it('creates one key when the same requestId is submitted twice at once', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const before = (await t.h.call('keys.list', { accountId: account.id })).keys.length
    const id = requestId()
    const [a, b] = await Promise.all([
      t.h.call('keys.create', { accountId: account.id, requestId: id, keep: false }),
      t.h.call('keys.create', { accountId: account.id, requestId: id, keep: false }),
    ])
    expect(a.key.keyId).toBe(b.key.keyId)
    expect(a.handle).toBe(b.handle)
    expect((await t.h.call('keys.list', { accountId: account.id })).keys).toHaveLength(before + 1)
  })

  it('refuses a third SpaceONE key with LIMIT_REACHED and sends no create request', async () => {
    const creates: string[] = []
    const http = recordingCreates(creates)
    t.h = await reopen(t.h, { http })
    const account = await addAccount(t.h, t.sb, 'spaceone')
    expect((await t.h.call('keys.list', { accountId: account.id })).keys).toHaveLength(1)
    await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(creates).toHaveLength(1)
    const refused = await t.h.failure('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(refused.code).toBe('LIMIT_REACHED')
    expect(refused.message).toMatch(/2 of 2 keys/)
    expect(creates).toHaveLength(1)
    expect((await t.h.call('keys.list', { accountId: account.id })).keys).toHaveLength(2)
  })
})

describe('a create whose answer is lost', () => {
  it('tells the CloudMC user the key exists but its secret was lost, after re-listing', async () => {
    t.h = await reopen(t.h, { http: slowCreates('/api_keys') })
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const before = (await t.h.call('keys.list', { accountId: account.id })).keys.length
    await sandboxControl(t.sb, 'config', {
      latencyMs: 600,
      account: t.sb.accounts.find((a) => a.provider === 'cloudmc')?.label,
    })
    const lost = await t.h.failure('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    await sandboxControl(t.sb, 'config', {
      latencyMs: 0,
      account: t.sb.accounts.find((a) => a.provider === 'cloudmc')?.label,
    })
    expect(lost.code).toBe('PROVIDER_ERROR')
    expect(lost.message).toMatch(/did create key .+ secret was lost/)
    expect((await t.h.call('keys.list', { accountId: account.id })).keys).toHaveLength(before + 1)
  })

  it('still fetches an Onqlave secret after the create timed out, because Onqlave hands it out after activation', async () => {
    t.h = await reopen(t.h, { http: slowCreates('/keys') })
    const account = await addAccount(t.h, t.sb, 'onqlave')
    const choice = await onqlaveChoice(t.h, account.id)
    const label = t.sb.accounts.find((a) => a.provider === 'onqlave')?.label
    await sandboxControl(t.sb, 'config', { latencyMs: 600, account: label })
    const created = await t.h.call('keys.create', {
      accountId: account.id,
      requestId: requestId(),
      keep: false,
      ...choice,
    })
    await sandboxControl(t.sb, 'config', { latencyMs: 0, account: label })
    expect(created.key.state).toBe('enabled')
    expect(created.parts.find((p) => p.label === 'Server signing key')?.value).toBeTruthy()
  })
})

describe('a create that fails after the service made the key', () => {
  it('resumes on retry with the same request id instead of creating a second key', async () => {
    let failOnce = true
    const real = createHttp({ backoffMs: 5 })
    t.h = await reopen(t.h, {
      http: {
        request: async (req) => {
          if (failOnce && req.url.endsWith('/sensitive')) {
            failOnce = false
            throw new AppError('NETWORK', 'the connection dropped', { retryable: true })
          }
          return real.request(req)
        },
      },
    })
    const account = await addAccount(t.h, t.sb, 'onqlave')
    const choice = await onqlaveChoice(t.h, account.id)
    const before = (await t.h.call('keys.list', { accountId: account.id })).keys.length
    const id = requestId()
    expect(
      (await t.h.failure('keys.create', { accountId: account.id, requestId: id, keep: false, ...choice })).code,
    ).toBe('NETWORK')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: id, keep: false, ...choice })
    expect(created.parts.find((p) => p.label === 'Server signing key')?.value).toBeTruthy()
    expect((await t.h.call('keys.list', { accountId: account.id })).keys).toHaveLength(before + 1)
  })
})

describe('keeping a secret in the vault', () => {
  it('keeps it when asked, copies it again after the dialog released its handle, and forgets it', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: true })
    const secret = created.parts.find((p) => p.label === 'API key')?.value
    expect(created.kept).toBe(true)
    expect(await t.h.call('keys.kept', { accountId: account.id })).toEqual([created.key.keyId])
    await t.h.call('secrets.release', { handle: created.handle })
    expect((await t.h.failure('keys.copySecret', { handle: created.handle, part: 'API key' })).code).toBe('NOT_FOUND')
    await t.h.call('keys.copySecret', { accountId: account.id, keyId: created.key.keyId, part: 'API key' })
    expect(t.h.clipboard.text).toBe(secret)
    expect(t.h.clipboard.secretHint).toBe(true)
    await t.h.call('keys.forgetSecret', { accountId: account.id, keyId: created.key.keyId })
    expect(await t.h.call('keys.kept', { accountId: account.id })).toEqual([])
  })

  it('clears a copied secret from the clipboard when KeyDesk quits', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(await t.h.call('keys.copySecret', { handle: created.handle, part: 'API key' })).toEqual({ clearsInSec: 30 })
    expect(t.h.clipboard.text).toBe(created.parts[0]?.value)
    const clipboard = t.h.clipboard
    t.h = await reopen(t.h)
    expect(clipboard.text).toBe('')
  })

  it('keeps later from the reveal dialog, and drops the kept secret when the key is deleted', async () => {
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: false })
    expect(await t.h.call('keys.kept', { accountId: account.id })).toEqual([])
    await t.h.call('keys.keepSecret', { handle: created.handle })
    expect(await t.h.call('keys.kept', { accountId: account.id })).toEqual([created.key.keyId])
    await t.h.call('keys.delete', { accountId: account.id, keyId: created.key.keyId })
    expect(await t.h.call('keys.kept', { accountId: account.id })).toEqual([])
  })

  it('still shows the secret when the keychain refuses to keep it, and says so', async () => {
    const vault = new MemoryVault()
    t.h = await reopen(t.h, { vault })
    const account = await addAccount(t.h, t.sb, 'cloudmc')
    vault.set = async () => {
      throw new Error('keychain locked')
    }
    const created = await t.h.call('keys.create', { accountId: account.id, requestId: requestId(), keep: true })
    expect(created.kept).toBe(false)
    expect(created.parts[0]?.value).toBeTruthy()
    expect(t.h.events.some((e) => e.name === 'notify' && JSON.stringify(e.payload).includes('not kept'))).toBe(true)
  })
})

/** A real Http that records every SpaceONE create it sends. */
function recordingCreates(creates: string[]): Http {
  return createHttp({
    backoffMs: 5,
    fetch: async (input, init) => {
      if (urlOf(input).endsWith('/identity/api-key/create'))
        creates.push(typeof init?.body === 'string' ? init.body : '')
      return fetch(input, init)
    },
  })
}

/** Gives up on creates (POST to a path ending in `suffix`) after 250 ms; everything else waits normally. */
function slowCreates(suffix: string): Http {
  const base = createHttp({ backoffMs: 5 })
  return {
    request: (req) =>
      base.request(req.method === 'POST' && req.url.endsWith(suffix) ? { ...req, timeoutMs: 250 } : req),
  }
}
