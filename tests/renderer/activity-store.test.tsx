import { describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '../../src/shared/audit'
import { deferred, harness } from './fake-api'

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  at: '2026-11-30T06:00:00.000Z',
  from: 'cli',
  action: 'key.disable',
  outcome: 'ok',
  ...over,
})

describe('the Activity view’s data', () => {
  it('asks the audit log for the chosen account, key and action', async () => {
    const { api, stores } = harness()
    api.audit.list.mockResolvedValue([entry({ accountId: 'a1', keyId: 'k1' })])
    const store = stores.activity
    store.getState().setFilter({ accountId: 'a1' })
    store.getState().setFilter({ keyId: ' k1 ' })
    store.getState().setFilter({ action: 'key.disable' })
    await vi.waitFor(() => expect(store.getState().loading).toBe(false))
    expect(api.audit.list).toHaveBeenLastCalledWith({ limit: 500, accountId: 'a1', keyId: 'k1', action: 'key.disable' })
    expect(store.getState().entries).toEqual([entry({ accountId: 'a1', keyId: 'k1' })])
  })

  it('keeps the answer to the newest filter when an older answer arrives last', async () => {
    const { api, stores } = harness()
    const older = deferred<readonly AuditEntry[]>()
    api.audit.list.mockImplementationOnce(() => older.promise).mockResolvedValueOnce([entry({ accountId: 'new' })])
    const store = stores.activity
    const old = store.getState().load()
    await store.getState().load()
    older.resolve([entry({ accountId: 'old' })])
    await old
    expect(store.getState().entries.map((e) => e.accountId)).toEqual(['new'])
  })

  it('says in words when the log cannot be read', async () => {
    const { api, stores } = harness()
    api.audit.list.mockRejectedValue(new Error('The keychain is locked.'))
    await stores.activity.getState().load()
    expect(stores.activity.getState().error).toBe('The keychain is locked.')
  })

  it('reads the log again on a change from the command line only while the view is shown', async () => {
    const { api, stores, actions } = harness()
    api.audit.list.mockResolvedValue([])
    const stop = actions.startSync()
    api.emit('keys.changed', { accountId: 'a1' })
    expect(api.audit.list).not.toHaveBeenCalled()
    stores.activity.getState().show(true)
    expect(api.audit.list).toHaveBeenCalledTimes(1)
    api.emit('keys.changed', { accountId: 'a1' })
    api.emit('accounts.changed', {})
    expect(api.audit.list).toHaveBeenCalledTimes(3)
    stores.activity.getState().show(false)
    api.emit('keys.changed', { accountId: 'a1' })
    expect(api.audit.list).toHaveBeenCalledTimes(3)
    stop()
  })
})
