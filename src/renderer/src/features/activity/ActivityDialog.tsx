// Activity: every change KeyDesk made, from this window or the `keydesk` command line (the audit log).
import { useEffect, useId, useMemo } from 'react'
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../../shared/audit'
import { Dialog } from '../../components/Dialog'
import { useActivity, useApp } from '../../store/stores'
import './activity.css'

const ACTION_WORDS: Readonly<Record<AuditAction, string>> = {
  'account.add': 'Account added',
  'account.update': 'Account changed',
  'account.credential': 'Credential changed',
  'account.remove': 'Account removed',
  'key.create': 'Key created',
  'key.enable': 'Key enabled',
  'key.disable': 'Key disabled',
  'key.rename': 'Key renamed',
  'key.delete': 'Key deleted',
  'key.copy': 'Secret copied',
  'key.export': 'Secret exported',
  'key.keep': 'Secret kept',
  'key.forget': 'Secret forgotten',
  'key.exec': 'Secret given to a program',
  'key.env': 'Secret printed for a shell',
  'rotation.start': 'Rotation started',
  'rotation.create': 'Rotation: new key',
  'rotation.advance': 'Rotation: next step',
  'rotation.cancel': 'Rotation stopped',
}

export function ActivityDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const accounts = useApp((s) => s.accounts)
  const { entries, filter, loading, error, setFilter, show } = useActivity((s) => s)
  const ids = { account: useId(), key: useId(), action: useId() }

  // While shown, a change from the command line (it reaches the app as events) is read again without a manual refresh.
  useEffect(() => {
    show(open)
    return () => show(false)
  }, [open, show])

  const when = useMemo(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }), [])
  return (
    <Dialog
      open={open}
      onClose={() => onOpenChange(false)}
      title="Activity"
      wide
      description="Every change KeyDesk made, from this window or the keydesk command line. Secrets are never recorded."
    >
      <div className="toolbar" role="group" aria-label="Filter the activity">
        <label htmlFor={ids.account}>Account</label>
        <select id={ids.account} value={filter.accountId} onChange={(e) => setFilter({ accountId: e.target.value })}>
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.key}>Key</label>
        <input
          id={ids.key}
          className="search"
          value={filter.keyId}
          placeholder="Key id"
          onChange={(e) => setFilter({ keyId: e.target.value })}
        />
        <label htmlFor={ids.action}>Action</label>
        <select
          id={ids.action}
          value={filter.action}
          onChange={(e) => setFilter({ action: e.target.value as AuditAction | '' })}
        >
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_WORDS[a]}
            </option>
          ))}
        </select>
        <span className="count" aria-live="polite">
          {loading ? 'Loading…' : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`}
        </span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!loading && !error && entries.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table className="activity-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">What</th>
                <th scope="col">Account</th>
                <th scope="col">Key</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <Row key={`${e.at}-${i}`} entry={e} when={when} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  )
}

function Row({ entry: e, when }: { entry: AuditEntry; when: Intl.DateTimeFormat }) {
  return (
    <tr>
      <td>
        <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
      </td>
      <td>{e.from === 'cli' ? 'Command line' : 'App'}</td>
      <td>
        {ACTION_WORDS[e.action]}
        {e.detail ? <span className="muted"> · {e.detail}</span> : null}
      </td>
      <td>{e.account ?? e.accountId ?? '—'}</td>
      <td>
        {e.keyId ?? '—'}
        {e.keyName ? <span className="muted"> ({e.keyName})</span> : null}
      </td>
      <td>{e.outcome === 'ok' ? 'Done' : `Failed: ${e.error?.message ?? e.error?.code ?? ''}`}</td>
    </tr>
  )
}
