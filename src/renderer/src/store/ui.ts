// Which app-level panels are open: the command palette, the shortcut list, Add account, Settings and the create
// dialog. Kept in a store so a keyboard shortcut or the palette can open any of them.
import { createStore } from 'zustand/vanilla'

export type Panel =
  | { readonly kind: 'palette' }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'add-account' }
  | { readonly kind: 'settings' }
  | { readonly kind: 'repair' }
  | { readonly kind: 'create'; readonly accountId: string }

export interface UiState {
  panel: Panel | null
  readonly open: (panel: Panel) => void
  readonly close: () => void
}

export function createUiStore() {
  return createStore<UiState>((set) => ({
    panel: null,
    open: (panel) => set({ panel }),
    close: () => set({ panel: null }),
  }))
}
