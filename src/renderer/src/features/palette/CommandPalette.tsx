// Ctrl/⌘+K: one field that finds any command — jump to an account, run an action on the selected key, create a key,
// add an account. Arrow keys move through the matches, Enter runs one, Escape closes and focus goes back.
import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { useActions } from '../../actions/context'
import { actionLabel, keyLabel } from '../../actions/key-action'
import { offeredActions } from '../../actions/offered'
import { Dialog } from '../../components/Dialog'
import { useApp, useDescriptors, useKept, useKeys, usePropagations, useStores } from '../../store/stores'

interface Command {
  readonly id: string
  readonly label: string
  readonly hint?: string
  readonly run: () => void
}

export function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const stores = useStores()
  const actions = useActions()
  const accounts = useApp((s) => s.accounts)
  const view = useApp((s) => s.view)
  const uid = useApp((s) => s.detail ?? s.active)
  const descriptors = useDescriptors()
  const cut = uid ? uid.indexOf('/') : -1
  const accountId = uid ? uid.slice(0, cut) : ''
  const keyId = uid ? uid.slice(cut + 1) : ''
  const key = useKeys((s) => (uid ? s.byAccount[accountId]?.keys.find((k) => k.keyId === keyId) : undefined))
  const kept = useKept((s) => s.byAccount[accountId]?.has(keyId))
  const pending = usePropagations((s) => (uid ? s.byKey[uid] : undefined))
  const [query, setQuery] = useState('')
  const [at, setAt] = useState(0)
  const id = useId()

  const commands = useMemo((): Command[] => {
    const { openView } = stores.app.getState()
    const open = stores.ui.getState().open
    const out: Command[] = []
    const account = key ? accounts.find((a) => a.id === key.accountId) : undefined
    const d = key ? descriptors[key.provider] : undefined
    if (key && account && d)
      for (const a of offeredActions(d, key, kept, pending))
        out.push({
          id: `key-${a.kind}-${actionLabel(a)}`,
          label: `${actionLabel(a).replace(/…$/, '')} ${keyLabel(key)}`,
          hint: 'selected key',
          run: () => actions.keys.run({ keyRecord: key, account }, a),
        })
    const current = accounts.find((a) => a.id === view)
    for (const a of current ? [current, ...accounts.filter((x) => x !== current)] : accounts)
      out.push({
        id: `create-${a.id}`,
        label: `Create a key in ${a.label}`,
        hint: descriptors[a.provider]?.name,
        run: () => open({ kind: 'create', accountId: a.id }),
      })
    out.push({ id: 'all', label: 'Go to all accounts', run: () => openView('all') })
    for (const a of accounts)
      out.push({
        id: `go-${a.id}`,
        label: `Go to ${a.label}`,
        hint: descriptors[a.provider]?.name,
        run: () => openView(a.id),
      })
    out.push(
      { id: 'add', label: 'Add an account', run: () => open({ kind: 'add-account' }) },
      { id: 'settings', label: 'Open settings', run: () => open({ kind: 'settings' }) },
      { id: 'repair', label: 'Repair the keychain entries', run: () => open({ kind: 'repair' }) },
      { id: 'shortcuts', label: 'Show keyboard shortcuts', run: () => open({ kind: 'shortcuts' }) },
    )
    return out
  }, [accounts, actions, descriptors, kept, key, pending, stores, view])

  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const matches = commands.filter((c) => words.every((w) => `${c.label} ${c.hint ?? ''}`.toLowerCase().includes(w)))
  const active = Math.min(at, Math.max(0, matches.length - 1))
  const run = (c: Command | undefined): void => {
    if (!c) return
    // The palette closes first, so whatever the command opens gets focus.
    onClose()
    c.run()
  }
  const onKey = (e: KeyboardEvent): void => {
    const move = (i: number): void => {
      e.preventDefault()
      setAt((i + matches.length) % Math.max(1, matches.length))
    }
    if (e.key === 'ArrowDown') move(active + 1)
    else if (e.key === 'ArrowUp') move(active - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(matches.length - 1)
    else if (e.key === 'Enter') {
      e.preventDefault()
      run(matches[active])
    }
  }
  return (
    <Dialog title="Commands" onClose={onClose} className="palette">
      <input
        role="combobox"
        aria-label="Find a command"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={matches[active] ? `${id}-${active}` : undefined}
        aria-autocomplete="list"
        placeholder="Type a command, an account or an action"
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value)
          setAt(0)
        }}
        onKeyDown={onKey}
      />
      <ul role="listbox" id={`${id}-list`} aria-label="Commands" className="palette-list">
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'palette-item active' : 'palette-item'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(c)}
          >
            <span>{c.label}</span>
            {c.hint && <span className="muted">{c.hint}</span>}
          </li>
        ))}
        {matches.length === 0 && (
          <li className="muted">
            No command matches.{key ? '' : ' A key’s actions are here once a key is picked in the list.'}
          </li>
        )}
      </ul>
    </Dialog>
  )
}
