// One virtualised row. Memoised: a row re-renders only when its key, account, selection or position changes.
import { memo } from 'react'
import { readOnlyReason } from '../../../../shared/descriptor'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { CopyButton } from '../../components/CopyButton'
import { useNow } from '../../components/useNow'
import { useSlots } from '../../components/slots'
import { useActions } from '../../actions/context'
import { offeredActions } from '../../actions/offered'
import { useDescriptor } from '../../store/stores'
import type { Column } from './columns'
import { nameLines } from './content-widths'
import { Age, Application, Created, Expires, Flags, LastUsed, ManagedBadge, OwnKeyBadge } from './KeyCells'
import { StateBadge } from './StateBadge'

interface Props {
  readonly keyRecord: KeyRecord
  readonly account: AccountView | undefined
  readonly columns: readonly Column[]
  readonly rowIndex: number
  readonly id: string
  /** The row the keyboard is on (the grid's active descendant). */
  readonly active: boolean
  /** Offset within the table body, px. Plain values rather than a style object, so the memo holds between renders. */
  readonly top: number
  readonly template: string
  readonly selected: boolean
  /** Another key of the same account has this name, so the name alone cannot tell them apart. */
  readonly nameShared: boolean
  readonly onToggle: (uid: string) => void
  readonly onOpen: (uid: string) => void
}

export const ROW_HEIGHT = 40

export const KeyRow = memo(function KeyRow({
  keyRecord: k,
  account,
  columns,
  rowIndex,
  id,
  active,
  top,
  template,
  selected,
  nameShared,
  onToggle,
  onOpen,
}: Props) {
  const now = useNow()
  const d = useDescriptor(k.provider)
  const { KeyActions } = useSlots()
  const uid = `${k.accountId}/${k.keyId}`
  const title = k.name && k.name !== k.keyId ? k.name : k.keyId
  // A name several keys share ("billing · sandbox-arx") comes second: the key's own id is what tells them apart.
  const { primary, secondary } = nameLines(k, nameShared)
  const managed = readOnlyReason(d, k)
  const { keys } = useActions()
  // An expiring key's flag opens the rotation assistant, where the key can be rotated at all.
  const rotate =
    account && offeredActions(d, k, undefined).some((a) => a.kind === 'rotate')
      ? () => keys.run({ keyRecord: k, account }, { kind: 'rotate' })
      : undefined
  const cell = (c: Column) => {
    switch (c.id) {
      case 'select':
        return (
          <input
            type="checkbox"
            tabIndex={-1}
            checked={selected}
            onChange={() => onToggle(uid)}
            aria-label={`Select ${title}`}
          />
        )
      case 'name':
        return (
          <>
            <button
              type="button"
              tabIndex={-1}
              className="link name"
              onClick={() => onOpen(uid)}
              title={secondary ? `${primary} — ${secondary}` : primary}
            >
              <span className="name-primary whole">{primary}</span>
              {secondary && <span className="name-secondary muted whole">{secondary}</span>}
            </button>
            {account?.facts.ownKeyId === k.keyId && <OwnKeyBadge />}
            {managed && <ManagedBadge reason={managed} />}
          </>
        )
      case 'keyId':
        return (
          <>
            <span className="mono truncate whole" title={k.keyId}>
              {k.keyId}
            </span>
            <CopyButton text={k.keyId} label={`Copy key id ${k.keyId}`} tabIndex={-1} />
          </>
        )
      case 'account':
        return (
          <span className="two-lines" title={`${account?.label ?? k.accountId} · ${d.name}`}>
            <span className="whole">{account?.label ?? k.accountId}</span>
            <span className="muted name-secondary whole">
              <span className="sr-only">{' · '}</span>
              {d.name}
            </span>
          </span>
        )
      case 'state':
        return <StateBadge keyRecord={k} />
      case 'flags':
        return <Flags keyRecord={k} lastUse={d.lastUse} now={now} onRotate={rotate} />
      case 'createdAt':
        return <Created iso={k.createdAt} now={now} />
      case 'age':
        return <Age iso={k.createdAt} now={now} />
      case 'lastUsed':
        return <LastUsed keyRecord={k} lastUse={d.lastUse} now={now} />
      case 'expires':
        return <Expires keyRecord={k} now={now} />
      case 'application':
        return <Application keyRecord={k} />
      case 'actions':
        return account ? <KeyActions keyRecord={k} account={account} tabIndex={-1} /> : null
    }
  }
  return (
    <div
      role="row"
      id={id}
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={['row', selected ? 'selected' : '', active ? 'active' : ''].filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template, height: ROW_HEIGHT }}
    >
      {columns.map((c) => (
        <div role="gridcell" key={c.id} className={`cell cell-${c.id}`}>
          {cell(c)}
        </div>
      ))}
    </div>
  )
})
