// Asks before a destructive action, saying what will happen; a typed confirmation unlocks only on the exact key id.
import { useId, useState } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { Form } from '../../components/Form'
import { useDescriptor } from '../../store/stores'
import { consequences, type DestructiveOp } from './consequences'
import './lifecycle.css'

interface Props {
  readonly op: DestructiveOp
  readonly account: AccountView
  readonly keyRecord: KeyRecord
  readonly onConfirm: () => void
  readonly onCancel: () => void
  /** Offered when the key is the account's own credential and the account can rotate it. */
  readonly onRotateFirst?: () => void
}

export function ConfirmChange({ op, account, keyRecord, onConfirm, onCancel, onRotateFirst }: Props) {
  const c = consequences(op, useDescriptor(account.provider), account, keyRecord)
  const [typed, setTyped] = useState('')
  const id = useId()
  const locked = c.typeToConfirm !== null && typed !== c.typeToConfirm
  const confirm = (): void => {
    if (!locked) onConfirm()
  }
  return (
    <Dialog
      alert
      title={c.title}
      onClose={onCancel}
      description={
        <span className="consequences">
          <span className="muted">{account.label}</span>
          {c.lines.map((line) => (
            <span key={line} className="consequence">
              {line}
            </span>
          ))}
          {c.ownKey && (
            <span className="warning" role="note">
              <Icon name="alert" /> {c.ownKey}
            </span>
          )}
        </span>
      }
      footer={
        <>
          <button type="button" onClick={onCancel} data-autofocus={c.typeToConfirm === null ? true : undefined}>
            Cancel
          </button>
          {c.ownKey && onRotateFirst && (
            <button type="button" onClick={onRotateFirst}>
              Rotate first
            </button>
          )}
          <button type="submit" form={`${id}-form`} className="danger" disabled={locked}>
            {c.confirmLabel}
          </button>
        </>
      }
    >
      <Form id={`${id}-form`} onSubmit={() => confirm()}>
        {c.typeToConfirm !== null && (
          <div className="field">
            <label htmlFor={`${id}-type`}>
              Type the key id <code>{c.typeToConfirm}</code> to confirm
            </label>
            <input
              id={`${id}-type`}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTyped(e.target.value)}
              aria-describedby={`${id}-type-hint`}
            />
            <span id={`${id}-type-hint`} className="muted">
              {typed === '' ? 'Exactly as shown.' : locked ? 'Not the same id yet.' : 'Matches.'}
            </span>
          </div>
        )}
      </Form>
    </Dialog>
  )
}
