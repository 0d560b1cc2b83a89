// "Create key": the create flow in a dialog, then the one-time reveal. The CreatedKey lives only in this component.
import * as D from '@radix-ui/react-dialog'
import { useState } from 'react'
import type { AccountView, CreatedKey } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { CreateFlow } from './CreateFlow'
import { createFields } from './draft'
import { RevealDialog } from './RevealDialog'
import './create.css'

const A_SERVICE: Readonly<Record<AccountView['provider'], string>> = {
  spaceone: 'a SpaceONE',
  cloudmc: 'a CloudMC',
  onqlave: 'an Onqlave',
}

export function CreateKeyDialog({
  account,
  onClosed,
}: {
  readonly account: AccountView
  readonly onClosed: () => void
}) {
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [running, setRunning] = useState(false)
  const actions = useActions()
  if (created) {
    return (
      <RevealDialog
        account={account}
        created={created}
        onClosed={() => {
          setCreated(null)
          onClosed()
        }}
      />
    )
  }
  return (
    <D.Root
      open
      onOpenChange={(open) => {
        if (!open && !running) onClosed()
      }}
    >
      <D.Portal>
        <D.Overlay className="kd-overlay" />
        <D.Content
          className="kd-modal"
          aria-describedby="kd-create-desc"
          onPointerDownOutside={(e) => e.preventDefault()}
        >
          <div className="kd-modal-head">
            <D.Title className="kd-modal-title">Create {A_SERVICE[account.provider]} key</D.Title>
            <D.Close className="kd-icon" aria-label="Close" disabled={running}>
              <span aria-hidden="true">×</span>
            </D.Close>
          </div>
          <D.Description id="kd-create-desc" className="kd-muted">
            In {account.label}. The secret is shown once, right after it is created.
          </D.Description>
          <CreateFlow
            account={account}
            onCreated={setCreated}
            onCancel={onClosed}
            onRunning={setRunning}
            submit={(draft, requestId) =>
              actions.create.create(account.id, requestId, createFields(account.provider, draft))
            }
          />
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
