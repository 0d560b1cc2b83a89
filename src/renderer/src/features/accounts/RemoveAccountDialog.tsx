import type { AccountView } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useDescriptor } from '../../store/stores'
import { useSubmit } from '../../components/useSubmit'

interface Props {
  readonly account: AccountView
  readonly open: boolean
  readonly onOpenChange: (o: boolean) => void
}

export function RemoveAccountDialog({ account, open, onOpenChange }: Props) {
  const { busy, problem, run } = useSubmit()
  const actions = useActions()
  const name = useDescriptor(account.provider).name
  return (
    <Dialog
      open={open}
      onClose={() => onOpenChange(false)}
      title={`Remove ${account.label} from KeyDesk?`}
      description={`KeyDesk forgets this account and deletes its credential from the keychain on this computer. Nothing changes at ${name}: its API keys stay as they are and keep working.`}
      alert
      guard={busy}
      footer={
        <>
          <button type="button" onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await actions.accounts.remove(account.id)
                onOpenChange(false)
              })
            }
          >
            {busy ? 'Removing…' : 'Remove account'}
          </button>
        </>
      }
    >
      {problem && <ProblemMessage problem={problem} />}
    </Dialog>
  )
}
