// Rename a key; the name is checked here against the provider's limit before it is sent, and the dialog stays open
// until the service answers, so a name the service refuses is still here to fix.
import { useEffect, useId, useRef, useState } from 'react'
import type { KeyRecord } from '../../../../shared/model'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { Form } from '../../components/Form'
import { changeFailed } from '../../actions/key-action'
import { nameLimit, nameProblem } from '../../actions/name-rules'
import { useDescriptor } from '../../store/stores'

interface Props {
  readonly keyRecord: KeyRecord
  /**
   * Settles when the service has answered; rejects with its refusal only while `shown()` says this dialog is still on
   * screen to show it (else the refusal goes to a toast).
   */
  readonly onRename: (name: string, shown: () => boolean) => Promise<void>
  readonly onCancel: () => void
}

export function RenameDialog({ keyRecord, onRename, onCancel }: Props) {
  const limit = nameLimit(useDescriptor(keyRecord.provider))
  // The name as it was when the dialog opened: the row shows the new one while the service is asked.
  const [before] = useState(keyRecord.name)
  const [name, setName] = useState(keyRecord.name)
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const id = useId()
  // Whether this dialog is mounted, not whether the store still holds it open: the overlay that draws it can leave the
  // screen (no accounts to show) while the store keeps it, and a refusal sent here then would reach nobody.
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const submit = (): void => {
    if (sending) return
    const p = nameProblem(name, false, limit)
    if (p) return setProblem(p)
    if (name.trim() === before) return onCancel()
    setSending(true)
    onRename(name.trim(), () => mounted.current).catch((err: unknown) => {
      setSending(false)
      setProblem(changeFailed('rename', err))
    })
  }
  return (
    <Dialog
      title="Rename key"
      onClose={onCancel}
      footer={
        <>
          {/* Closing does not stop a rename already sent: its outcome then shows as a toast. */}
          <button type="button" onClick={onCancel}>
            {sending ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={sending}>
            {sending ? 'Renaming…' : 'Rename'}
          </button>
        </>
      }
    >
      <Form id={`${id}-form`} className="fields" onSubmit={() => submit()}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            readOnly={sending}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setName(e.target.value)
              setProblem(null)
            }}
          />
          <span id={`${id}-hint`} aria-live="polite" className={problem ? 'field-error' : 'muted'}>
            {problem ? (
              <>
                <Icon name="alert" /> {problem}
              </>
            ) : sending ? (
              'Asking the service…'
            ) : (
              `Up to ${limit} characters. Apps keep working: only the label changes.`
            )}
          </span>
        </div>
      </Form>
    </Dialog>
  )
}
