// The Activity view's data: the audit log through the API, filtered by account, key and action, refreshed on changes.
import { create } from 'zustand'
import type { AppApi } from '../../../../shared/api'
import type { AuditAction, AuditEntry } from '../../../../shared/audit'

export interface ActivityFilter {
  readonly accountId: string
  readonly keyId: string
  readonly action: AuditAction | ''
}

interface ActivityState {
  readonly entries: readonly AuditEntry[]
  readonly filter: ActivityFilter
  readonly loading: boolean
  readonly error: string | null
  readonly setFilter: (patch: Partial<ActivityFilter>) => void
  readonly load: () => Promise<void>
}

const LIMIT = 500

export function createActivityStore(api: Pick<AppApi, 'audit'>) {
  let seq = 0
  return create<ActivityState>((set, get) => ({
    entries: [],
    filter: { accountId: '', keyId: '', action: '' },
    loading: false,
    error: null,
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } })
      void get().load()
    },
    async load() {
      const mine = ++seq
      const { accountId, keyId, action } = get().filter
      set({ loading: true })
      try {
        const entries = await api.audit.list({
          limit: LIMIT,
          ...(accountId ? { accountId } : {}),
          ...(keyId.trim() ? { keyId: keyId.trim() } : {}),
          ...(action ? { action } : {}),
        })
        // A slower answer to an older filter must not replace the newer one's.
        if (mine === seq) set({ entries, loading: false, error: null })
      } catch (err) {
        if (mine === seq)
          set({ loading: false, error: err instanceof Error ? err.message : 'The activity could not be read.' })
      }
    },
  }))
}
