// Every file KeyDesk writes or names in its import hint comes back in as an account, on a second core ("another
// machine") against the real sandbox; where a file lacks the address, the import asks instead of guessing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/shared/model'
import type { Sandbox } from '../../src/sandbox'
import { addAccount, openCore, removeDir, testSandbox, type Harness } from './create-harness'
import { credentialOf } from './providers-support'
import { objectContaining, stringContaining, stringMatching } from '../support/match'

let sb: Sandbox
let here: Harness
let spaceone: AccountView
let cloudmc: AccountView

beforeAll(async () => {
  sb = await testSandbox({ seed: 'import-roundtrip' })
  here = openCore()
  spaceone = await addAccount(here, sb, 'spaceone')
  cloudmc = await addAccount(here, sb, 'cloudmc')
})
afterAll(async () => {
  await here.close()
  removeDir(here.dir)
  await sb.close()
})

/** A fresh core with its own settings and keychain: another computer. */
async function elsewhere<T>(run: (there: Harness) => Promise<T>): Promise<T> {
  const there = openCore()
  try {
    return await run(there)
  } finally {
    await there.close()
    removeDir(there.dir)
  }
}

/** The files of one new key, by export format: what a user downloads from the reveal. */
async function exportsOf(account: AccountView, formats: readonly string[], extra = {}): Promise<Map<string, string>> {
  const created = await here.call('keys.create', {
    accountId: account.id,
    requestId: `roundtrip-${account.provider}-${Date.now()}`,
    keep: false,
    ...extra,
  })
  const files = new Map<string, string>()
  for (const format of formats) {
    const file = await here.call('keys.export', { handle: created.handle, format })
    expect(file.content).toBeTruthy()
    files.set(format, file.content ?? '')
  }
  return files
}

let spaceoneFiles: Promise<Map<string, string>> | undefined

