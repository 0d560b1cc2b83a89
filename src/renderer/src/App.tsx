// The shell: header, accounts and keys, and the app-level panels (palette, shortcuts, Add account, Settings, Repair,
// create).
// It is the one place features meet: it hands each the others' pieces through the slots.
import { useEffect } from 'react'
import { useActions } from './actions/context'
import { Icon } from './components/Icon'
import { SlotsContext, type Slots } from './components/slots'
import { ThemeToggle } from './components/ThemeToggle'
import { VaultBadge } from './components/VaultBadge'
import { AccountHeader } from './features/accounts/AccountHeader'
import { ActivityButton } from './features/activity/ActivityButton'
import { AddAccountDialog } from './features/accounts/AddAccountDialog'
import { EmptyState } from './features/accounts/EmptyState'
import { ImportAccounts } from './features/accounts/ImportAccounts'
import { Sidebar } from './features/accounts/Sidebar'
import { CreateFlow } from './features/create/CreateFlow'
import { CreateKeyButton } from './features/create/CreateKeyButton'
import { CreateKeyDialog } from './features/create/CreateKeyDialog'
import { RevealDialog } from './features/create/RevealDialog'
import { KeyList } from './features/keys/KeyList'
import { KeyActionsMenu, KeyRowActions } from './features/lifecycle/KeyRowActions'
import { LockButton } from './features/lock/LockButton'
import { LockSettings } from './features/lock/LockSettings'
import { UnlockDialog } from './features/lock/UnlockDialog'
import { LifecycleOverlay } from './features/lifecycle/LifecycleOverlay'
import { Notifications } from './features/notifications/Notifications'
import { CommandPalette } from './features/palette/CommandPalette'
import { RepairDialog } from './features/repair/RepairDialog'
import { Shortcuts } from './features/palette/Shortcuts'
import { SettingsDialog } from './features/settings/SettingsDialog'
import { useApp, useStores, useUi } from './store/stores'
import { useShortcuts } from './useShortcuts'

const SLOTS: Slots = {
  KeyActions: KeyRowActions,
  KeyActionsMenu,
  CreateKey: CreateKeyButton,
  CreateFlow,
  Reveal: RevealDialog,
}

export function App() {
  const info = useApp((s) => s.info)
  const vault = useApp((s) => s.vault)
  const accounts = useApp((s) => s.accounts)
  const loaded = useApp((s) => s.loaded)
  const error = useApp((s) => s.error)
  const view = useApp((s) => s.view)
  const panel = useUi((s) => s.panel)
  const { ui } = useStores()
  const actions = useActions()
  useEffect(() => actions.startSync(), [actions])
  useShortcuts()
  const { open, close } = ui.getState()

  const account = view === 'all' ? undefined : accounts.find((a) => a.id === view)
  const hasAccounts = loaded && !error && accounts.length > 0
  const creatingIn = panel?.kind === 'create' ? accounts.find((a) => a.id === panel.accountId) : undefined
  return (
    <SlotsContext.Provider value={SLOTS}>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to the keys
        </a>
        <header className="topbar">
          <h1 className="brand">KeyDesk</h1>
          {vault && <VaultBadge status={vault} />}
          <span className="spacer" />
          <button type="button" className="ghost" onClick={() => open({ kind: 'palette' })}>
            <Icon name="search" /> Commands <kbd>Ctrl K</kbd>
          </button>
          <LockButton />
          <Notifications />
          <ThemeToggle />
          <button type="button" className="ghost" onClick={() => open({ kind: 'repair' })}>
            Repair
          </button>
          <ActivityButton />
          <button type="button" className="ghost" onClick={() => open({ kind: 'settings' })}>
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
            <Sidebar onAdd={() => open({ kind: 'add-account' })} />
            <main className="content" id="main" tabIndex={-1}>
              {account && <AccountHeader account={account} />}
              {!account && <h2 className="view-title">All accounts</h2>}
              <KeyList key={account?.id ?? 'all'} account={account} />
            </main>
            <LifecycleOverlay />
          </div>
        ) : (
          <main className="content" id="main" tabIndex={-1}>
            {!loaded && <p aria-live="polite">Loading…</p>}
            {error && (
              <div role="alert" className="error">
                <p>{error}</p>
                <button type="button" onClick={() => void actions.accounts.reload()}>
                  Retry
                </button>
              </div>
            )}
            {loaded && !error && <EmptyState onAdd={() => open({ kind: 'add-account' })} />}
          </main>
        )}
        {panel?.kind === 'add-account' && <AddAccountDialog open onOpenChange={(o) => !o && close()} />}
        {panel?.kind === 'settings' && (
          <SettingsDialog
            open
            onOpenChange={(o) => !o && close()}
            importer={<ImportAccounts />}
            lock={<LockSettings />}
          />
        )}
        {panel?.kind === 'repair' && <RepairDialog open onOpenChange={(o) => !o && close()} />}
        {panel?.kind === 'palette' && <CommandPalette onClose={close} />}
        {panel?.kind === 'shortcuts' && <Shortcuts onClose={close} />}
        {creatingIn && <CreateKeyDialog account={creatingIn} onClosed={close} />}
        <UnlockDialog />
      </div>
    </SlotsContext.Provider>
  )
}
