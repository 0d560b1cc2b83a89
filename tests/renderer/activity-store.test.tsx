import { describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '../../src/shared/audit'
import { createActivityStore } from '../../src/renderer/src/features/activity/activity-store'

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  at: '2026-11-30T06:00:00.000Z',
  from: 'cli',
  action: 'key.disable',
  outcome: 'ok',
  ...over,
})

describe('the Activity view’s data', () => {
  it('asks the audit log for the chosen account, key and action', async () => {
    const list = vi.fn().mockResolvedValue([entry({ accountId: 'a1', keyId: 'k1' })])
    const store = createActivityStore({ audit: { list } })
    store.getState().setFilter({ accountId: 'a1' })
    store.getState().setFilter({ keyId: ' k1 ' })
    store.getState().setFilter({ action: 'key.disable' })
    await vi.waitFor(() => expect(store.getState().loading).toBe(false))
    expect(list).toHaveBeenLastCalledWith({ limit: 500, accountId: 'a1', keyId: 'k1', action: 'key.disable' })
    expect(store.getState().entries).toEqual([entry({ accountId: 'a1', keyId: 'k1' })])
  })

  it('keeps the answer to the newest filter when an older answer arrives last', async () => {
    let releaseOld: (v: AuditEntry[]) => void = () => undefined
    const list = vi
      .fn()
      .mockImplementationOnce(() => new Promise((r) => (releaseOld = r)))
      .mockResolvedValueOnce([entry({ accountId: 'new' })])
    const store = createActivityStore({ audit: { list } })
    const old = store.getState().load()
    await store.getState().load()
    releaseOld([entry({ accountId: 'old' })])
    await old
    expect(store.getState().entries.map((e) => e.accountId)).toEqual(['new'])
  })

  it('says in words when the log cannot be read', async () => {
    const store = createActivityStore({
      audit: { list: vi.fn().mockRejectedValue(new Error('The keychain is locked.')) },
    })
    await store.getState().load()
    expect(store.getState().error).toBe('The keychain is locked.')
  })
})
