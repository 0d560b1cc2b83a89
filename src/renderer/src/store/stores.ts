// Every store of the renderer, created together over one api: the app passes window.api, tests a typed fake.
import { createContext, useContext } from 'react'
import { useStore, type StoreApi } from 'zustand'
import type { AppApi } from '../../../shared/api'
import type { ProviderDescriptor } from '../../../shared/descriptor'
import type { ProviderId } from '../../../shared/model'
import { createActivityStore, type ActivityState } from './activity'
import { createAppStore, type AppState } from './app'
import { createKeyDialogsStore, type KeyDialogsState } from './key-dialogs'
import { createKeptStore, type KeptState } from './kept'
import { createKeysStore, type KeysState } from './keys'
import { createLockStore, type LockState } from './lock'
import { createNotesStore, type NotesState } from './notes'
import { createPrefsStore, type PrefsState } from './prefs'
import { createPropagationStore, type PropagationState } from './propagation'
import { createRotationStore, type RotationState } from './rotations'
import { createUiStore, type UiState } from './ui'

export interface Stores {
  readonly app: StoreApi<AppState>
  readonly keys: StoreApi<KeysState>
  readonly prefs: StoreApi<PrefsState>
  readonly propagation: StoreApi<PropagationState>
  readonly rotations: StoreApi<RotationState>
  readonly kept: StoreApi<KeptState>
  readonly dialogs: StoreApi<KeyDialogsState>
  readonly ui: StoreApi<UiState>
  readonly notes: StoreApi<NotesState>
  readonly lock: StoreApi<LockState>
  readonly activity: StoreApi<ActivityState>
}

export function createStores(api: AppApi): Stores {
  return {
    app: createAppStore(api),
    keys: createKeysStore(api),
    prefs: createPrefsStore(api),
    propagation: createPropagationStore(api),
    rotations: createRotationStore(api),
    kept: createKeptStore(api),
    dialogs: createKeyDialogsStore(),
    ui: createUiStore(),
    notes: createNotesStore(),
    lock: createLockStore(api),
    activity: createActivityStore(api),
  }
}

export const StoresContext = createContext<Stores | null>(null)

export function useStores(): Stores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('The renderer is rendered outside its stores provider.')
  return stores
}

const bind =
  <S>(pick: (s: Stores) => StoreApi<S>) =>
  <T>(selector: (state: S) => T): T =>
    useStore(pick(useStores()), selector)

export const useApp = bind((s) => s.app)
export const useKeys = bind((s) => s.keys)
export const usePrefs = bind((s) => s.prefs)
export const usePropagations = bind((s) => s.propagation)
export const useRotations = bind((s) => s.rotations)
export const useKept = bind((s) => s.kept)
export const useKeyDialogs = bind((s) => s.dialogs)
export const useUi = bind((s) => s.ui)
export const useNotes = bind((s) => s.notes)
export const useLock = bind((s) => s.lock)
export const useActivity = bind((s) => s.activity)

export function usePropagation(accountId: string, keyId: string) {
  return usePropagations((s) => s.byKey[`${accountId}/${keyId}`])
}

/** The descriptor of a provider; the app shows accounts only once every descriptor has loaded. */
export function useDescriptor(provider: ProviderId): ProviderDescriptor {
  const d = useApp((s) => s.providers[provider])
  if (!d) throw new Error(`KeyDesk has no description of the provider "${provider}".`)
  return d
}

/** Every provider's descriptor, by id. */
export function useDescriptors(): Readonly<Partial<Record<ProviderId, ProviderDescriptor>>> {
  return useApp((s) => s.providers)
}

/** Every provider's descriptor, in the core's order. */
export function useDescriptorList(): readonly ProviderDescriptor[] {
  return useApp((s) => s.providerList)
}
