import { describe, expect, it } from 'vitest'
import { packKeyList, unpackKeyList, valueFromWire, valueToWire } from '../../src/shared/key-list-wire'
import type { KeyRecord } from '../../src/shared/model'
import type { KeyList } from '../../src/shared/results'

const ACCOUNT = '8a2dd83e-ed53-4f38-889f-3fc2e8179e9d'

function key(i: number, more: Partial<KeyRecord> = {}): KeyRecord {
  return {
    provider: 'spaceone',
    accountId: ACCOUNT,
    keyId: `api-key-${i}`,
    name: `key ${i}`,
    state: i % 3 === 0 ? 'disabled' : 'enabled',
    createdAt: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}T10:00:00.000Z`,
    extra: { domainId: 'domain-1', userId: 'developer@sandbox.test' },
    ...more,
  }
}

function list(keys: KeyRecord[]): KeyList {
  return { accountId: ACCOUNT, keys, fetchedAt: '2026-11-30T12:00:00.000Z' }
}

/** What the page reads: the packed list through JSON, as the host writes it and the page parses it. */
function throughHttp(value: KeyList): unknown {
  return valueFromWire('keys.list', JSON.parse(JSON.stringify(valueToWire('keys.list', value))))
}

describe('a key listing over the browser host', () => {
  it('arrives as the same KeyRecords, every optional field and extra kept, in order', () => {
    const keys = [
      key(1),
      key(2, { lastUsedAt: '2026-11-29T08:00:00.000Z', lastUsedIp: '10.0.0.1' }),
      key(3, { expiresAt: '2027-01-01T00:00:00.000Z', extra: {} }),
      key(4, { lastUsedIp: '10.0.0.2', extra: { domainId: 'domain-2' } }),
      key(5, { state: 'deleted', lastUsedAt: '2026-11-01T00:00:00.000Z' }),
      key(6, { name: 'naïve — ключ 🔑', extra: { note: 'a "quoted" \\ value' } }),
    ]
    expect(throughHttp(list(keys))).toEqual(list(keys))
  })

  it('writes the account once and each shared extra once, so a large listing is far smaller', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => key(i, { lastUsedAt: '2026-11-29T08:00:00.000Z' }))
    const packed = packKeyList(list(keys))
    expect(packed).toMatchObject({ packed: 2, provider: 'spaceone', extras: [keys[0].extra] })
    const plain = JSON.stringify(list(keys)).length
    expect(JSON.stringify(packed).length).toBeLessThan(plain * 0.6)
  })

  it('leaves no field out: a key with a field it does not know, or of another account, is sent as it is', () => {
    const odd = { ...key(2), rotatedAt: '2026-11-29T08:00:00.000Z' } as KeyRecord
    expect(packKeyList(list([key(1), odd]))).toEqual(list([key(1), odd]))
    const other = key(3, { accountId: 'another-account' })
    expect(packKeyList(list([key(1), other]))).toEqual(list([key(1), other]))
    const mixed = key(4, { provider: 'cloudmc' })
    expect(throughHttp(list([key(1), mixed]))).toEqual(list([key(1), mixed]))
  })

  it('sends an empty listing, another channel and a value that is not a listing as they are', () => {
    expect(throughHttp(list([]))).toEqual(list([]))
    expect(valueToWire('accounts.list', [{ keys: [] }])).toEqual([{ keys: [] }])
    expect(valueToWire('keys.list', { channel: 'keys.list' })).toEqual({ channel: 'keys.list' })
    expect(valueFromWire('keys.list', { channel: 'keys.list' })).toEqual({ channel: 'keys.list' })
    expect(unpackKeyList(null)).toBeNull()
  })
})
