// Preferences from the settings store: theme, clipboard, kept secrets, the list's search/filter/sort and its column
// widths. Read here; written by actions/prefs.ts, which persists each change.
import { createStore } from 'zustand/vanilla'
import type { AppApi, Preferences } from '../../../shared/api'
import { keptWidths } from '../../../shared/column-widths'

export type Theme = Preferences['theme']
export type ListPrefs = Preferences['list']

export const DEFAULT_LIST: ListPrefs = { search: '', states: [], providers: [], sortKey: 'createdAt', sortDesc: true }

export interface PrefsState {
  theme: Theme
  keepSecretsByDefault: boolean
  clipboardClearSec: number
  list: ListPrefs
  /** Key list column widths the user dragged to, px by column id. */
  columnWidths: Readonly<Record<string, number>>
  saveError: string | null
  readonly load: () => Promise<void>
  /** Shows a change at once; the action that made it persists it. */
  readonly apply: (patch: Partial<Omit<Preferences, 'list'>> & { readonly list?: Partial<ListPrefs> }) => void
  readonly setSaveError: (saveError: string | null) => void
}

export function createPrefsStore(api: AppApi) {
  return createStore<PrefsState>((set) => ({
    theme: 'system',
    keepSecretsByDefault: true,
    clipboardClearSec: 30,
    list: DEFAULT_LIST,
    columnWidths: {},
    saveError: null,
    load: async () => {
      const p = await api.settings.get()
      set({
        theme: p.theme,
        keepSecretsByDefault: p.keepSecretsByDefault,
        clipboardClearSec: p.clipboardClearSec,
        list: { ...DEFAULT_LIST, ...p.list },
        columnWidths: keptWidths(p.columnWidths),
      })
      applyTheme(p.theme)
    },
    apply: ({ list, ...rest }) => {
      set((s) => ({ ...rest, ...(list ? { list: { ...s.list, ...list } } : {}) }))
      if (rest.theme) applyTheme(rest.theme)
    },
    setSaveError: (saveError) => set({ saveError }),
  }))
}

/** 'system' follows the OS through prefers-color-scheme; the others pin the palette. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}
