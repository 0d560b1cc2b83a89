// Rename a CloudMC key; the name is checked here before it is sent.
import * as D from '@radix-ui/react-dialog'
import { useId, useState } from 'react'
import type { KeyRecord } from '../../../../shared/model'
import { MAX_NAME, nameProblem } from '../create/name-rules'
import '../create/create.css'
import { Icon } from '../../components/Icon'

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
    <D.Root
      open
      onOpenChange={(open) => {
        if (!open) onCancel()
      }}
    >
      <D.Portal>
        <D.Overlay className="kd-overlay" />
        <D.Content className="kd-modal" aria-describedby={`${id}-hint`}>
          <D.Title className="kd-modal-title">Rename key</D.Title>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
            className="kd-fields"
          >
            <div className="kd-field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                value={name}
                autoFocus
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
              <span id={`${id}-hint`} className={problem ? 'kd-field-error' : 'kd-muted'}>
                {problem ? (
                  <>
                    <Icon name="alert" /> {problem}
                  </>
                ) : (
                  `Up to ${MAX_NAME} characters. Apps keep working: only the label changes.`
                )}
              </span>
            </div>
            <div className="kd-actions">
              <button type="button" onClick={onCancel}>
                Cancel
              </button>
              <button type="submit" className="primary">
                Rename
              </button>
            </div>
          </form>
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
