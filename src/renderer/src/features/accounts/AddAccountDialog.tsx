// Adding an account: choose the service, fill its fields, optionally test, then save. The form's state (with the
// credential) lives in this component, so closing or saving the dialog drops it.
import { useEffect, useId, useRef, useState } from 'react'
import { toCredential } from '../../../../shared/descriptor'
import type { AccountFacts, ProviderId } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { toProblem, type Problem } from '../../store/problem'
import { CredentialFields } from './CredentialFields'
import { FactsList } from './FactsList'
import { ImportAccounts } from './ImportAccounts'
import { useDescriptorList } from '../../store/stores'
import { initialFields, validateFields, type Fields } from './providers'
import { Icon } from '../../components/Icon'
import { useFirstInvalid } from '../../components/useFirstInvalid'

export function AddAccountDialog({
  open,
  onOpenChange,
}: {
  readonly open: boolean
  readonly onOpenChange: (open: boolean) => void
}) {
  const importer = useRef<HTMLDivElement>(null)
  return (
    <Dialog
      open={open}
      onClose={() => onOpenChange(false)}
      title="Add account"
      wide
      description="KeyDesk checks the credential with the service, then keeps it in the OS keychain."
    >
      <p className="hint">
        Have a KeyDesk export, a spacectl_config or another account file?{' '}
        <button type="button" className="link" onClick={() => toImport(importer.current)}>
          Import accounts from a file
        </button>{' '}
        (below the form).
      </p>
      <AddAccountForm onDone={() => onOpenChange(false)} />
      <div ref={importer}>
        <ImportAccounts />
      </div>
    </Dialog>
  )
}

/** The import section sits below the form, out of sight in a short window: this brings it into view. */
function toImport(section: HTMLElement | null): void {
  section?.scrollIntoView({ block: 'start' })
  section?.querySelector<HTMLInputElement>('input[type="file"]')?.focus()
}

type Busy = 'testing' | 'saving' | null
type Tested = { readonly summary: string; readonly facts: AccountFacts }

export function AddAccountForm({ onDone }: { readonly onDone: () => void }) {
  // A provider added through another's choice (Cloudforet 2.x through SpaceONE) is not a choice of its own.
  const descriptors = useDescriptorList().filter((x) => !x.addedAs)
  const [provider, setProvider] = useState<ProviderId | undefined>(descriptors[0]?.id)
  const d = descriptors.find((x) => x.id === provider) ?? descriptors[0]
  const [label, setLabel] = useState('')
  const [fields, setFields] = useState<Fields>(() => (d ? initialFields(d) : {}))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { ref: formRef, refused: showInvalid } = useFirstInvalid()
  const [busy, setBusy] = useState<Busy>(null)
  const [tested, setTested] = useState<Tested | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  /** The running request's id, so Cancel can stop it in the core. */
  const [requestId, setRequestId] = useState<string | null>(null)
  const labelId = useId()
  const actions = useActions()
  const testButton = useRef<HTMLButtonElement>(null)
  const outcome = useRef<HTMLDivElement>(null)
  /** The last answer, a new object each time so the same words again are shown again; a cancel keeps focus. */
  const [answered, setAnswered] = useState<{ readonly focus: boolean } | null>(null)
  // In a tall dialog the answer sat out of sight below the fold while the buttons stay at its bottom edge: it is
  // scrolled up to them and takes focus, so a screen reader reads it too.
  useEffect(() => {
    if (answered?.focus) outcome.current?.focus({ preventScroll: true })
    if (answered) outcome.current?.scrollIntoView({ block: 'nearest' })
  }, [answered])
  // A finished or cancelled request removes Cancel: focus comes back to the form instead of falling to the page.
  useEffect(() => {
    if (busy === null && document.activeElement === document.body) testButton.current?.focus()
  }, [busy])

  if (!d) return null
  const choose = (p: ProviderId): void => {
    const next = descriptors.find((x) => x.id === p)
    setProvider(p)
    setFields(next ? initialFields(next) : {})
    setErrors({})
    setTested(null)
    setProblem(null)
  }
  const change = (name: string, value: string): void => {
    setFields((f) => ({ ...f, [name]: value }))
    setErrors(({ [name]: _fixed, ...rest }) => rest)
    setTested(null)
  }
  const check = (needLabel: boolean): boolean => {
    const e = validateFields(d, fields, { credential: true, endpoint: true })
    if (needLabel && !label.trim()) e.label = 'Give the account a label, e.g. "Production" or your user name.'
    setErrors(e)
    if (Object.keys(e).length === 0) return true
    showInvalid()
    return false
  }
  const input = () => ({
    provider: d.id,
    endpoint: (fields.endpoint ?? '').trim(),
    credential: toCredential(d, fields),
  })

  const fail = (p: Problem): void => {
    setProblem(p)
    setAnswered({ focus: p.code !== 'CANCELLED' })
  }
  const test = async (): Promise<void> => {
    if (!check(false)) return
    setBusy('testing')
    setProblem(null)
    setTested(null)
    const id = crypto.randomUUID()
    setRequestId(id)
    try {
      setTested(await actions.accounts.validate({ ...input(), requestId: id }))
      setAnswered({ focus: true })
    } catch (err) {
      fail(toProblem(err))
    } finally {
      setBusy(null)
      setRequestId(null)
    }
  }
  const save = async (): Promise<void> => {
    if (!check(true)) return
    setBusy('saving')
    setProblem(null)
    const id = crypto.randomUUID()
    setRequestId(id)
    try {
      await actions.accounts.add({ ...input(), label: label.trim(), requestId: id })
      setFields({})
      onDone()
    } catch (err) {
      fail(toProblem(err))
      setBusy(null)
    } finally {
      setRequestId(null)
    }
  }

  return (
    <form
      ref={formRef}
      className="form add-account-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      aria-busy={busy !== null}
    >
      <fieldset className="providers" disabled={busy !== null}>
        <legend>Service</legend>
        {descriptors.map((p) => (
          <label key={p.id} className={p.id === d.id ? 'provider-choice chosen' : 'provider-choice'}>
            <input type="radio" name="provider" value={p.id} checked={p.id === d.id} onChange={() => choose(p.id)} />
            <span className="provider-name">{p.choiceName ?? p.name}</span>
            <span className="hint">{p.help}</span>
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
          placeholder={`e.g. ${d.name} production`}
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
        descriptor={d}
        values={fields}
        errors={errors}
        onChange={change}
        show={{ endpoint: true, credential: true }}
        disabled={busy !== null}
      />
      {(tested || problem) && (
        <div ref={outcome} className="outcome" tabIndex={-1}>
          {tested && (
            <div role="status" className="success">
              <p>
                <Icon name="check" /> Connection works: {tested.summary}
              </p>
              <FactsList facts={tested.facts} />
            </div>
          )}
          {problem && <ProblemMessage problem={problem} />}
        </div>
      )}
      <div className="actions">
        <button ref={testButton} type="button" onClick={() => void test()} disabled={busy !== null}>
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          {busy === 'saving' ? 'Saving…' : 'Save account'}
        </button>
        {busy !== null && requestId && (
          <button type="button" onClick={() => void actions.accounts.cancel(requestId).catch(() => undefined)}>
            Cancel
          </button>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {busy === 'testing' ? 'Testing the connection' : busy === 'saving' ? 'Saving the account' : ''}
      </p>
    </form>
  )
}
