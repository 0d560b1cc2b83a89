// The open account's facts and endpoints, each copyable.
import { useEffect, useState } from 'react'
import type { AccountView, Endpoint } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { CopyButton } from '../../components/CopyButton'
import { StatusDot } from '../../components/StatusDot'
import { useDescriptor, useKeys } from '../../store/stores'
import { toProblem } from '../../store/problem'
import { LoadStatus } from '../../components/LoadStatus'
import { AccountMenu } from './AccountMenu'
import { FactsList } from './FactsList'

export function AccountHeader({ account }: { readonly account: AccountView }) {
  const info = useDescriptor(account.provider)
  const loading = useKeys((s) => s.byAccount[account.id]?.loading ?? false)
  const listFailed = useKeys((s) => s.byAccount[account.id]?.error?.message)
  const refresh = useKeys((s) => s.refreshAccount)
  const [showEndpoints, setShowEndpoints] = useState(false)
  return (
    <header className="account-header">
      <div className="account-title">
        <h2>{account.label}</h2>
        <span className="muted">{info.name}</span>
        {account.demo && (
          <span className="badge" title="Keys here live in KeyDesk's local demo services, not a real account.">
            Demo
          </span>
        )}
        <StatusDot status={account.status} message={account.statusMessage} listFailed={listFailed} />
        <span className="spacer" />
        <LoadStatus accountId={account.id} ageOnly />
        <button type="button" onClick={() => void refresh(account.id)} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
        <AccountMenu account={account} />
      </div>
      {account.statusMessage && account.status !== 'ok' && (
        <p className="muted status-message">{account.statusMessage}</p>
      )}
      <FactsList facts={account.facts} endpoint={account.endpoint} />
      <details className="account-facts" onToggle={(e) => setShowEndpoints(e.currentTarget.open)}>
        <summary>Service endpoints</summary>
        {showEndpoints && <Endpoints accountId={account.id} />}
        {info.docsUrl && (
          <p>
            <a href={info.docsUrl} target="_blank" rel="noreferrer noopener">
              {info.name} API documentation
            </a>
          </p>
        )}
      </details>
    </header>
  )
}

function Endpoints({ accountId }: { readonly accountId: string }) {
  const [endpoints, setEndpoints] = useState<readonly Endpoint[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [shownFor, setShownFor] = useState(accountId)
  if (shownFor !== accountId) {
    setShownFor(accountId)
    setEndpoints(null)
    setError(null)
  }
  const actions = useActions()
  useEffect(() => {
    let live = true
    actions.accounts.endpoints(accountId).then(
      (e) => {
        if (live) setEndpoints(e)
      },
      (err: unknown) => {
        if (live) setError(toProblem(err).message)
      },
    )
    return () => {
      live = false
    }
  }, [accountId, actions])
  if (error) return <p className="muted">Endpoints are not available: {error}</p>
  if (!endpoints) return <p className="muted">Loading endpoints…</p>
  if (!endpoints.length) return null
  return (
    <ul className="endpoints" aria-label="Endpoints">
      {endpoints.map((e) => (
        <li key={`${e.service}-${e.url}`}>
          <span className="endpoint-service">{e.service}</span>
          <span className="mono">{e.url}</span>
          <CopyButton text={e.url} label={`Copy the ${e.service} endpoint`} />
        </li>
      ))}
    </ul>
  )
}
