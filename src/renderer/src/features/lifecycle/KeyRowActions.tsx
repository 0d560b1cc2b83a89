// Per-key actions (row and detail panel). Only starts actions: their dialogs and outcomes show in KeyActionDialogs.
import { useEffect } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { Menu } from '../../components/Menu'
import { useActions } from '../../actions/context'
import { actionLabel, keyLabel, type KeyAction } from '../../actions/key-action'
import { useDescriptor, useKept, useKeyDialogs, usePropagation, useStores } from '../../store/stores'
import { offeredActions } from '../../actions/offered'
import { PropagationNote } from './PropagationNote'
import './lifecycle.css'

const BUSY: Partial<Record<KeyAction['kind'], string>> = { copy: 'Copying…', export: 'Exporting…', try: 'Trying…' }

export function KeyRowActions({
  keyRecord,
  account,
  tabIndex,
  labelled,
}: {
  readonly keyRecord: KeyRecord
  readonly account: AccountView
  /** -1 inside a list row, which is one tab stop as a whole. */
  readonly tabIndex?: number
  /** The button says "Actions" in words (the detail panel), not only as its accessible name. */
  readonly labelled?: boolean
}) {
  const d = useDescriptor(account.provider)
  const pending = usePropagation(account.id, keyRecord.keyId)
  const kept = useKept((s) => s.byAccount[account.id]?.has(keyRecord.keyId))
  const running = useKeyDialogs((s) => s.busy[`${account.id}/${keyRecord.keyId}`])
  const { kept: keptStore } = useStores()
  const { keys } = useActions()
  useEffect(() => keptStore.getState().ensure(account.id), [keptStore, account.id])
  const name = keyLabel(keyRecord)

  const items = offeredActions(d, keyRecord, kept, pending).map((a) => {
    const label = actionLabel(a)
    const busy = running !== undefined && BUSY[a.kind] !== undefined
    return {
      label: busy && running === label ? (BUSY[a.kind] ?? label) : label,
      disabled: busy,
      danger: a.kind === 'delete' || a.kind === 'disable',
      onSelect: () => keys.run({ keyRecord, account }, a),
    }
  })
  return (
    <span className="row-actions">
      {/* Owned by the key: list rows are reused by position, and a menu opened for one key must not act on another. */}
      {items.length > 0 && (
        <Menu
          owner={`${account.id}/${keyRecord.keyId}`}
          label={`Actions for ${name}`}
          items={items}
          tabIndex={tabIndex}
          text={labelled ? 'Actions' : undefined}
        />
      )}
      {/* After the button: when the column is narrow, the note is what gets cut, never the actions. */}
      <PropagationNote keyRecord={keyRecord} />
    </span>
  )
}
