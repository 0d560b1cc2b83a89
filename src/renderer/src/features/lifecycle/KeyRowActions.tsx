// Per-key actions: the detail panel's menu button, and the one menu the key list shares among its rows. Only starts
// actions: their dialogs and outcomes show in KeyActionDialogs.
import { useEffect } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { Menu, MenuList, type MenuItem } from '../../components/Menu'
import { PropagationNote } from '../../components/PropagationNote'
import { useActions } from '../../actions/context'
import { actionLabel, keyLabel, type KeyAction } from '../../actions/key-action'
import { useDescriptor, useKept, useKeyDialogs, usePropagation, useStores } from '../../store/stores'
import { offeredActions } from '../../actions/offered'
import './lifecycle.css'

const BUSY: Partial<Record<KeyAction['kind'], string>> = { copy: 'Copying…', export: 'Exporting…', try: 'Trying…' }

function useKeyActionItems(keyRecord: KeyRecord, account: AccountView): readonly MenuItem[] {
  const d = useDescriptor(account.provider)
  const pending = usePropagation(account.id, keyRecord.keyId)
  const kept = useKept((s) => s.byAccount[account.id]?.has(keyRecord.keyId))
  const running = useKeyDialogs((s) => s.busy[`${account.id}/${keyRecord.keyId}`])
  const { kept: keptStore } = useStores()
  const { keys } = useActions()
  useEffect(() => keptStore.getState().ensure(account.id), [keptStore, account.id])
  return offeredActions(d, keyRecord, kept, pending).map((a) => {
    const label = actionLabel(a)
    const busy = running !== undefined && BUSY[a.kind] !== undefined
    return {
      label: busy && running === label ? (BUSY[a.kind] ?? label) : label,
      disabled: busy,
      danger: a.kind === 'delete' || a.kind === 'disable',
      onSelect: () => keys.run({ keyRecord, account }, a),
    }
  })
}

export function KeyRowActions({
  keyRecord,
  account,
  labelled,
}: {
  readonly keyRecord: KeyRecord
  readonly account: AccountView
  /** The button says "Actions" in words, not only as its accessible name. */
  readonly labelled?: boolean
}) {
  const items = useKeyActionItems(keyRecord, account)
  return (
    <span className="row-actions">
      {/* Owned by the key: the panel stays mounted while it shows another key, and a menu opened for one key must not
          act on another. */}
      {items.length > 0 && (
        <Menu
          owner={`${account.id}/${keyRecord.keyId}`}
          label={`Actions for ${keyLabel(keyRecord)}`}
          items={items}
          text={labelled ? 'Actions' : undefined}
        />
      )}
      {/* After the button: when the column is narrow, the note is what gets cut, never the actions. */}
      <PropagationNote keyRecord={keyRecord} />
    </span>
  )
}

/** The open actions menu of one list row; `anchor` is that row's actions button. Closes when it has nothing left. */
export function KeyActionsMenu({
  keyRecord,
  account,
  anchor,
  id,
  onClose,
}: {
  readonly keyRecord: KeyRecord
  readonly account: AccountView
  readonly anchor: HTMLElement
  readonly id: string
  readonly onClose: (refocus: boolean) => void
}) {
  const items = useKeyActionItems(keyRecord, account)
  const empty = items.length === 0
  useEffect(() => {
    if (empty) onClose(false)
  }, [empty, onClose])
  if (empty) return null
  return (
    <MenuList id={id} label={`Actions for ${keyLabel(keyRecord)}`} items={items} anchor={anchor} onClose={onClose} />
  )
}
