// Writes the user's preferences: shown at once through the prefs store, then persisted; a failed save is said.
import type { AppApi, Preferences } from '../../../shared/api'
import { PROVIDER_IDS, type ProviderId } from '../../../shared/model'
import type { ListPrefs, Theme } from '../store/prefs'
import { toProblem } from '../store/problem'
import type { Stores } from '../store/stores'

const SEARCH_SAVE_DELAY_MS = 400
/** A drag resizes a column many times a second: its width is written once the drag has rested or ended. */
const WIDTHS_SAVE_DELAY_MS = 400

/**
 * A save that waits a little for more changes, and runs at once when asked or when the page goes (closing the window
 * must not lose the last change).
 */
function laterSave(save: () => void) {
  let timer: ReturnType<typeof setTimeout> | null = null
  const now = (): void => {
    if (timer === null) return
    clearTimeout(timer)
    timer = null
    window.removeEventListener('pagehide', now)
    save()
  }
  return {
    after(delayMs: number): void {
      if (timer === null) window.addEventListener('pagehide', now)
      else clearTimeout(timer)
      timer = setTimeout(now, delayMs)
    },
    now,
  }
}

export function createPrefActions(api: AppApi, stores: Stores) {
  const store = stores.prefs
  const persist = (patch: Parameters<AppApi['settings']['set']>[0]): Promise<void> =>
    api.settings.set(patch).then(
      () => store.getState().setSaveError(null),
      (err: unknown) => store.getState().setSaveError(`Your preference was not saved: ${toProblem(err).message}`),
    )
  const listSave = laterSave(() => {
    const l = store.getState().list
    void persist({ list: { ...l, states: [...l.states], providers: l.providers.filter(isProvider) } })
  })
  const widthsSave = laterSave(() => void persist({ columnWidths: { ...store.getState().columnWidths } }))
  return {
    setTheme: (theme: Theme): void => {
      store.getState().apply({ theme })
      void persist({ theme })
    },
    setList: (patch: Partial<ListPrefs>): void => {
      store.getState().apply({ list: patch })
      // Typing in search would otherwise write the settings file on every keystroke.
      const typing = Object.keys(patch).length === 1 && 'search' in patch
      listSave.after(typing ? SEARCH_SAVE_DELAY_MS : 0)
    },
    setColumnWidths: (columnWidths: Readonly<Record<string, number>>): void => {
      store.getState().apply({ columnWidths })
      widthsSave.after(WIDTHS_SAVE_DELAY_MS)
    },
    /** A drag has ended: its width is written now, not after the rest (the window may be closed next). */
    saveColumnWidths: (): void => widthsSave.now(),
    save: async (patch: Partial<Omit<Preferences, 'list'>>): Promise<void> => {
      store.getState().apply(patch)
      await persist(patch)
    },
  }
}

const isProvider = (p: string): p is ProviderId => (PROVIDER_IDS as readonly string[]).includes(p)
