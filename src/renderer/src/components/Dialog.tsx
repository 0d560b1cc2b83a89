// One look for every dialog; Radix supplies the focus trap, Escape, and focus return.
import * as D from '@radix-ui/react-dialog'
import { Icon } from './Icon'
import type { ReactNode } from 'react'

interface Props {
  readonly open: boolean
  readonly onOpenChange: (open: boolean) => void
  readonly title: string
  readonly description?: ReactNode
  readonly children: ReactNode
  readonly wide?: boolean
}

export function Dialog({ open, onOpenChange, title, description, children, wide }: Props) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="overlay" />
        <D.Content className={wide ? 'dialog wide' : 'dialog'}>
          <div className="dialog-head">
            <D.Title className="dialog-title">{title}</D.Title>
            <D.Close className="icon-button" aria-label="Close">
              <Icon name="x" />
            </D.Close>
          </div>
          {description ? (
            <D.Description className="muted">{description}</D.Description>
          ) : (
            <D.Description className="sr-only">{title}</D.Description>
          )}
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
