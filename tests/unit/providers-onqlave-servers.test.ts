// The Onqlave adapter against servers other than the sandbox: older and newer envelopes and key shapes, scripted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppError } from '../../src/shared/errors'
import { providers } from '../../src/main/providers/index'
import type { Sandbox, SandboxAccount } from './providers-support'
import { caught, contextOf, scriptedHttp, seeds, startTestSandbox } from './providers-support'

const onqlave = providers.onqlave
let sb: Sandbox
let seed: SandboxAccount
let tenantId: string

// The sandbox only lends a seeded account; every answer here is scripted.
beforeAll(async () => {
  sb = await startTestSandbox()
  seed = seeds(sb, 'onqlave')[0]
  tenantId = (seed.credentials as { tenantId: string }).tenantId
})
afterAll(() => sb.close())

describe('Onqlave adapter against other servers', () => {
  it('reads the older error_message envelope', async () => {
    const body = { error: { error_code: 'INVALID_CLUSTER', error_message: 'cluster is archived' } }
    const err = await caught(onqlave.create(contextOf(seed, scriptedHttp(400, body).http), { clusterId: 'cluster--x' }))
    expect(err).toMatchObject({ code: 'INVALID_INPUT' })
    expect((err as AppError).message).toContain('cluster is archived')
  })

  it('decides success by the status alone, whatever the error field says', async () => {
    const body = { data: { acl: {}, model: { applications: null, clusters: [] } }, error: { code: 0, message: '' } }
    expect((await onqlave.validate(contextOf(seed, scriptedHttp(200, body).http))).facts).toEqual({ tenant: tenantId })
    const notOk = await caught(onqlave.validate(contextOf(seed, scriptedHttp(202, body).http)))
    expect(notOk).toMatchObject({ code: 'PROVIDER_ERROR' })
  })

  it('reads a key of the newer contract without application fields', async () => {
    const key = {
      id: 'apikey--a',
      status: 'active',
      created_at: '2023-08-21T03:12:44Z',
      cluster_id: 'cluster--c',
      cluster: { id: 'cluster--c', name: 'prod' },
    }
    const [record] = await onqlave.list(contextOf(seed, scriptedHttp(200, { data: { api_keys: [key] } }).http))
    expect(record).toMatchObject({
      name: 'prod',
      state: 'enabled',
      createdAt: '2023-08-21T03:12:44.000Z',
      extra: { clusterId: 'cluster--c', clusterName: 'prod' },
    })
    expect(record?.extra.applicationName).toBeUndefined()
  })
})
