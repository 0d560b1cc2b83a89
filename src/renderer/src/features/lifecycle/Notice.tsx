// A message that needs reading before moving on (why a rotation cannot start, why a secret is not held).
import * as D from '@radix-ui/react-dialog'
import '../create/create.css'

export function Notice({
  title,
  text,
  onClose,
}: {
  readonly title: string
  readonly text: string
  readonly onClose: () => void
}) {
  return (
    <D.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
    >
      <D.Portal>
        <D.Overlay className="kd-overlay" />
        <D.Content className="kd-modal">
          <D.Title className="kd-modal-title">{title}</D.Title>
          <D.Description>{text}</D.Description>
          <div className="kd-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              OK
            </button>
          </div>
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
