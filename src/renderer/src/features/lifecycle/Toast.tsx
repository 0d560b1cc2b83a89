// Outcome of a row action, shown where it cannot be clipped by the list; errors stay until dismissed.
import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from '../../components/Icon'

import type { ToastMessage } from '../../store/key-dialogs'

const OK_MS = 6_000

function tray(): HTMLElement {
  let el = document.getElementById('toasts')
  if (!el) {
    el = document.createElement('div')
    el.id = 'toasts'
    el.className = 'toasts'
    document.body.append(el)
  }
  return el
}

export function Toast({
  message,
  onDismiss,
}: {
  readonly message: ToastMessage | null
  readonly onDismiss: () => void
}) {
  useEffect(() => {
    if (!message?.ok) return
    const t = setTimeout(onDismiss, OK_MS)
    return () => clearTimeout(t)
  }, [message, onDismiss])
  if (!message) return null
  return createPortal(
    <div className={message.ok ? 'toast' : 'toast toast-bad'} role={message.ok ? 'status' : 'alert'}>
      <Icon name={message.ok ? 'check' : 'alert'} />
      <span className="toast-text">{message.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>,
    tray(),
  )
}
