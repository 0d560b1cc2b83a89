// Rotations in progress, from the core; kept current by 'rotation.updated', so a restart shows where each one stopped.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { Rotation } from '../../../../shared/model'
import { api } from '../../api'

interface RotationState {
  rotations: readonly Rotation[]
  load(): Promise<void>
  upsert(r: Rotation): void
}

export const useRotationStore = create<RotationState>((set) => ({
  rotations: [],
  load: async () => set({ rotations: await api.rotation.list() }),
  upsert: (r) =>
    set((s) => ({
      rotations: s.rotations.some((x) => x.id === r.id)
        ? s.rotations.map((x) => (x.id === r.id ? r : x))
        : [...s.rotations, r],
    })),
}))

/** Loads on mount and follows the core's updates while mounted. */
export function useRotations(): readonly Rotation[] {
  useEffect(() => {
    const off = api.on('rotation.updated', ({ rotations }) => useRotationStore.setState({ rotations }))
    void useRotationStore
      .getState()
      .load()
      .catch(() => undefined)
    return off
  }, [])
  return useRotationStore((s) => s.rotations)
}
