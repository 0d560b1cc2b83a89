// Settings → App lock: turn it on with a passphrase and an idle time, change either (the current passphrase first),
// or turn it off. What it says afterwards is the status the core read back, never the form's own wish.
import { useId, useState } from 'react'
import type { LockStatus } from '../../../../shared/api'
import { useActions } from '../../actions/context'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useSubmit } from '../../components/useSubmit'
import { useApp, useLock } from '../../store/stores'

const IDLE: readonly (readonly [number, string])[] = [
  [1, '1 minute'],
  [5, '5 minutes'],
  [15, '15 minutes'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [240, '4 hours'],
  [0, 'Never (only when I lock it)'],
]
const MIN_LENGTH = 8

export function LockSettings() {
  const status = useLock((s) => s.status)
  const desktop = useApp((s) => s.info?.host) === 'electron'
  const id = useId()
  return (
    <section className="form" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>App lock</h3>
      <p className="hint">
        While locked, the lists stay visible but no kept secret is copied, exported or handed to a program until you
        enter the passphrase{desktop ? '. KeyDesk also locks when the computer locks or sleeps.' : '.'}
      </p>
      {status === null ? <p className="muted">Reading the lock…</p> : <LockForm status={status} />}
    </section>
  )
}

function described(status: LockStatus): string {
  if (!status.enabled) return 'The lock is off.'
  const idle = IDLE.find(([m]) => m === status.idleMinutes)?.[1] ?? `${status.idleMinutes} minutes`
  return status.idleMinutes > 0
    ? `The lock is on: KeyDesk locks after ${idle} without use.`
    : 'The lock is on: KeyDesk locks when you lock it.'
}

function LockForm({ status }: { readonly status: LockStatus }) {
  const actions = useActions()
  const { busy, problem, run } = useSubmit()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [idle, setIdle] = useState(status.enabled ? status.idleMinutes : 15)
  const id = useId()
  const mismatch = next !== again ? 'The two new passphrases differ.' : null
  const short = next.length > 0 && next.length < MIN_LENGTH ? `Use at least ${MIN_LENGTH} characters.` : null
  const invalid = mismatch ?? short ?? (!status.enabled && next.length === 0 ? 'Choose a passphrase.' : null)
  const clear = (): void => {
    setCurrent('')
    setNext('')
    setAgain('')
  }
  const submit = (passphrase: string | null): void => {
    void run(async () => {
      try {
        await actions.lock.configure({ passphrase, idleMinutes: idle, ...(status.enabled ? { current } : {}) })
      } finally {
        clear()
      }
    })
  }
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault()
        if (!invalid) submit(next.length > 0 ? next : current)
      }}
    >
      <p role="status">{described(status)}</p>
      {status.enabled && (
        <div className="field">
          <label htmlFor={`${id}-c`}>Current passphrase</label>
          <input
            id={`${id}-c`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-n`}>
          {status.enabled ? 'New passphrase (blank keeps the current one)' : 'Passphrase'}
        </label>
        <input
          id={`${id}-n`}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-a`}>Repeat it</label>
        <input
          id={`${id}-a`}
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-i`}>Lock after</label>
        <select id={`${id}-i`} value={idle} onChange={(e) => setIdle(Number(e.target.value))}>
          {IDLE.map(([m, words]) => (
            <option key={m} value={m}>
              {words}
            </option>
          ))}
        </select>
      </div>
      {(next.length > 0 || again.length > 0) && invalid && (
        <p role="alert" className="field-error">
          {invalid}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || invalid !== null || (status.enabled && current.length === 0)}>
          {status.enabled ? 'Save lock settings' : 'Turn the lock on'}
        </button>
        {status.enabled && (
          <button type="button" className="ghost" disabled={busy || current.length === 0} onClick={() => submit(null)}>
            Turn the lock off
          </button>
        )}
      </div>
      {problem && <ProblemMessage problem={problem} />}
    </form>
  )
}
