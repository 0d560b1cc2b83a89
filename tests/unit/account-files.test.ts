import { describe, expect, it } from 'vitest'
import { exportAccounts, importAccounts, parseAccountFile } from '../../src/main/core/account-files'
import type { Account } from '../../src/shared/model'
import { objectContaining, stringContaining } from '../support/match'

describe('account files', () => {
  it('reads every account from the sandbox first line', () => {
    const line = JSON.stringify({
      url: 'http://127.0.0.1:9',
      accounts: [
        { provider: 'spaceone', label: 'S', endpoint: 'http://127.0.0.1:9', credentials: { token: 'jwt' } },
        { provider: 'cloudmc', label: 'C', endpoint: 'http://127.0.0.1:9/api/v2', credentials: { apiKey: 'k' } },
        {
          provider: 'onqlave',
          label: 'O',
          endpoint: 'http://127.0.0.1:9',
          credentials: { tenantId: 't', token: 'tok' },
        },
      ],
    })
    expect(parseAccountFile(line)).toEqual([
      {
        provider: 'spaceone',
        label: 'S',
        endpoint: 'http://127.0.0.1:9',
        credential: { provider: 'spaceone', token: 'jwt' },
      },
      {
        provider: 'cloudmc',
        label: 'C',
        endpoint: 'http://127.0.0.1:9/api/v2',
        credential: { provider: 'cloudmc', apiKey: 'k' },
      },
      {
        provider: 'onqlave',
        label: 'O',
        endpoint: 'http://127.0.0.1:9',
        credential: { provider: 'onqlave', tenantId: 't', token: 'tok' },
      },
    ])
  })

  it('reads a SpaceONE spacectl_config and asks for the console-api address instead of guessing it', () => {
    const yaml =
      'api_key: eyJ.a.b\nendpoints:\n  identity: grpc+ssl://identity.api.example.com:443/v1\n  inventory: grpc+ssl://inventory.api.example.com:443/v1\n'
    expect(parseAccountFile(yaml, 'spacectl_config')).toEqual([
      {
        provider: 'spaceone',
        label: 'SpaceONE (imported)',
        endpoint: '',
        endpointHint: stringContaining('identity at identity.api.example.com:443'),
        credential: { provider: 'spaceone', token: 'eyJ.a.b' },
      },
    ])
  })

  it('reads an Onqlave auth file with tenant_id and auth_key', () => {
    const [c] = parseAccountFile(JSON.stringify({ tenant_id: 'tenant--x', auth_key: 'secret-token' }))
    expect(c).toMatchObject({
      provider: 'onqlave',
      endpoint: 'https://api.onqlave.com',
      credential: { tenantId: 'tenant--x', token: 'secret-token' },
    })
  })

  it('explains that an SDK credentials.json is a key, not an account', () => {
    expect(() =>
      parseAccountFile(JSON.stringify({ arx_url: 'https://dp0/x', access_key: 'a', server_signing_key: 's' })),
    ).toThrow(/management token and tenant id/)
  })

  it('skips an account whose fields fail the same checks as one added by hand, and adds nothing for it', async () => {
    const added: unknown[] = []
    const accounts = {
      add: async (input: unknown) => {
        added.push(input)
        return input
      },
    } as never
    const line = JSON.stringify({
      accounts: [
        { provider: 'cloudmc', label: 'x'.repeat(81), endpoint: 'https://p/api/v2', credentials: { apiKey: 'k' } },
      ],
    })
    const result = await importAccounts(accounts, { content: line })
    expect(result.added).toEqual([])
    expect(result.skipped).toEqual([{ label: 'x'.repeat(80), reason: 'Keep the label under 80 characters.' }])
    expect(added).toEqual([])
    expect(() => parseAccountFile(JSON.stringify({ accounts: [{ provider: 'cloudmc', credentials: null }] }))).toThrow(
      /did not recognise/,
    )
  })

  it('refuses unreadable or unknown files with a clear error', () => {
    expect(() => parseAccountFile('{ nope')).toThrow(objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => parseAccountFile('{"hello":1}')).toThrow(/did not recognise/)
  })

  it('exports real accounts without any credential, and leaves demo accounts out', async () => {
    const base = { facts: { user: 'u' }, createdAt: '', propagationWindowSec: 600, refreshIntervalSec: 60 }
    const accounts: Account[] = [
      { ...base, id: '1', provider: 'cloudmc', label: 'Work', endpoint: 'https://p/api/v2', demo: false },
      { ...base, id: '2', provider: 'spaceone', label: 'Demo', endpoint: 'http://127.0.0.1:1', demo: true },
    ]
    const file = await exportAccounts(accounts)
    const parsed = JSON.parse(file.content) as { accounts: unknown }
    expect(parsed.accounts).toEqual([
      {
        provider: 'cloudmc',
        label: 'Work',
        endpoint: 'https://p/api/v2',
        facts: { user: 'u' },
        propagationWindowSec: 600,
        refreshIntervalSec: 60,
      },
    ])
    expect(file.content).not.toMatch(/credential|token|apiKey/)
  })
})
