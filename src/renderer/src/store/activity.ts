// The Activity view's data: the audit log, filtered by account, key and action, read again on changes while shown.
import { createStore } from 'zustand/vanilla'
import type { AppApi } from '../../../shared/api'
import type { AuditAction, AuditEntry } from '../../../shared/audit'

export interface ActivityFilter {
  readonly accountId: string
  readonly keyId: string
  readonly action: AuditAction | ''
}

export interface ActivityState {
  readonly entries: readonly AuditEntry[]
  readonly filter: ActivityFilter
  readonly loading: boolean
  readonly error: string | null
  /** True while the Activity view is open: only then does a change read the log again. */
  readonly shown: boolean
  readonly setFilter: (patch: Partial<ActivityFilter>) => void
  readonly load: () => Promise<void>
  readonly show: (shown: boolean) => void
  /** A key or an account changed (in this window or from the command line): read the log again if it is shown. */
  readonly changed: () => void
}

const LIMIT = 500

export function createActivityStore(api: Pick<AppApi, 'audit'>) {
  let seq = 0
  return createStore<ActivityState>((set, get) => ({
    entries: [],
    filter: { accountId: '', keyId: '', action: '' },
    loading: false,
    error: null,
    shown: false,
    setFilter: (patch) => {
      set({ filter: { ...get().filter, ...patch } })
      void get().load()
    },
    show: (shown) => {
      set({ shown })
      if (shown) void get().load()
    },
    changed: () => {
      if (get().shown) void get().load()
    },
    load: async () => {
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
