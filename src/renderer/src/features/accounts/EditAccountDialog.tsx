// Label and endpoint. A move to another server asks for the credential too: the stored one never follows it there.
import { useId, useState } from 'react'
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

export function EditAccountDialog({ account, open, onOpenChange }: Props) {
  return (
    <Dialog open={open} onClose={() => onOpenChange(false)} title={`Edit ${account.label}`}>
      <EditForm account={account} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

function EditForm({ account, onDone }: { readonly account: AccountView; readonly onDone: () => void }) {
  const [label, setLabel] = useState(account.label)
  const [fields, setFields] = useState<Fields>({ endpoint: account.endpoint })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { ref: formRef, refused: showInvalid } = useFirstInvalid()
  const { busy, problem, submit, cancel } = useCancellable(onDone)
  const d = useDescriptor(account.provider)
  const actions = useActions()
  const id = useId()
  const endpoint = (fields.endpoint ?? '').trim()
  const moving = originOf(endpoint) !== null && originOf(endpoint) !== originOf(account.endpoint)
  const save = (): void => {
    const e = validateFields(d, fields, { endpoint: true, credential: moving })
    if (!label.trim()) e.label = 'Give the account a label.'
    setErrors(e)
    if (Object.keys(e).length) return showInvalid()
    void submit(async (requestId) => {
      await actions.accounts.update({
        id: account.id,
        label: label.trim(),
        ...(endpoint !== account.endpoint ? { endpoint } : {}),
        ...(moving ? { credential: toCredential(d, fields) } : {}),
        requestId,
      })
      onDone()
    })
  }
  return (
    <Form ref={formRef} className="form" onSubmit={() => save()}>
      <div className="field">
        <label htmlFor={id}>Label</label>
        <input
          id={id}
          value={label}
          maxLength={80}
          onChange={(e) => setLabel(e.target.value)}
          disabled={busy}
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={errors.label ? `${id}-error` : undefined}
        />
        {errors.label && (
          <p id={`${id}-error`} className="field-error">
            {errors.label}
          </p>
        )}
      </div>
      <CredentialFields
        descriptor={d}
        values={fields}
        errors={errors}
        show={{ endpoint: true, credential: moving }}
        onChange={(n, v) => setFields((f) => ({ ...f, [n]: v }))}
        disabled={busy}
      />
      {problem && <ProblemMessage problem={problem} />}
      <div className="actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </Form>
  )
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}
