// Feeds the notification list from the core's events, shows system notifications in the browser host, and offers
// them at the moment they matter: when the user has just started a change whose outcome takes a while.
import type { AppApi } from '../../../shared/api'
import type { Stores } from '../store/stores'
import { askPermission, permission, showSystemNotification } from './system-notifications'

export function createNoteActions(stores: Stores) {
  return {
    /** Only this click asks the browser; the offer goes away whatever the answer. */
    enableSystem: async (): Promise<void> => {
      await askPermission()
      stores.notes.getState().setOffer(false)
    },
    decline: () => stores.notes.getState().decline(),
    markRead: () => stores.notes.getState().markRead(),
    clear: () => stores.notes.getState().clear(),
  }
}

export function startNotes(api: AppApi, stores: Stores): () => void {
  const inBrowser = (): boolean => stores.app.getState().info?.host === 'browser'
  const offs = [
    api.on('notify', ({ title, body, outcome }) => {
      stores.notes.getState().add({ title, body, outcome: outcome ?? 'info', at: Date.now() })
      if (inBrowser()) showSystemNotification(title, body)
    }),
    api.on('propagation.updated', ({ records }) => {
      if (!inBrowser() || permission() !== 'default') return
      if (records.some((r) => r.state === 'propagating')) stores.notes.getState().setOffer(true)
    }),
  ]
  return () => {
    for (const off of offs) off()
  }
}
