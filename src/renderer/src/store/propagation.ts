// Changes the service accepted but has not applied everywhere yet, keyed by `${accountId}/${keyId}`.
import { createStore } from 'zustand/vanilla'
import type { AppApi } from '../../../shared/api'
import type { Propagation } from '../../../shared/model'

export interface PropagationState {
  byKey: Readonly<Record<string, Propagation>>
  readonly load: () => Promise<void>
  readonly replace: (records: readonly Propagation[]) => void
}

export function createPropagationStore(api: AppApi) {
  return createStore<PropagationState>((set) => ({
    byKey: {},
    load: async () => {
      set({ byKey: index(await api.propagation.list()) })
    },
    replace: (records) => set({ byKey: index(records) }),
  }))
}

/** The latest record per key; a newer request supersedes an older one for the same key. */
function index(records: readonly Propagation[]): Record<string, Propagation> {
  const out: Record<string, Propagation> = {}
  for (const r of records) {
    const uid = `${r.accountId}/${r.keyId}`
    const prev = out[uid]
    if (!prev || prev.requestedAt <= r.requestedAt) out[uid] = r
  }
  return out
}
