// The app's one entry point for notifications: a button with the unread count, the list it opens, and the offer to
// turn on system notifications when a change starts propagating.
import { useEffect, useId, useRef, useState } from 'react'
import { useActions } from '../../actions/context'
import { Icon } from '../../components/Icon'
import { useNow } from '../../components/useNow'
import { useNotes } from '../../store/stores'
import type { AppNote } from '../../store/notes'
import './notifications.css'

export function Notifications() {
  const id = useId()
  const actions = useActions()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLElement>(null)
  const notes = useNotes((s) => s.notes)
  const unread = useNotes((s) => s.unread)
  const offer = useNotes((s) => s.offer)

  useEffect(() => {
    if (open && unread > 0) actions.notes.markRead()
  }, [open, unread, actions])

  const close = (): void => {
    setOpen(false)
    button.current?.focus()
  }
  // Open: the list takes focus, and Escape closes it from anywhere, giving focus back to the button.
  useEffect(() => {
    if (!open) return
    panel.current?.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [open])
  return (
    <div className="notes">
      <button
        ref={button}
        type="button"
        className="ghost"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <Icon name="bell" /> Notifications
        {unread > 0 && (
          <span className="notes-count">
            {unread}
            <span className="sr-only"> new</span>
          </span>
        )}
      </button>
      {open && (
        <section ref={panel} id={`${id}-panel`} className="notes-panel" aria-label="Notifications" tabIndex={-1}>
          <div className="notes-head">
            <h2>Notifications</h2>
            {notes.length > 0 && (
              <button type="button" className="ghost" onClick={actions.notes.clear}>
                Clear
              </button>
            )}
            <button type="button" className="ghost" aria-label="Close notifications" onClick={close}>
              <Icon name="x" />
            </button>
          </div>
          {notes.length === 0 ? (
            <p className="muted">Nothing yet. When a change settles or fails, it is listed here.</p>
          ) : (
            <ol className="notes-list">
              {notes.map((n) => (
                <NoteItem key={n.id} note={n} />
              ))}
            </ol>
          )}
        </section>
      )}
      {offer && <Offer />}
    </div>
  )
}

function NoteItem({ note }: { readonly note: AppNote }) {
  const now = useNow()
  const icon = note.outcome === 'failed' ? 'alert' : note.outcome === 'settled' ? 'check' : 'clock'
  return (
    <li className={`note note-${note.outcome}`}>
      <Icon name={icon} />
      <div>
        <p className="note-title">{note.title}</p>
        <p>{note.body}</p>
        <time dateTime={new Date(note.at).toISOString()}>{ago(now, note.at)}</time>
      </div>
    </li>
  )
}

function Offer() {
  const actions = useActions()
  const [asking, setAsking] = useState(false)
  return (
    <div className="notes-offer" role="region" aria-label="System notifications">
      <p>Get a system notification when this change settles or fails, even while KeyDesk is in the background?</p>
      <button
        type="button"
        className="primary"
        disabled={asking}
        onClick={() => {
          setAsking(true)
          void actions.notes.enableSystem()
        }}
      >
        Notify me
      </button>
      <button type="button" onClick={actions.notes.decline}>
        Not now
      </button>
    </div>
  )
}

function ago(now: number, at: number): string {
  const min = Math.floor(Math.max(0, now - at) / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  return `at ${new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
}
