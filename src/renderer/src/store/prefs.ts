// Preferences from the settings store: theme and the list's search/filter/sort, persisted as the user changes them.
import { create } from 'zustand'
import type { Preferences } from '../../../shared/api'
import { api } from '../api'
import { toProblem } from './problem'

export type Theme = Preferences['theme']
export type ListPrefs = Preferences['list']

export const DEFAULT_LIST: ListPrefs = { search: '', states: [], providers: [], sortKey: 'createdAt', sortDesc: true }

interface PrefsState {
  theme: Theme
  keepSecretsByDefault: boolean
  clipboardClearSec: number
  list: ListPrefs
  saveError: string | null
  load(): Promise<void>
  setTheme(theme: Theme): void
  setList(patch: Partial<ListPrefs>): void
  save(patch: Partial<Omit<Preferences, 'list'>>): Promise<void>
}

const SEARCH_SAVE_DELAY_MS = 400
let listTimer: ReturnType<typeof setTimeout> | null = null
let pendingSave: () => void = () => undefined

export const usePrefs = create<PrefsState>((set, get) => {
  const persist = (patch: Parameters<typeof api.settings.set>[0]): Promise<void> =>
    api.settings.set(patch).then(
      () => set({ saveError: null }),
      (err: unknown) => {
        set({ saveError: `Your preference was not saved: ${toProblem(err).message}` })
      },
    )
  return {
    theme: 'system',
    keepSecretsByDefault: true,
    clipboardClearSec: 30,
    list: DEFAULT_LIST,
    saveError: null,
    load: async () => {
      const p = await api.settings.get()
      set({
        theme: p.theme,
        keepSecretsByDefault: p.keepSecretsByDefault,
        clipboardClearSec: p.clipboardClearSec,
        list: { ...DEFAULT_LIST, ...p.list },
      })
      applyTheme(p.theme)
    },
    setTheme: (theme) => {
      set({ theme })
      applyTheme(theme)
      void persist({ theme })
    },
    setList: (patch) => {
      set((s) => ({ list: { ...s.list, ...patch } }))
      const save = (): void => {
        listTimer = null
        window.removeEventListener('pagehide', save)
        const l = get().list
        void persist({ list: { ...l, states: [...l.states], providers: l.providers.filter(isProvider) } })
      }
      if (listTimer) clearTimeout(listTimer)
      window.removeEventListener('pagehide', pendingSave)
      // Typing in search would otherwise write the settings file on every keystroke; leaving the page saves at once.
      const typing = Object.keys(patch).length === 1 && 'search' in patch
      pendingSave = save
      window.addEventListener('pagehide', save)
      listTimer = setTimeout(save, typing ? SEARCH_SAVE_DELAY_MS : 0)
    },
    save: async (patch) => {
      set(patch)
      await persist(patch)
    },
  }
})

const isProvider = (p: string): p is 'spaceone' | 'cloudmc' | 'onqlave' =>
  p === 'spaceone' || p === 'cloudmc' || p === 'onqlave'

/** 'system' follows the OS through prefers-color-scheme; the others pin the palette. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}
