import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { providers } from '../../src/main/providers/index'
import { onqlaveDescriptor } from '../../src/main/providers/onqlave-descriptor'
import type { Sandbox } from './providers-support'
import { contextOf, recordingHttp, seeds, startTestSandbox } from './providers-support'

let sb: Sandbox
beforeAll(async () => {
  sb = await startTestSandbox()
})
afterAll(() => sb.close())

describe('Onqlave "Service endpoints"', () => {
  it("names the management API and each Arx the account's keys use, once each, with a link to the documentation", async () => {
    const seed = seeds(sb, 'onqlave')[0]
    if (!seed) throw new Error('the sandbox has no Onqlave account')
    const { http } = recordingHttp()
    const ctx = contextOf(seed, http)
    const keys = await providers.onqlave.list(ctx)
    const endpoints = await providers.onqlave.endpoints(ctx)
    const arxUrls = [...new Set(keys.map((k) => k.extra.arxUrl))]
    expect(arxUrls.length).toBeGreaterThan(0)
    expect(endpoints).toEqual([
      { service: 'Management API', url: seed.endpoint },
      ...arxUrls.map((url) => ({ service: 'Arx sandbox-arx', url })),
    ])
    expect(onqlaveDescriptor.docsUrl).toBe('https://docs.onqlave.com')
  })
})
