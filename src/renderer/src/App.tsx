import { useEffect, useState } from 'react'
import { ThemeToggle } from './components/ThemeToggle'
import { VaultBadge } from './components/VaultBadge'
import { AccountHeader } from './features/accounts/AccountHeader'
import { ActivityButton } from './features/activity/ActivityButton'
import { AddAccountDialog } from './features/accounts/AddAccountDialog'
import { EmptyState } from './features/accounts/EmptyState'
import { Sidebar } from './features/accounts/Sidebar'
import { KeyList } from './features/keys/KeyList'
import { LifecycleOverlay } from './features/lifecycle/LifecycleOverlay'
import { RepairDialog } from './features/repair/RepairDialog'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { useActions } from './actions/context'
import { useApp } from './store/stores'
import { Icon } from './components/Icon'

export function App() {
  const info = useApp((s) => s.info)
  const vault = useApp((s) => s.vault)
  const accounts = useApp((s) => s.accounts)
  const loaded = useApp((s) => s.loaded)
  const error = useApp((s) => s.error)
  const view = useApp((s) => s.view)
  const [adding, setAdding] = useState(false)
  const [settings, setSettings] = useState(false)
  const [repairing, setRepairing] = useState(false)

  const actions = useActions()
  useEffect(() => actions.startSync(), [actions])

  const account = view === 'all' ? undefined : accounts.find((a) => a.id === view)
  const hasAccounts = loaded && !error && accounts.length > 0
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">KeyDesk</h1>
        {vault && <VaultBadge status={vault} />}
        <span className="spacer" />
        <ThemeToggle />
        <button type="button" className="ghost" onClick={() => setRepairing(true)}>
          Repair
        </button>
        <ActivityButton />
        <button type="button" className="ghost" onClick={() => setSettings(true)}>
          <Icon name="gear" /> Settings
        </button>
      </header>
      {info?.notices.map((n) => (
        <div key={n} role="alert" className="notice">
          {n}
        </div>
      ))}
      {hasAccounts ? (
        <div className="workspace">
          <Sidebar onAdd={() => setAdding(true)} />
          <main className="content">
            {account && <AccountHeader account={account} />}
            {!account && <h2 className="view-title">All accounts</h2>}
            <KeyList key={account?.id ?? 'all'} account={account} />
          </main>
          <LifecycleOverlay />
        </div>
      ) : (
        <main className="content">
          {!loaded && <p aria-live="polite">Loading…</p>}
          {error && (
            <div role="alert" className="error">
              <p>{error}</p>
              <button type="button" onClick={() => void actions.accounts.reload()}>
                Retry
              </button>
            </div>
          )}
          {loaded && !error && <EmptyState onAdd={() => setAdding(true)} />}
        </main>
      )}
      {adding && <AddAccountDialog open onOpenChange={setAdding} />}
      {settings && <SettingsDialog open onOpenChange={setSettings} />}
      {repairing && <RepairDialog open onOpenChange={setRepairing} />}
    </div>
  )
}
