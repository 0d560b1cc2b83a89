// Importing the files people already have (a KeyDesk export, a spacectl_config or api_key file, a CloudMC or Onqlave
// file, the sandbox's list). When a file lacks a fact (an address, a sealed export's passphrase), the core asks and
// this form answers with the same file.
import { useId, useState } from 'react'
import type { ImportResult, RequestInput } from '../../../../shared/api'
import { useActions } from '../../actions/context'
import { useDescriptorList } from '../../store/stores'
import { ProblemMessage } from '../../components/ProblemMessage'
import { toProblem, type Problem } from '../../store/problem'
import { ImportOutcome } from './ImportOutcome'

type Picked = Pick<RequestInput<'accounts.import'>, 'content' | 'fileName'>

export function ImportAccounts() {
  const id = useId()
  const actions = useActions()
  const descriptors = useDescriptorList()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ImportResult | null>(null)
  const [problem, setProblem] = useState<Problem | null>(null)
  /** The file the core asked about, sent again with the answers. */
  const [picked, setPicked] = useState<Picked | null>(null)
  const [endpoints, setEndpoints] = useState<readonly string[]>([])
  const [passphrase, setPassphrase] = useState('')

  /** The running import's id, so Cancel can stop it (the accounts not reached are skipped). */
  const [running, setRunning] = useState<string | null>(null)

  const send = async (file: Picked, answers?: readonly string[], secret?: string): Promise<void> => {
    const requestId = crypto.randomUUID()
    setRunning(requestId)
    setBusy(true)
    setProblem(null)
    try {
      const result = await actions.accounts.import({
        ...file,
        requestId,
        ...(answers ? { endpoints: [...answers] } : {}),
        ...(secret ? { passphrase: secret } : {}),
      })
      setOutcome(result)
      const asking = result.needs.length > 0 || result.needsPassphrase
      setPicked(asking ? file : null)
      if (!asking) {
        setEndpoints([])
        setPassphrase('')
      }
    } catch (err) {
      setProblem(toProblem(err))
    } finally {
      setRunning(null)
      setBusy(false)
    }
  }

  const needs = picked ? (outcome?.needs ?? []) : []
  const asksPassphrase = picked !== null && outcome?.needsPassphrase === true
  const answer = (index: number, value: string): void =>
    setEndpoints((all) => Object.assign([...all], { [index]: value }))
  return (
    <section className="import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Import accounts from a file</h3>
      <p className="hint">
        {['A KeyDesk export', ...descriptors.map((d) => d.importHint).filter(Boolean)].join(', ')}. Files without an
        extension (spacectl_config, api_key) are fine.
      </p>
      <input
        id={id}
        type="file"
        disabled={busy}
        aria-label="Import accounts from a file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          setOutcome(null)
          setPicked(null)
          setEndpoints([])
          setPassphrase('')
          if (!file) return
          setProblem(null)
          actions.accounts.readImportFile(file).then(
            (content) => send({ content, fileName: file.name }),
            (err: unknown) => setProblem(toProblem(err)),
          )
        }}
      />
      {picked && (needs.length > 0 || asksPassphrase) && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault()
            void send(picked, needs.length > 0 ? endpoints : undefined, asksPassphrase ? passphrase : undefined)
          }}
        >
          {needs.map((n) => (
            <div key={n.index} className="field">
              <label htmlFor={`${id}-e${n.index}`}>Endpoint of {n.label}</label>
              <input
                id={`${id}-e${n.index}`}
                type="url"
                required
                value={endpoints[n.index] ?? ''}
                onChange={(e) => answer(n.index, e.target.value)}
                aria-describedby={`${id}-h${n.index}`}
              />
              <p id={`${id}-h${n.index}`} className="hint">
                {n.hint}
              </p>
            </div>
          ))}
          {asksPassphrase && (
            <div className="field">
              <label htmlFor={`${id}-p`}>Passphrase of this export</label>
              <input
                id={`${id}-p`}
                type="password"
                required
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                aria-describedby={`${id}-ph`}
              />
              <p id={`${id}-ph`} className="hint">
                It holds the accounts&apos; credentials, encrypted with the passphrase it was made with.
              </p>
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              Import
            </button>
          </div>
        </form>
      )}
      {busy && (
        <p role="status">
          Importing…{' '}
          {running && (
            <button type="button" className="ghost" onClick={() => void actions.accounts.cancel(running)}>
              Cancel import
            </button>
          )}
        </p>
      )}
      {outcome && !picked && <ImportOutcome outcome={outcome} />}
      {problem && <ProblemMessage problem={problem} />}
    </section>
  )
}
