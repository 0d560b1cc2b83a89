// Which app-level panels are open: the command palette, the shortcut list, Add account, Settings and the create
// dialog. Kept in a store so a keyboard shortcut or the palette can open any of them. Also the list's column widths.
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
  /** Key list column widths the user dragged to, px by column id; for this session. */
  columnWidths: Readonly<Record<string, number>>
  readonly open: (panel: Panel) => void
  readonly close: () => void
  readonly setColumnWidths: (widths: Readonly<Record<string, number>>) => void
}

export function createUiStore() {
  return createStore<UiState>((set) => ({
    panel: null,
    columnWidths: {},
    open: (panel) => set({ panel }),
    close: () => set({ panel: null }),
    setColumnWidths: (columnWidths) => set({ columnWidths }),
  }))
}
