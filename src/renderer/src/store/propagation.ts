// Changes the service accepted but has not applied everywhere yet, keyed by `${accountId}/${keyId}`.
import { create } from 'zustand'
import type { Propagation } from '../../../shared/model'
import { api } from '../api'

interface PropagationState {
  byKey: Readonly<Record<string, Propagation>>
  load(): Promise<void>
  replace(records: readonly Propagation[]): void
}

export const usePropagationStore = create<PropagationState>((set) => ({
  byKey: {},
  load: async () => {
    set({ byKey: index(await api.propagation.list()) })
  },
  replace: (records) => set({ byKey: index(records) }),
}))

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

export function usePropagation(accountId: string, keyId: string): Propagation | undefined {
  return usePropagationStore((s) => s.byKey[`${accountId}/${keyId}`])
}
