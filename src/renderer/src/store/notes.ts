// What the core told the user this session (a change settled or failed, a key not kept), newest first, and whether to
// offer system notifications now.
import { createStore } from 'zustand/vanilla'

export type NoteOutcome = 'settled' | 'failed' | 'info'

export interface AppNote {
  readonly id: number
  readonly title: string
  readonly body: string
  readonly outcome: NoteOutcome
  /** ms since the epoch, when KeyDesk received it */
  readonly at: number
}

/** Enough to read back a working session; older ones drop off the end. */
const MAX_NOTES = 50

export interface NotesState {
  notes: readonly AppNote[]
  unread: number
  /** Offer system notifications now: a change is propagating and the browser has not been asked. */
  offer: boolean
  /** The user said "Not now": do not offer again this session. */
  declined: boolean
  readonly add: (note: Omit<AppNote, 'id'>) => void
  readonly markRead: () => void
  readonly clear: () => void
  readonly setOffer: (offer: boolean) => void
  readonly decline: () => void
}

export function createNotesStore() {
  let nextId = 1
  return createStore<NotesState>((set) => ({
    notes: [],
    unread: 0,
    offer: false,
    declined: false,
    add: (note) =>
      set((s) => ({ notes: [{ ...note, id: nextId++ }, ...s.notes].slice(0, MAX_NOTES), unread: s.unread + 1 })),
    markRead: () => set({ unread: 0 }),
    clear: () => set({ notes: [], unread: 0 }),
    setOffer: (offer) => set((s) => ({ offer: offer && !s.declined })),
    decline: () => set({ offer: false, declined: true }),
  }))
}