describe('import and export round-trip', () => {
  it("KeyDesk's own account export imports elsewhere, each account waiting for its credential until it is entered", async () => {
    const file = await here.call('accounts.export', {})
    await elsewhere(async (there) => {
      const result = await there.call('accounts.import', { content: file.content ?? '', fileName: file.fileName })
      expect(result.skipped).toEqual([])
      expect(result.needs).toEqual([])
      expect(result.added.map((a) => [a.label, a.endpoint, a.status])).toEqual([
        [spaceone.label, spaceone.endpoint, 'keychain'],
        [cloudmc.label, cloudmc.endpoint, 'keychain'],
      ])
      const waiting = result.added[1]
      if (!waiting) throw new Error('the CloudMC account was not added')
      expect(waiting.statusMessage).toMatch(/Re-enter credential/)
      const listing = await there.failure('keys.list', { accountId: waiting.id })
      expect(listing.message).toContain('imported account arrives without one')

      const seed = sb.accounts.find((a) => a.provider === 'cloudmc')
      if (!seed) throw new Error('no CloudMC seed')
      const updated = await there.call('accounts.update', { id: waiting.id, credential: credentialOf(seed) })
      expect(updated.status).toBe('ok')
      expect((await there.call('keys.list', { accountId: waiting.id })).keys.length).toBeGreaterThan(0)

      // The same file again adds nothing twice.
      const again = await there.call('accounts.import', { content: file.content ?? '' })
      expect(again.added).toEqual([])
      expect(again.skipped.map((s) => s.reason)).toEqual([
        stringContaining('already in KeyDesk'),
        stringContaining('already in KeyDesk'),
      ])
    })
  })

  it('an export sealed with a passphrase brings the credentials along, and only with that passphrase', async () => {
    const file = await here.call('accounts.export', { passphrase: 'correct horse battery' })
    const content = file.content ?? ''
    for (const seed of sb.accounts)
      for (const secret of Object.values(seed.credentials))
        if (secret.length > 12) expect(content).not.toContain(secret)
    expect(await here.failure('accounts.export', { passphrase: 'short' })).toMatchObject({ code: 'INVALID_INPUT' })
    await elsewhere(async (there) => {
      const asked = await there.call('accounts.import', { content })
      expect(asked).toMatchObject({ added: [], needsPassphrase: true })
      const wrong = await there.failure('accounts.import', { content, passphrase: 'wrong horse battery' })
      expect(wrong.message).toMatch(/passphrase does not open this export/)
      expect(await there.call('accounts.list', {})).toEqual([])
      const done = await there.call('accounts.import', { content, passphrase: 'correct horse battery' })
      expect(done.skipped).toEqual([])
      expect(done.added.map((a) => [a.label, a.status])).toEqual([
        [spaceone.label, 'ok'],
        [cloudmc.label, 'ok'],
      ])
      const cloud = done.added[1]
      if (!cloud) throw new Error('the CloudMC account was not added')
      expect((await there.call('keys.list', { accountId: cloud.id })).keys.length).toBeGreaterThan(0)
    })
  })

  for (const format of ['api_key', 'spacectl_config'] as const) {
    it(`a SpaceONE ${format} file asks for the console-api address, then adds a working account`, async () => {
      spaceoneFiles ??= exportsOf(spaceone, ['api_key', 'spacectl_config'])
      const content = (await spaceoneFiles).get(format) ?? ''
      await elsewhere(async (there) => {
        const asked = await there.call('accounts.import', { content, fileName: format })
        expect(asked.added).toEqual([])
        expect(asked.needs).toEqual([
          objectContaining({ index: 0, provider: 'spaceone', hint: stringMatching(/console-api/) }),
        ])
        expect(await there.call('accounts.list', {})).toEqual([])

        const done = await there.call('accounts.import', { content, fileName: format, endpoints: [spaceone.endpoint] })
        expect(done.skipped).toEqual([])
        expect(done.added).toHaveLength(1)
        expect(done.added[0]).toMatchObject({ provider: 'spaceone', endpoint: spaceone.endpoint, status: 'ok' })
        expect(done.added[0]?.label).toMatch(/^SpaceONE /)
      })
    })
  }

  it('a spacectl_config never turns its gRPC identity host into the console-api address', async () => {
    const content =
      'api_key: eyJhbGciOiJSUzI1NiJ9.e30.c2ln\nendpoints:\n  identity: grpc+ssl://identity.api.example.com:443/v1\n'
    await elsewhere(async (there) => {
      const asked = await there.call('accounts.import', { content, fileName: 'spacectl_config' })
      expect(asked.needs[0]?.hint).toContain('identity.api.example.com:443')
      expect(asked.added).toEqual([])
    })
  })

  it('a CloudMC cloudmc_api_key.json imports as a working account, its endpoint read from the file', async () => {
    const content = (await exportsOf(cloudmc, ['cloudmc_api_key.json'])).get('cloudmc_api_key.json') ?? ''
    await elsewhere(async (there) => {
      const result = await there.call('accounts.import', { content, fileName: 'cloudmc_api_key.json' })
      expect(result.needs).toEqual([])
      expect(result.skipped).toEqual([])
      expect(result.added[0]).toMatchObject({ provider: 'cloudmc', endpoint: cloudmc.endpoint, status: 'ok' })
    })
  })

  it("an Onqlave auth file imports; the SDK's credentials.json is refused with what to use instead", async () => {
    const seed = sb.accounts.find((a) => a.provider === 'onqlave')
    if (!seed) throw new Error('no Onqlave seed')
    const cred = credentialOf(seed)
    if (cred.provider !== 'onqlave') throw new Error('not an Onqlave credential')
    const onqlave = await here.call('accounts.add', {
      provider: 'onqlave',
      label: 'Onqlave here',
      endpoint: seed.endpoint,
      credential: cred,
    })
    const auth = JSON.stringify({ tenant_id: cred.tenantId, auth_key: cred.token, endpoint: seed.endpoint })
    const options = await here.call('keys.createOptions', { accountId: onqlave.id })
    const sdk = await exportsOf(onqlave, ['credentials.json'], {
      applicationId: options?.applications[0]?.id,
      clusterId: options?.clusters[0]?.id,
    })
    await elsewhere(async (there) => {
      const result = await there.call('accounts.import', { content: auth, fileName: 'auth.json' })
      expect(result.added[0]).toMatchObject({ provider: 'onqlave', status: 'ok' })
      const refused = await there.failure('accounts.import', {
        content: sdk.get('credentials.json') ?? '',
        fileName: 'credentials.json',
      })
      expect(refused.message).toMatch(/auth_key and tenant_id/)
    })
  })

  it('an unknown file names every kind of file KeyDesk reads', async () => {
    const refused = await here.failure('accounts.import', { content: '{"hello":"world"}' })
    for (const kind of [
      'KeyDesk export',
      'spacectl_config',
      'api_key',
      'cloudmc_api_key.json',
      'tenant_id and auth_key',
    ])
      expect(refused.message).toContain(kind)
  })
})
