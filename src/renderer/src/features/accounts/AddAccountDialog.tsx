// Adding an account: choose the service, fill its fields, optionally test, then save. The form's state (with the
// credential) lives in this component, so closing or saving the dialog drops it.
import { useId, useState } from 'react'
import type { AccountFacts, ProviderId } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { toProblem, type Problem } from '../../store/problem'
import { CredentialFields } from './CredentialFields'
import { FactsList } from './FactsList'
import { ImportAccounts } from './ImportAccounts'
import { PROVIDER_ORDER, PROVIDERS, toCredential, validateFields, type Fields } from './providers'
import { Icon } from '../../components/Icon'

export function AddAccountDialog({
  open,
  onOpenChange,
}: {
  readonly open: boolean
  readonly onOpenChange: (open: boolean) => void
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Add account"
      wide
      description="KeyDesk checks the credential with the service, then keeps it in the OS keychain."
    >
      <AddAccountForm onDone={() => onOpenChange(false)} />
      <ImportAccounts />
    </Dialog>
  )
}

type Busy = 'testing' | 'saving' | null
type Tested = { readonly summary: string; readonly facts: AccountFacts }

export function AddAccountForm({ onDone }: { readonly onDone: () => void }) {
  const [provider, setProvider] = useState<ProviderId>('spaceone')
  const [label, setLabel] = useState('')
  const [fields, setFields] = useState<Fields>({ endpoint: PROVIDERS.spaceone.defaultEndpoint })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<Busy>(null)
  const [tested, setTested] = useState<Tested | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  const labelId = useId()
  const actions = useActions()

  const choose = (p: ProviderId): void => {
    setProvider(p)
    setFields({ endpoint: PROVIDERS[p].defaultEndpoint })
    setErrors({})
    setTested(null)
    setProblem(null)
  }
  const change = (name: keyof Fields, value: string): void => {
    setFields((f) => ({ ...f, [name]: value }))
    setErrors(({ [name]: _fixed, ...rest }) => rest)
    setTested(null)
  }
  const check = (needLabel: boolean): boolean => {
    const e = validateFields(provider, fields, { credential: true, endpoint: true })
    if (needLabel && !label.trim()) e.label = 'Give the account a label, e.g. "Production" or your user name.'
    setErrors(e)
    return Object.keys(e).length === 0
  }
  const input = () => ({
    provider,
    endpoint: (fields.endpoint ?? '').trim(),
    credential: toCredential(provider, fields),
  })

  const test = async (): Promise<void> => {
    if (!check(false)) return
    setBusy('testing')
    setProblem(null)
    setTested(null)
    try {
      setTested(await actions.accounts.validate(input()))
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setBusy(null)
    }
  }
  const save = async (): Promise<void> => {
    if (!check(true)) return
    setBusy('saving')
    setProblem(null)
    try {
      await actions.accounts.add({ ...input(), label: label.trim() })
      setFields({})
      onDone()
    } catch (err) {
      setProblem(toProblem(err))
      setBusy(null)
    }
  }

  const info = PROVIDERS[provider]
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      aria-busy={busy !== null}
    >
      <fieldset className="providers" disabled={busy !== null}>
        <legend>Service</legend>
        {PROVIDER_ORDER.map((p) => (
          <label key={p} className={p === provider ? 'provider-choice chosen' : 'provider-choice'}>
            <input type="radio" name="provider" value={p} checked={p === provider} onChange={() => choose(p)} />
            <span className="provider-name">{PROVIDERS[p].name}</span>
            <span className="hint">{PROVIDERS[p].help}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={labelId}>Label</label>
        <input
          id={labelId}
          value={label}
          onChange={(e) => {
            setLabel(e.target.value)
            setErrors(({ label: _l, ...r }) => r)
          }}
          placeholder={`e.g. ${info.name} production`}
          disabled={busy !== null}
          maxLength={80}
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={errors.label ? `${labelId}-error` : undefined}
        />
        {errors.label && (
          <p id={`${labelId}-error`} className="field-error">
            <Icon name="alert" /> {errors.label}
          </p>
        )}
      </div>
      <CredentialFields
        provider={provider}
        values={fields}
        errors={errors}
        onChange={change}
        show={{ endpoint: true, credential: true }}
        disabled={busy !== null}
      />
      {tested && (
        <div role="status" className="success">
          <p>
            <Icon name="check" /> Connection works: {tested.summary}
          </p>
          <FactsList facts={tested.facts} />
        </div>
      )}
      {problem && <ProblemMessage problem={problem} />}
      <div className="actions">
        <button type="button" onClick={() => void test()} disabled={busy !== null}>
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'saving' ? 'Saving…' : 'Save account'}
        </button>
      </div>
      <p className="sr-only" aria-live="polite">
        {busy === 'testing' ? 'Testing the connection' : busy === 'saving' ? 'Saving the account' : ''}
      </p>
    </form>
  )
}
