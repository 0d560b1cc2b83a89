// Form → (Onqlave: review) → running with progress. The same flow serves "Create key" and a rotation's create step.
import { useState } from 'react'
import type { AccountView, CreatedKey } from '../../../../shared/model'
import { ProblemMessage } from '../../components/ProblemMessage'
import { Form } from '../../components/Form'
import { useApp, useDescriptor, usePrefs } from '../../store/stores'
import { toProblem, type Problem } from '../../store/problem'
import { CreateFields } from './CreateFields'
import { CreateProgress } from './CreateProgress'
import { CreateReview } from './CreateReview'
import type { CreateFieldsInput } from '../../actions/create'
import { createFields, defaultExpiry, draftErrors, EMPTY_DRAFT, type CreateDraft, type DraftErrors } from './draft'
import { useCreateOptions } from './useCreateOptions'
import { useCreateProgress } from './useCreateProgress'
import { useFirstInvalid } from '../../components/useFirstInvalid'

interface Props {
  readonly account: AccountView
  /** Called with the same requestId for the life of the flow, so a repeated submit creates one key. */
  readonly submit: (fields: CreateFieldsInput, requestId: string) => Promise<CreatedKey>
  readonly onCreated: (created: CreatedKey) => void
  readonly onCancel: () => void
  readonly initial?: Partial<CreateDraft>
  /** While a create runs the dialog must not close: the answer carries the only copy of the secret. */
  readonly onRunning?: (running: boolean) => void
}

type Phase = 'form' | 'review' | 'running'

export function CreateFlow({ account, submit, onCreated, onCancel, initial, onRunning }: Props) {
  const [requestId] = useState(() => crypto.randomUUID())
  const d = useDescriptor(account.provider)
  const keepByDefault = usePrefs((s) => s.keepSecretsByDefault)
  const vault = useApp((s) => s.vault)
  const keepBlocked =
    vault && vault.state !== 'available'
      ? `The keychain is ${vault.state}, so KeyDesk cannot keep the secret: copy or export it before closing.`
      : null
  const [draft, setDraft] = useState<CreateDraft>(() => ({
    ...EMPTY_DRAFT,
    expiresAt: defaultExpiry(d, Date.now()),
    keep: keepByDefault,
    ...initial,
  }))
  const [phase, setPhase] = useState<Phase>('form')
  const [errors, setErrors] = useState<DraftErrors>({})
  const { ref: formRef, refused: showInvalid } = useFirstInvalid()
  const [problem, setProblem] = useState<Problem | null>(null)
  const { options, loading, problem: optionsProblem, retry } = useCreateOptions(account)
  const latest = useCreateProgress(requestId)
  const needsReview = d.create.review

  const check = (): boolean => {
    const e = draftErrors(d, draft, options)
    setErrors(e)
    if (Object.keys(e).length === 0) return true
    showInvalid()
    return false
  }
  const run = async (): Promise<void> => {
    if (phase === 'running' || !check()) return
    const from = phase
    setPhase('running')
    setProblem(null)
    onRunning?.(true)
    try {
      const created = await submit(createFields(d, { ...draft, keep: draft.keep && !keepBlocked }), requestId)
      onRunning?.(false)
      onCreated(created)
    } catch (err) {
      onRunning?.(false)
      setProblem(toProblem(err))
      setPhase(from)
    }
  }
  const primary = (): void => {
    if (needsReview && phase === 'form') {
      if (check()) setPhase('review')
    } else void run()
  }
  const blocked = needsReview && (loading || !options)

  return (
    <Form ref={formRef} className="flow" onSubmit={() => primary()}>
      {phase === 'form' && (
        <>
          {loading && (
            <p role="status" className="muted">
              Loading the choices for this key…
            </p>
          )}
          {optionsProblem && <ProblemMessage problem={optionsProblem} onRetry={retry} />}
          <CreateFields
            descriptor={d}
            draft={draft}
            errors={errors}
            options={options}
            keepBlocked={keepBlocked}
            onChange={(patch) => {
              setDraft((d) => ({ ...d, ...patch }))
              // Only the fields changed lose their message: a past date stays wrong while the role changes.
              setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !(field in patch))))
            }}
          />
        </>
      )}
      {phase === 'review' && <CreateReview descriptor={d} account={account} draft={draft} options={options} />}
      {phase === 'running' && <CreateProgress stages={d.create.stages} latest={latest} />}
      {problem && <ProblemMessage problem={problem} />}
      <div className="actions">
        {phase === 'review' ? (
          <button type="button" onClick={() => setPhase('form')}>
            Back
          </button>
        ) : (
          <button type="button" onClick={onCancel} disabled={phase === 'running'}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={phase === 'running' || blocked}>
          {phase === 'running' ? 'Creating…' : needsReview && phase === 'form' ? 'Review' : 'Create key'}
        </button>
      </div>
    </Form>
  )
}
