// One virtualised row. A search mounts a row for every key that comes into view, so a row is plain elements fed by
// props: no subscriptions, effects or state of its own (the table holds the clock, the open menu and the last copy).
// Memoised: a row re-renders only when its key, its facts, selection or position change.
import { memo } from 'react'
import { readOnlyReason, type ProviderDescriptor } from '../../../../shared/descriptor'
import type { AccountView, KeyRecord, Propagation } from '../../../../shared/model'
import { copyTitle, type CopyDone } from '../../components/CopyButton'
import { Icon } from '../../components/Icon'
import { keyLabel } from '../../actions/key-action'
import { offeredActions } from '../../actions/offered'
import type { Column } from './columns'
import { nameLines } from './content-widths'
import { Age, Application, Created, ExpiryChip, Expires, Flags, LastUsed, ManagedBadge, OwnKeyBadge } from './KeyCells'
import { StateBadge } from './StateBadge'

interface Props {
  readonly keyRecord: KeyRecord
  readonly account: AccountView | undefined
  readonly descriptor: ProviderDescriptor
  readonly propagation: Propagation | undefined
  /** Whether KeyDesk keeps the key's secret; undefined until the account's kept keys are known. */
  readonly kept: boolean | undefined
  readonly now: number
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
  /** The states the list is filtered by: a flag among them is shown first, since it is why the row is there. */
  readonly filteredBy: readonly string[]
  /** The id of the list's actions menu while it is open for this row's key, else null. */
  readonly menu: string | null
  /** How copying this row's key id just went, for a moment. */
  readonly copied: CopyDone | null
  readonly onToggle: (uid: string) => void
  readonly onOpen: (uid: string) => void
  readonly onMenu: (uid: string, rowIndex: number, button: HTMLElement) => void
  /** While the menu is open for this key: its button, for the menu to stay at (also after a remount). */
  readonly onMenuAnchor: (uid: string, rowIndex: number, button: HTMLElement) => void
  readonly onCopy: (uid: string, text: string) => void
  readonly onRotate: (keyRecord: KeyRecord) => void
}

export const ROW_HEIGHT = 40

export const KeyRow = memo(function KeyRow({
  keyRecord: k,
  account,
  descriptor: d,
  propagation,
  kept,
  now,
  columns,
  rowIndex,
  id,
  active,
  top,
  template,
  selected,
  nameShared,
  filteredBy,
  menu,
  copied,
  onToggle,
  onOpen,
  onMenu,
  onMenuAnchor,
  onCopy,
  onRotate,
}: Props) {
  const uid = `${k.accountId}/${k.keyId}`
  const title = k.name && k.name !== k.keyId ? k.name : k.keyId
  // A name several keys share ("billing · sandbox-arx") comes second: the key's own id is what tells them apart.
  const { primary, secondary } = nameLines(k, nameShared)
  const managed = readOnlyReason(d, k)
  // An expiring key's flag opens the rotation assistant, where the key can be rotated at all.
  const rotate =
    account && k.expiresAt && offeredActions(d, k, undefined).some((a) => a.kind === 'rotate')
      ? () => onRotate(k)
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
            {/* A window too narrow for the Flags column still says that the key has expired or soon will. */}
            {!columns.some((col) => col.id === 'flags') && <ExpiryChip keyRecord={k} lastUse={d.lastUse} now={now} />}
          </>
        )
      case 'keyId': {
        const label = `Copy key id ${k.keyId}`
        return (
          <>
            <span className="mono truncate whole" title={k.keyId}>
              {k.keyId}
            </span>
            <button
              type="button"
              className="icon-button copy"
              tabIndex={-1}
              aria-label={label}
              title={copyTitle(label, copied)}
              onClick={() => onCopy(uid, k.keyId)}
            >
              <Icon name={copied === 'copied' ? 'check' : 'copy'} />
            </button>
          </>
        )
      }
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
        return <StateBadge keyRecord={k} propagation={propagation} descriptor={d} now={now} />
      case 'flags':
        return <Flags keyRecord={k} lastUse={d.lastUse} now={now} onRotate={rotate} first={filteredBy} />
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
        return (
          <>
            {account && offeredActions(d, k, kept, propagation).length > 0 && (
              <button
                type="button"
                className="icon-button menu-button"
                aria-label={`Actions for ${keyLabel(k)}`}
                tabIndex={-1}
                aria-haspopup="menu"
                aria-expanded={menu !== null}
                aria-controls={menu ?? undefined}
                ref={menu === null ? undefined : (el) => void (el && onMenuAnchor(uid, rowIndex, el))}
                onClick={(e) => onMenu(uid, rowIndex, e.currentTarget)}
              >
                <Icon name="more" />
              </button>
            )}
          </>
        )
    }
  }
  return (
    <div
      role="row"
      id={id}
      data-key={uid}
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
