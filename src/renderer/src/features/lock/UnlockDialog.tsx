// The unlock prompt: the app passphrase, the core's words when it is wrong (and how long to wait after several), and
// a way out that leaves KeyDesk locked. Whatever asked for a kept secret goes on once it is unlocked.
import { useId, useState } from 'react'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useSubmit } from '../../components/useSubmit'
import { useLock } from '../../store/stores'

export function UnlockDialog() {
  const prompt = useLock((s) => s.prompt)
  if (prompt === null) return null
  return <UnlockForm why={prompt} />
}

function UnlockForm({ why }: { readonly why: string }) {
  const actions = useActions()
  const { busy, problem, run } = useSubmit()
  const [passphrase, setPassphrase] = useState('')
  const id = useId()
  const submit = (): void => {
    void run(async () => {
      try {
        await actions.lock.unlock(passphrase)
      } finally {
        setPassphrase('')
      }
    })
  }
  return (
    <Dialog
      title="Unlock KeyDesk"
      description={why || 'Kept secrets stay in the keychain until you unlock.'}
      onClose={actions.lock.cancel}
      footer={
        <>
          <button type="button" className="ghost" onClick={actions.lock.cancel}>
            Stay locked
          </button>
          <button type="submit" form={`${id}-f`} disabled={busy || passphrase.length === 0}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-f`}
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-p`}>App passphrase</label>
          <input
            id={`${id}-p`}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        {problem && <ProblemMessage problem={problem} />}
      </form>
    </Dialog>
  )
}
