// Preferences from the settings store: theme and the list's search/filter/sort, persisted as the user changes them.
import { createStore } from 'zustand/vanilla'
import type { AppApi, Preferences } from '../../../shared/api'
import { PROVIDER_IDS, type ProviderId } from '../../../shared/model'
import { toProblem } from './problem'

export type Theme = Preferences['theme']
export type ListPrefs = Preferences['list']

export const DEFAULT_LIST: ListPrefs = { search: '', states: [], providers: [], sortKey: 'createdAt', sortDesc: true }

export interface PrefsState {
  theme: Theme
  keepSecretsByDefault: boolean
  clipboardClearSec: number
  list: ListPrefs
  saveError: string | null
  readonly load: () => Promise<void>
  readonly setTheme: (theme: Theme) => void
  readonly setList: (patch: Partial<ListPrefs>) => void
  readonly save: (patch: Partial<Omit<Preferences, 'list'>>) => Promise<void>
}

const SEARCH_SAVE_DELAY_MS = 400

export function createPrefsStore(api: AppApi) {
  let listTimer: ReturnType<typeof setTimeout> | null = null
  let pendingSave: () => void = () => undefined
  return createStore<PrefsState>((set, get) => {
    const persist = (patch: Parameters<AppApi['settings']['set']>[0]): Promise<void> =>
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
}

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p)

/** 'system' follows the OS through prefers-color-scheme; the others pin the palette. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}
