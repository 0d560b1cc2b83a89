// Accounts grouped by provider, each with its status in words; "All accounts" first.
import { memo } from 'react'
import type { AccountView } from '../../../../shared/model'
import { StatusDot } from '../../components/StatusDot'
import { useApp, useDescriptorList, useKeys } from '../../store/stores'
import { AccountMenu } from './AccountMenu'
import { Icon } from '../../components/Icon'
import { ExpiryBadge } from './ExpiryBadge'

export function Sidebar({ onAdd }: { readonly onAdd: () => void }) {
  const accounts = useApp((s) => s.accounts)
  const view = useApp((s) => s.view)
  const openView = useApp((s) => s.openView)
  const descriptors = useDescriptorList()
  return (
    <nav className="sidebar" aria-label="Accounts">
      <ul className="account-list">
        <li>
          <button
            type="button"
            className={view === 'all' ? 'account current' : 'account'}
            aria-current={view === 'all' ? 'page' : undefined}
            onClick={() => openView('all')}
          >
            <span className="account-label">All accounts</span>
            <span className="muted">{accounts.length}</span>
          </button>
        </li>
      </ul>
      <ExpiryBadge />
      {descriptors.map(({ id: p, name }) => {
        const group = accounts.filter((a) => a.provider === p)
        if (!group.length) return null
        return (
          <section key={p} aria-labelledby={`group-${p}`}>
            <h2 id={`group-${p}`} className="group-title">
              {name}
            </h2>
            <ul className="account-list">
              {group.map((a) => (
                <AccountItem key={a.id} account={a} current={view === a.id} onOpen={openView} />
              ))}
            </ul>
          </section>
        )
      })}
      <button type="button" className="primary add-account" onClick={onAdd}>
        + Add account
      </button>
    </nav>
  )
}

const AccountItem = memo(function AccountItem({
  account,
  current,
  onOpen,
}: {
  readonly account: AccountView
  readonly current: boolean
  readonly onOpen: (id: string) => void
}) {
  const failure = useKeys((s) => s.byAccount[account.id]?.error?.message)
  return (
    <li className="account-row">
      <button
        type="button"
        className={current ? 'account current' : 'account'}
        aria-current={current ? 'page' : undefined}
        onClick={() => onOpen(account.id)}
      >
        <span className="account-label">{account.label}</span>
        {account.demo && <span className="badge">Demo</span>}
        <span className="account-status">
          <StatusDot status={account.status} message={account.statusMessage} listFailed={failure} />
          {failure && account.status !== 'ok' && (
            <span className="list-failed" title={failure}>
              <Icon name="alert" /> list failed
            </span>
          )}
        </span>
      </button>
      <AccountMenu account={account} />
    </li>
  )
})
