// Rotations in progress, from the core; kept current by 'rotation.updated', so a restart shows where each one stopped.
import { createStore } from 'zustand/vanilla'
import type { AppApi } from '../../../shared/api'
import type { Rotation } from '../../../shared/model'

export interface RotationState {
  rotations: readonly Rotation[]
  readonly load: () => Promise<void>
  readonly replace: (rotations: readonly Rotation[]) => void
  readonly upsert: (r: Rotation) => void
}

export function createRotationStore(api: AppApi) {
  return createStore<RotationState>((set) => ({
    rotations: [],
    load: async () => set({ rotations: await api.rotation.list() }),
    replace: (rotations) => set({ rotations }),
    upsert: (r) =>
      set((s) => ({
        rotations: s.rotations.some((x) => x.id === r.id)
          ? s.rotations.map((x) => (x.id === r.id ? r : x))
          : [...s.rotations, r],
      })),
  }))
}
