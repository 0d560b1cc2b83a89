// Writes the user's preferences: shown at once through the prefs store, then persisted; a failed save is said.
import type { AppApi, Preferences } from '../../../shared/api'
import { PROVIDER_IDS, type ProviderId } from '../../../shared/model'
import type { ListPrefs, Theme } from '../store/prefs'
import { toProblem } from '../store/problem'
import type { Stores } from '../store/stores'

const SEARCH_SAVE_DELAY_MS = 400
/** A drag resizes a column many times a second: its width is written once the drag has rested. */
const WIDTHS_SAVE_DELAY_MS = 400

export function createPrefActions(api: AppApi, stores: Stores) {
  const store = stores.prefs
  let listTimer: ReturnType<typeof setTimeout> | null = null
  let pendingSave: () => void = () => undefined
  let widthsTimer: ReturnType<typeof setTimeout> | null = null
  const saveWidths = (): void => {
    if (widthsTimer) clearTimeout(widthsTimer)
    widthsTimer = null
    window.removeEventListener('pagehide', saveWidths)
    void persist({ columnWidths: { ...store.getState().columnWidths } })
  }
  const persist = (patch: Parameters<AppApi['settings']['set']>[0]): Promise<void> =>
    api.settings.set(patch).then(
      () => store.getState().setSaveError(null),
      (err: unknown) => store.getState().setSaveError(`Your preference was not saved: ${toProblem(err).message}`),
    )
  return {
    setTheme: (theme: Theme): void => {
      store.getState().apply({ theme })
      void persist({ theme })
    },
    setList: (patch: Partial<ListPrefs>): void => {
      store.getState().apply({ list: patch })
      const save = (): void => {
        listTimer = null
        window.removeEventListener('pagehide', save)
        const l = store.getState().list
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
    setColumnWidths: (columnWidths: Readonly<Record<string, number>>): void => {
      store.getState().apply({ columnWidths })
      if (widthsTimer) clearTimeout(widthsTimer)
      else window.addEventListener('pagehide', saveWidths)
      widthsTimer = setTimeout(saveWidths, WIDTHS_SAVE_DELAY_MS)
    },
    save: async (patch: Partial<Omit<Preferences, 'list'>>): Promise<void> => {
      store.getState().apply(patch)
      await persist(patch)
    },
  }
}

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p)
