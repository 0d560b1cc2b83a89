// "Create key": the create flow in a dialog, then the one-time reveal. The CreatedKey lives only in this component.
import { useState } from 'react'
import type { AccountView, CreatedKey } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { useDescriptor } from '../../store/stores'
import { CreateFlow } from './CreateFlow'
import { RevealDialog } from './RevealDialog'
import '../../components/dialog-steps.css'

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
  const d = useDescriptor(account.provider)
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
    <Dialog
      title={`Create ${d.aName} key`}
      description={`In ${account.label}. The secret is shown once, right after it is created.`}
      // While a create runs the dialog must not close: the answer carries the only copy of the secret.
      guard={running}
      onClose={onClosed}
    >
      <CreateFlow
        account={account}
        onCreated={setCreated}
        onCancel={onClosed}
        onRunning={setRunning}
        submit={(fields, requestId) => actions.create.create(account.id, requestId, fields)}
      />
    </Dialog>
  )
}
