import { useEffect } from 'react'
import { useApp } from './store/app'
import { VaultBadge } from './components/VaultBadge'
import { EmptyState } from './features/accounts/EmptyState'

export function App() {
  const { info, vault, accounts, loaded, error, load } = useApp()
  useEffect(() => { void load() }, [load])
  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">KeyDesk</h1>
        {vault && <VaultBadge status={vault} />}
      </header>
      {info?.notices.map((n) => <div key={n} role="alert" className="notice">{n}</div>)}
      <main className="content">
        {!loaded && <p aria-live="polite">Loading…</p>}
        {error && <p role="alert" className="error">{error}</p>}
        {loaded && !error && accounts.length === 0 && <EmptyState />}
        {loaded && accounts.length > 0 && <p>{accounts.length} accounts</p>}
      </main>
    </div>
  )
}
