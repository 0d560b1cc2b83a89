// The one dialog. Radix supplies the focus trap and Escape; this adds what every KeyDesk dialog needs: an alert role
// for confirmations, a close that can be guarded (a running create, an unsaved secret), a footer for the buttons,
// focus on the first field when it opens, and focus back on whatever opened it when it closes.
import * as D from '@radix-ui/react-dialog'
import { useState, type ReactNode } from 'react'
import { Icon } from './Icon'

interface Props {
  readonly title: ReactNode
  /** Shown under the title; also what a screen reader announces with it. */
  readonly description?: ReactNode
  readonly children?: ReactNode
  /** The buttons, below the content. */
  readonly footer?: ReactNode
  /** The dialog asked to close (Escape, ×, a click outside) and may: the parent unmounts it or sets open false. */
  readonly onClose: () => void
  readonly open?: boolean
  /** A confirmation: read out as an alert, and a click outside does not dismiss it. */
  readonly alert?: boolean
  /**
   * While set, Escape, × and clicks outside do not close; a function is called instead (e.g. to ask first), `true`
   * just refuses (a create is running and its answer carries the only copy of the secret).
   */
  readonly guard?: boolean | (() => void)
  readonly wide?: boolean
  readonly className?: string
}

/** The first field, else the first button of the content or footer (never the ×, which is last in the tab order). */
function firstFocusable(root: HTMLElement): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('[data-autofocus]') ??
    root.querySelector<HTMLElement>(
      'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])',
    ) ??
    root.querySelector<HTMLElement>('.dialog-body button:not([disabled]), .dialog-footer button:not([disabled])')
  )
}

export function Dialog({
  title,
  description,
  children,
  footer,
  onClose,
  open = true,
  alert,
  guard,
  wide,
  className,
}: Props) {
  // The control that opened the dialog gets focus back, if it is still on the page when the dialog closes.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  const request = (): void => {
    if (typeof guard === 'function') guard()
    else if (!guard) onClose()
  }
  const classes = ['dialog', wide ? 'wide' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <D.Root
      open={open}
      onOpenChange={(o) => {
        if (!o) request()
      }}
    >
      <D.Portal>
        <D.Overlay className="overlay" />
        <D.Content
          className={classes}
          role={alert ? 'alertdialog' : 'dialog'}
          onOpenAutoFocus={(e) => {
            e.preventDefault()
            firstFocusable(e.currentTarget as HTMLElement)?.focus()
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault()
            if (opener?.isConnected) opener.focus()
          }}
          onPointerDownOutside={(e) => {
            if (alert || guard) e.preventDefault()
          }}
          onInteractOutside={(e) => {
            if (alert || guard) e.preventDefault()
          }}
        >
          <div className="dialog-head">
            <D.Title className="dialog-title">{title}</D.Title>
          </div>
          {description ? (
            <D.Description className="muted">{description}</D.Description>
          ) : (
            <D.Description className="sr-only">{title}</D.Description>
          )}
          {children !== undefined && <div className="dialog-body">{children}</div>}
          {footer !== undefined && <div className="dialog-footer actions">{footer}</div>}
          <button type="button" className="icon-button dialog-close" aria-label="Dismiss" onClick={request}>
            <Icon name="x" />
          </button>
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
