// Rename a key; the name is checked here before it is sent.
import { useId, useState } from 'react'
import type { KeyRecord } from '../../../../shared/model'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { Form } from '../../components/Form'
import { MAX_NAME, nameProblem } from '../../actions/name-rules'

interface Props {
  readonly keyRecord: KeyRecord
  readonly onRename: (name: string) => void
  readonly onCancel: () => void
}

export function RenameDialog({ keyRecord, onRename, onCancel }: Props) {
  const [name, setName] = useState(keyRecord.name)
  const [problem, setProblem] = useState<string | null>(null)
  const id = useId()
  const submit = (): void => {
    const p = nameProblem(name, false)
    if (p) return setProblem(p)
    if (name.trim() === keyRecord.name) return onCancel()
    onRename(name.trim())
  }
  return (
    <Dialog
      title="Rename key"
      onClose={onCancel}
      footer={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary">
            Rename
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
            maxLength={MAX_NAME + 50}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setName(e.target.value)
              setProblem(null)
            }}
          />
          <span id={`${id}-hint`} className={problem ? 'field-error' : 'muted'}>
            {problem ? (
              <>
                <Icon name="alert" /> {problem}
              </>
            ) : (
              `Up to ${MAX_NAME} characters. Apps keep working: only the label changes.`
            )}
          </span>
        </div>
      </Form>
    </Dialog>
  )
}
