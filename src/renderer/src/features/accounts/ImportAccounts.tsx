// Importing the files people already have (a spacectl config, Onqlave credentials, a KeyDesk export, the sandbox's list).
import { useId, useState } from 'react'
import type { RequestResult } from '../../../../shared/api'
import { useActions } from '../../actions/context'
import { useDescriptorList } from '../../store/stores'
import { ProblemMessage } from '../../components/ProblemMessage'
import { toProblem, type Problem } from '../../store/problem'

type Outcome = RequestResult<'accounts.import'>

export function ImportAccounts() {
  const id = useId()
  const actions = useActions()
  const descriptors = useDescriptorList()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)

  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return
    setBusy(true)
    setProblem(null)
    setOutcome(null)
    try {
      setOutcome(await actions.accounts.import(await file.text(), file.name))
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import accounts from a file</h3>
      <p className="hint">
        {[...descriptors.map((d) => d.importHint).filter(Boolean), 'a KeyDesk export'].join(', ')}.
      </p>
      <input
        id={id}
        type="file"
        accept=".json,.yaml,.yml,application/json,text/yaml"
        disabled={busy}
        aria-label="Import accounts from a file"
        onChange={(e) => {
          void pick(e.target.files?.[0])
          e.target.value = ''
        }}
      />
      {busy && <p role="status">Importing…</p>}
      {outcome && (
        <div role="status" className="success">
          <p>
            Added {outcome.added.length} account{outcome.added.length === 1 ? '' : 's'}
            {outcome.skipped.length ? `, skipped ${outcome.skipped.length}` : ''}.
          </p>
          {outcome.skipped.length > 0 && (
            <ul>
              {outcome.skipped.map((s) => (
                <li key={s.label}>
                  {s.label}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {problem && <ProblemMessage problem={problem} />}
    </section>
  )
}
