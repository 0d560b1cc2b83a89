// The first screen: add a real account, or try everything against local demo services.
import { useActions } from '../../actions/context'
import { useDescriptorList } from '../../store/stores'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useSubmit } from '../../components/useSubmit'

export function EmptyState({ onAdd }: { readonly onAdd: () => void }) {
  const { busy, problem, run } = useSubmit()
  const actions = useActions()
  const list = useDescriptorList().map((d) => d.aName)
  const names =
    list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list.at(-1)?.replace(/^an? /, '')}` : (list[0] ?? 'an')
  const startDemo = (): void => {
    void run(async () => {
      await actions.accounts.startDemo()
    })
  }
  return (
    <section className="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No accounts yet</h2>
      <p>Add {names} account to see and manage its API keys, or try KeyDesk with demo services first.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onAdd} disabled={busy}>
          Add account
        </button>
        <button type="button" onClick={startDemo} disabled={busy}>
          {busy ? 'Starting demo services…' : 'Try KeyDesk with demo services'}
        </button>
      </div>
      {busy && (
        <p role="status" className="muted">
          <span className="spinner" aria-hidden="true" /> Starting local demo services with one account of each
          provider…
        </p>
      )}
      {problem && <ProblemMessage problem={problem} onRetry={startDemo} />}
      <p className="hint">Demo accounts run on this computer only and are marked “Demo”. Remove them any time.</p>
    </section>
  )
}
