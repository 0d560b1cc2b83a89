import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, RequestInput, RequestResult } from '../../src/shared/api'
import { fromErrorData } from '../../src/shared/errors'
import type { AccountView } from '../../src/shared/model'
import { AppCore } from '../../src/main/core/app-core'
import { MemoryClipboard } from '../../src/main/core/clipboard'
import { KeytarVault, vaultNames } from '../../src/main/core/vault'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { hasKeyring, requireKeyringInCi } from './guard'
import { stringMatching } from '../support/match'

requireKeyringInCi()

describe.skipIf(!hasKeyring)('keeping a created key’s secret in the real OS keychain', () => {
  const vault = new KeytarVault('KeyDesk Test')
  const clipboard = new MemoryClipboard()
  let sandbox: Sandbox
  let dir: string
  let core: AppCore
  let account: AccountView

  async function call<C extends Channel>(channel: C, input: RequestInput<C>): Promise<RequestResult<C>> {
    const reply = await core.invoke(channel, input)
    if (!reply.ok) throw fromErrorData(reply.error)
    return reply.value as RequestResult<C>
  }

  beforeAll(async () => {
    for (const name of await vault.names()) await vault.delete(name)
    sandbox = await startSandbox({ port: 0, seed: 'keychain-keep', log: () => undefined })
    dir = mkdtempSync(join(tmpdir(), 'keydesk-keep-'))
    core = new AppCore({ dataDir: dir, version: '0.1.0', host: 'browser', vault, clipboard })
    const seed = sandbox.accounts.find((a) => a.provider === 'cloudmc')
    if (!seed || !('apiKey' in seed.credentials)) throw new Error('no CloudMC seed')
    account = await call('accounts.add', {
      provider: 'cloudmc',
      label: seed.label,
      endpoint: seed.endpoint,
      credential: { provider: 'cloudmc', apiKey: seed.credentials.apiKey },
    })
  })
  afterAll(async () => {
    await core.close()
    await sandbox.close()
    for (const name of await vault.names()) await vault.delete(name)
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the secret under the key’s own name, never in the settings file', async () => {
    const created = await call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: true })
    const secret = created.parts.find((p) => p.label === 'API key')?.value ?? ''
    expect(created.kept).toBe(true)
    const name = vaultNames.keySecret('cloudmc', account.id, created.key.keyId)
    expect(await vault.names()).toContain(name)
    expect(await vault.get(name)).toContain(secret)
    expect(await call('keys.kept', { accountId: account.id })).toEqual([created.key.keyId])
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toContain(secret)
    await call('secrets.release', { handle: created.handle })

    await call('keys.copySecret', { accountId: account.id, keyId: created.key.keyId, part: 'API key' })
    expect(clipboard.text).toBe(secret)
    const file = await call('keys.export', {
      accountId: account.id,
      keyId: created.key.keyId,
      format: 'cloudmc_api_key.json',
    })
    expect((JSON.parse(file.content ?? '{}') as { api_key?: string }).api_key).toBe(secret)
    expect(await call('keys.try', { accountId: account.id, keyId: created.key.keyId })).toMatchObject({ ok: true })
  })

  it('forgets it from the keychain, after which KeyDesk says it does not hold it', async () => {
    const [keyId] = await call('keys.kept', { accountId: account.id })
    if (!keyId) throw new Error('the previous test kept nothing')
    await call('keys.forgetSecret', { accountId: account.id, keyId })
    expect(await vault.get(vaultNames.keySecret('cloudmc', account.id, keyId))).toBeNull()
    expect(await call('keys.kept', { accountId: account.id })).toEqual([])
    const reply = await core.invoke('keys.copySecret', { accountId: account.id, keyId, part: 'API key' })
    expect(reply.ok).toBe(false)
    expect(reply.ok ? null : reply.error).toMatchObject({
      code: 'NOT_FOUND',
      message: stringMatching(/does not hold/),
    })
  })

  it('keeps a secret later from the reveal dialog, and drops it when the key is deleted', async () => {
    const created = await call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
    const name = vaultNames.keySecret('cloudmc', account.id, created.key.keyId)
    expect(await vault.get(name)).toBeNull()
    await call('keys.keepSecret', { handle: created.handle })
    expect(await vault.get(name)).not.toBeNull()
    await call('keys.delete', { accountId: account.id, keyId: created.key.keyId })
    expect(await vault.get(name)).toBeNull()
  })
})
