// Re-entering a credential: the core checks it with the service before it replaces the one in the keychain.
import { useState } from 'react'
import { toCredential } from '../../../../shared/descriptor'
import type { AccountView } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { CredentialFields } from './CredentialFields'
import { validateFields, type Fields } from './providers'
import { useCancellable } from './useCancellable'
import { Form } from '../../components/Form'
import { useDescriptor } from '../../store/stores'
import { useFirstInvalid } from '../../components/useFirstInvalid'

interface Props {
  readonly account: AccountView
  readonly open: boolean
  readonly onOpenChange: (o: boolean) => void
}

export function CredentialDialog({ account, open, onOpenChange }: Props) {
  return (
    <Dialog
      open={open}
      onClose={() => onOpenChange(false)}
      title={`Re-enter the credential for ${account.label}`}
      description="KeyDesk tests it with the service first; the old one stays in the keychain if the test fails."
    >
      <CredentialForm account={account} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

function CredentialForm({ account, onDone }: { readonly account: AccountView; readonly onDone: () => void }) {
  const [fields, setFields] = useState<Fields>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { ref: formRef, refused: showInvalid } = useFirstInvalid()
  const { busy, problem, submit, cancel } = useCancellable(onDone)
  const d = useDescriptor(account.provider)
  const actions = useActions()
  const save = (): void => {
    const e = validateFields(d, fields, { endpoint: false, credential: true })
    setErrors(e)
    if (Object.keys(e).length) return showInvalid()
    void submit(async (requestId) => {
      await actions.accounts.update({ id: account.id, credential: toCredential(d, fields), requestId })
      setFields({})
      onDone()
    })
  }
  return (
    <Form ref={formRef} className="form" onSubmit={() => save()}>
      <CredentialFields
        descriptor={d}
        values={fields}
        errors={errors}
        show={{ endpoint: false, credential: true }}
        onChange={(n, v) => setFields((f) => ({ ...f, [n]: v }))}
        disabled={busy}
      />
      {problem && <ProblemMessage problem={problem} />}
      <div className="actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking and saving…' : 'Save credential'}
        </button>
      </div>
    </Form>
  )
}
