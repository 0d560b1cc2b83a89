import { describe, expect, it } from 'vitest'
import { credentialProblems, effectWords, hasWindow, toCredential } from '../../src/shared/descriptor'
import { providerRegistry } from '../../src/main/providers'
import type { SecretBundle } from '../../src/main/providers/provider'
import type { Account } from '../../src/shared/model'

const account = (provider: Account['provider']): Account => ({
  id: 'a1',
  provider,
  label: 'Test',
  endpoint: 'https://example.com/api/v2',
  facts: {},
  demo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  propagationWindowSec: 600,
  refreshIntervalSec: 60,
})

const secret: SecretBundle = {
  keyId: 'k1',
  fields: {
    api_key: 'x'.repeat(20),
    arx_url: 'https://arx',
    access_key: 'ak',
    server_signing_key: 's',
    server_secret_key: 't',
    client_secret: 'c'.repeat(20),
    client_id: 'client-0123456789ab',
  },
}

describe('provider descriptors', () => {
  for (const provider of providerRegistry.all()) {
    const d = provider.descriptor
    it(`${d.name}: the export formats it declares are the files its adapter writes`, () => {
      const files = provider.exportFiles(secret, account(d.id), [])
      expect(d.exports.map((e) => e.id)).toEqual(files.map((f) => f.id))
    })

    it(`${d.name}: every part it offers to copy is a part of the reveal`, () => {
      const labels = provider.secretParts(secret, account(d.id)).map((p) => p.label)
      for (const part of d.copyParts) expect(labels).toContain(part)
    })

    it(`${d.name}: a change with a pending word is one that propagates, and an immediate one has none`, () => {
      for (const rule of Object.values(d.changes)) expect(rule.pending === null).toBe(rule.model === 'none')
    })

    it(`${d.name}: rotation disables first exactly when the service can disable`, () => {
      expect(d.rotationSteps.includes('disable')).toBe(d.capabilities.disable)
    })

    it(`${d.name}: a created secret becomes a credential exactly when the descriptor says so`, () => {
      expect(provider.credentialFrom(secret) !== null).toBe(d.secretBecomesCredential)
    })
  }

  it('names a missing required credential field and drops fields the provider does not have', () => {
    const spaceone = providerRegistry.get('spaceone').descriptor
    const cloudmc = providerRegistry.get('cloudmc').descriptor
    expect(credentialProblems(cloudmc, { apiKey: ' ' })).toEqual({ apiKey: 'Enter the api key.' })
    // SpaceONE / Cloudforet takes a token or a sign-in: the token is required until a sign-in field is given.
    expect(credentialProblems(spaceone, { token: ' ' })).toEqual({
      token: 'Enter the api key, client secret or access token (jwt).',
    })
    expect(credentialProblems(spaceone, { domainName: 'acme' })).toEqual({
      userId: 'Enter the user id.',
      password: 'Enter the password.',
    })
    // The password keeps its spaces; the other fields lose stray ones.
    expect(toCredential(spaceone, { domainName: ' acme ', userId: 'u', password: ' p ', workspaceId: '' })).toEqual({
      provider: 'spaceone',
      domainName: 'acme',
      userId: 'u',
      password: ' p ',
    })
    expect(toCredential(spaceone, { token: ' t ', refreshToken: '', apiKey: 'other' })).toEqual({
      provider: 'spaceone',
      token: 't',
    })
  })

  it('puts the account window into the words of a windowed change, and only SpaceONE and Cloudforet 2.x have one', () => {
    const spaceone = providerRegistry.get('spaceone').descriptor
    expect(effectWords(spaceone, 'disable', 300)).toContain('up to 5 minutes')
    expect(
      providerRegistry
        .all()
        .filter((p) => hasWindow(p.descriptor))
        .map((p) => p.id),
    ).toEqual(['spaceone', 'spaceone-apps'])
  })
})
