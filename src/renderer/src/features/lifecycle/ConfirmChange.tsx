// Asks before a destructive action, saying what will happen; Onqlave's delete unlocks only on the exact key id.
import * as D from '@radix-ui/react-dialog'
import { useId, useState } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { consequences, type DestructiveOp } from './consequences'
import '../create/create.css'
import './lifecycle.css'
import { Icon } from '../../components/Icon'

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
  const c = consequences(op, account, keyRecord)
  const [typed, setTyped] = useState('')
  const id = useId()
  const locked = c.typeToConfirm !== null && typed !== c.typeToConfirm
  return (
    <D.Root
      open
      onOpenChange={(open) => {
        if (!open) onCancel()
      }}
    >
      <D.Portal>
        <D.Overlay className="kd-overlay" />
        <D.Content className="kd-modal" role="alertdialog" aria-describedby={`${id}-what`}>
          <D.Title className="kd-modal-title">{c.title}</D.Title>
          <div id={`${id}-what`} className="kd-consequences">
            <p className="kd-muted">{account.label}</p>
            <ul>
              {c.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {c.ownKey && (
              <p className="kd-warning" role="note">
                <Icon name="alert" /> {c.ownKey}
              </p>
            )}
          </div>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              if (!locked) onConfirm()
            }}
          >
            {c.typeToConfirm !== null && (
              <div className="kd-field">
                <label htmlFor={`${id}-type`}>
                  Type the key id <code>{c.typeToConfirm}</code> to confirm
                </label>
                <input
                  id={`${id}-type`}
                  value={typed}
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus
                  onChange={(e) => setTyped(e.target.value)}
                  aria-describedby={`${id}-type-hint`}
                />
                <span id={`${id}-type-hint`} className="kd-muted">
                  {typed === '' ? 'Exactly as shown.' : locked ? 'Not the same id yet.' : 'Matches.'}
                </span>
              </div>
            )}
            <div className="kd-actions">
              <button type="button" onClick={onCancel} autoFocus={c.typeToConfirm === null}>
                Cancel
              </button>
              {c.ownKey && onRotateFirst && (
                <button type="button" onClick={onRotateFirst}>
                  Rotate first
                </button>
              )}
              <button type="submit" className="kd-danger" disabled={locked}>
                {c.confirmLabel}
              </button>
            </div>
          </form>
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
