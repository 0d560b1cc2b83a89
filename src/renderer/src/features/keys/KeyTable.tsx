// The virtualised table: only the rows in view (plus a few) exist in the DOM, whatever the number of keys. It is one
// tab stop: arrow keys move the active row, Enter opens its details, Space selects it, Shift+F10 opens its actions.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useApp, useKeys, usePrefs } from '../../store/stores'
import { gridTemplate, minWidth, type Column } from './columns'
import { KeyRow, ROW_HEIGHT } from './KeyRow'
import type { SortKey } from './select'
import { useVisibleRows } from './useVisibleRows'
import { useActions } from '../../actions/context'

const HEADER_HEIGHT = 36
// Rows beyond the visible ones on each side: enough for a wheel step, few enough that a keystroke repaints little.
const OVERSCAN = 3

interface Props {
  readonly rows: readonly KeyRecord[]
  readonly columns: readonly Column[]
  readonly accounts: ReadonlyMap<string, AccountView>
  readonly label: string
  /** `${accountId}\n${name}` of names more than one key of an account shares. */
  readonly sharedNames: ReadonlySet<string>
}

export function KeyTable({ rows, columns, accounts, label, sharedNames }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const selected = useKeys((s) => s.selected)
  const toggle = useKeys((s) => s.toggle)
  const openDetail = useApp((s) => s.openDetail)
  const onOpen = useCallback((uid: string) => openDetail(uid), [openDetail])
  const setActive = useApp((s) => s.setActive)
  const [active, setActiveIndex] = useState(0)
  const at = Math.min(active, Math.max(0, rows.length - 1))
  const activeKey = rows[at]
  const activeUid = activeKey ? `${activeKey.accountId}/${activeKey.keyId}` : null
  useEffect(() => setActive(activeUid), [activeUid, setActive])
  useEffect(() => () => setActive(null), [setActive])
  const { first, end } = useVisibleRows(scroller, rows.length, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN)
  /** Scrolls just enough to show row i below the sticky header. */
  const reveal = (i: number): void => {
    const el = scroller.current
    if (!el) return
    const top = i * ROW_HEIGHT
    const bottom = HEADER_HEIGHT + (i + 1) * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
  }
  const template = gridTemplate(columns)
  const width = minWidth(columns)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget) return
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const go = (i: number): void => {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, i))
      setActiveIndex(next)
      reveal(next)
    }
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(rows.length - 1)
    else if (e.key === 'PageDown') go(at + page)
    else if (e.key === 'PageUp') go(at - page)
    else if (!activeUid) return
    else if (e.key === 'Enter') {
      e.preventDefault()
      onOpen(activeUid)
    } else if (e.key === ' ') {
      e.preventDefault()
      toggle(activeUid)
    } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault()
      document.getElementById(rowId(at))?.querySelector<HTMLButtonElement>('[aria-haspopup="menu"]')?.click()
    }
  }
  return (
    <div
      ref={scroller}
      id="key-table"
      className="table-scroll"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-multiselectable="true"
      tabIndex={0}
      aria-activedescendant={activeKey ? rowId(at) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="thead" style={{ height: HEADER_HEIGHT, minWidth: width }}>
        <div role="row" aria-rowindex={1} className="row header" style={{ gridTemplateColumns: template }}>
          {columns.map((c) =>
            c.id === 'select' ? <SelectAll key={c.id} rows={rows} /> : <HeaderCell key={c.id} column={c} />,
          )}
        </div>
      </div>
      <div role="rowgroup" className="tbody" style={{ height: rows.length * ROW_HEIGHT, minWidth: width }}>
        {rows.slice(first, end).map((k, i) => {
          const index = first + i
          const uid = `${k.accountId}/${k.keyId}`
          // Keyed by position, not by key: a keystroke that changes which keys are shown updates the rows in place
          // instead of building every row anew (bench rows 4 and 4b). Rows hold no state of their key's own; the
          // actions menu is keyed by its key (KeyRowActions), so an open menu never changes key under the user.
          return (
            <KeyRow
              key={index}
              keyRecord={k}
              account={accounts.get(k.accountId)}
              columns={columns}
              rowIndex={index + 2}
              id={rowId(index)}
              active={index === at}
              top={index * ROW_HEIGHT}
              template={template}
              selected={selected.has(uid)}
              nameShared={sharedNames.has(`${k.accountId}\n${k.name}`)}
              onToggle={toggle}
              onOpen={onOpen}
            />
          )
        })}
      </div>
    </div>
  )
}

export const rowId = (index: number): string => `key-row-${index}`

/** Selects every key the search and filters show, across accounts in the All view. */
function SelectAll({ rows }: { readonly rows: readonly KeyRecord[] }) {
  const selected = useKeys((s) => s.selected)
  const selectMany = useKeys((s) => s.selectMany)
  const ref = useRef<HTMLInputElement>(null)
  // Nothing selected is the usual case: no need to walk every row shown on each keystroke of a search.
  const chosen =
    selected.size === 0 ? 0 : rows.reduce((n, k) => n + (selected.has(`${k.accountId}/${k.keyId}`) ? 1 : 0), 0)
  const all = rows.length > 0 && chosen === rows.length
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = chosen > 0 && !all
  }, [chosen, all])
  return (
    <div role="columnheader" className="cell cell-select">
      <input
        ref={ref}
        type="checkbox"
        checked={all}
        aria-label={`Select all ${rows.length} keys shown`}
        onChange={() =>
          selectMany(
            rows.map((k) => `${k.accountId}/${k.keyId}`),
            !all,
          )
        }
      />
    </div>
  )
}

function HeaderCell({ column }: { readonly column: Column }) {
  const sortKey = usePrefs((s) => s.list.sortKey)
  const desc = usePrefs((s) => s.list.sortDesc)
  const { setList } = useActions().prefs
  if (!column.sortKey) {
    return (
      <div role="columnheader" className={`cell cell-${column.id}`}>
        <span className="sr-only">{column.label}</span>
      </div>
    )
  }
  const key: SortKey = column.sortKey
  const active = sortKey === key
  const sort = active ? (desc ? 'descending' : 'ascending') : 'none'
  return (
    <div role="columnheader" aria-sort={sort} className={`cell cell-${column.id}`}>
      <button
        type="button"
        className="sort"
        onClick={() =>
          setList({ sortKey: key, sortDesc: active ? !desc : key === 'createdAt' || key === 'lastUsedAt' })
        }
        title={`Sort by ${column.label.toLowerCase()}`}
      >
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (desc ? '▼' : '▲') : ''}
        </span>
      </button>
    </div>
  )
}
