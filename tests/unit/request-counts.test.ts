// One change is one request to the service and no listing; a create lists once (its limit check and its reconcile
// baseline share that listing) and tells the renderer once. Counted on the wire, against the real sandbox over HTTP.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { HttpRequest } from '../../src/main/net/http'
import type { AccountView, KeyRecord, ProviderId } from '../../src/shared/model'
import { addAccount, countingHttp, onqlaveChoice, coreOnSandbox, openCore } from './create-harness'

const { http: counting, sent } = countingHttp()

/** A listing of keys, as each service spells it. */
function isListing(req: HttpRequest): boolean {
  const path = new URL(req.url).pathname
  return (
    path.endsWith('/identity/api-key/list') ||
    (req.method === 'GET' && (path.endsWith('/api_keys') || /\/tenants\/[^/]+\/keys$/.test(path)))
  )
}

/** Requests sent and key listings among them while `run` ran, and the keys.changed events it caused. */
async function count(run: () => Promise<unknown>): Promise<{ requests: number; listings: number; changed: number }> {
  sent.length = 0
  const events = t.h.events.length
  await run()
  const changed = t.h.events.slice(events).filter((e) => e.name === 'keys.changed').length
  return { requests: sent.length, listings: sent.filter(isListing).length, changed }
}

async function someKey(account: AccountView, state: KeyRecord['state'] = 'enabled'): Promise<KeyRecord> {
  const { keys } = await t.h.call('keys.list', { accountId: account.id })
  const key = keys.find((k) => k.state === state && k.keyId !== account.facts.ownKeyId)
  if (key) return key
  const created = await t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false })
  return created.key
}

const add = (provider: ProviderId): Promise<AccountView> => addAccount(t.h, t.sb, provider)

const t = coreOnSandbox(() => openCore({ http: counting }))

describe('requests per change', () => {
  it('SpaceONE: disable, enable and delete are one request each, and list nothing', async () => {
    const account = await add('spaceone')
    const key = await someKey(account)
    const ref = { accountId: account.id, keyId: key.keyId }
    expect(await count(() => t.h.api.keys.disable(ref))).toEqual({ requests: 1, listings: 0, changed: 1 })
    expect(await count(() => t.h.call('keys.enable', ref))).toEqual({ requests: 1, listings: 0, changed: 1 })
    expect(await count(() => t.h.call('keys.delete', ref))).toEqual({ requests: 1, listings: 0, changed: 1 })
  })

  it('CloudMC: rename and delete are one request each, and list nothing', async () => {
    const account = await add('cloudmc')
    const key = await someKey(account)
    const ref = { accountId: account.id, keyId: key.keyId }
    expect(await count(() => t.h.call('keys.rename', { ...ref, name: 'renamed' }))).toEqual({
      requests: 1,
      listings: 0,
      changed: 1,
    })
    expect(await count(() => t.h.call('keys.delete', ref))).toEqual({ requests: 1, listings: 0, changed: 1 })
  })

  it('Onqlave: a delete lists nothing', async () => {
    const account = await add('onqlave')
    const key = await someKey(account)
    const counted = await count(() => t.h.call('keys.delete', { accountId: account.id, keyId: key.keyId }))
    expect(counted).toMatchObject({ listings: 0, changed: 1 })
    expect(counted.requests).toBeLessThanOrEqual(2)
  })
})

describe('requests per create', () => {
  it('SpaceONE: one listing (the two-key check) and one create, told once', async () => {
    const account = await add('spaceone')
    const counted = await count(() =>
      t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false }),
    )
    // The third request is endpoint/list, for the spacectl_config export: not a key listing.
    expect(counted).toEqual({ requests: 3, listings: 1, changed: 1 })
  })

  it('CloudMC: one listing and one create, told once', async () => {
    const account = await add('cloudmc')
    const counted = await count(() =>
      t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false }),
    )
    expect(counted).toEqual({ requests: 2, listings: 1, changed: 1 })
  })

  it('Onqlave: one listing however long activation takes; told when the key appears and when it is ready', async () => {
    const account = await add('onqlave')
    const choice = await onqlaveChoice(t.h, account.id)
    const counted = await count(() =>
      t.h.call('keys.create', { accountId: account.id, requestId: randomUUID(), keep: false, ...choice }),
    )
    expect(counted).toMatchObject({ listings: 1, changed: 2 })
  })
})
