// A message that needs reading before moving on (why a rotation cannot start, why a secret is not held).
import { Dialog } from '../../components/Dialog'

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
    <Dialog
      title={title}
      description={text}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose}>
          OK
        </button>
      }
    />
  )
}
