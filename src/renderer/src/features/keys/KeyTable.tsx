// The virtualised table: only the rows in view (plus a few) exist in the DOM, whatever the number of keys.
import { useCallback, useEffect, useRef } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useApp, useKeys, usePrefs } from '../../store/stores'
import { gridTemplate, minWidth, type Column } from './columns'
import { KeyRow, ROW_HEIGHT } from './KeyRow'
import type { SortKey } from './select'
import { useVisibleRows } from './useVisibleRows'

const HEADER_HEIGHT = 36
const OVERSCAN = 8

interface Props {
  readonly rows: readonly KeyRecord[]
  readonly columns: readonly Column[]
  readonly accounts: ReadonlyMap<string, AccountView>
  readonly label: string
}

export function KeyTable({ rows, columns, accounts, label }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const selected = useKeys((s) => s.selected)
  const toggle = useKeys((s) => s.toggle)
  const openDetail = useApp((s) => s.openDetail)
  const onOpen = useCallback((uid: string) => openDetail(uid), [openDetail])
  const { first, end } = useVisibleRows(scroller, rows.length, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN)
  const template = gridTemplate(columns)
  const width = minWidth(columns)
  return (
    <div ref={scroller} className="table-scroll" role="table" aria-label={label} aria-rowcount={rows.length + 1}>
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
          return (
            <KeyRow
              key={uid}
              keyRecord={k}
              account={accounts.get(k.accountId)}
              columns={columns}
              rowIndex={index + 2}
              top={index * ROW_HEIGHT}
              template={template}
              selected={selected.has(uid)}
              onToggle={toggle}
              onOpen={onOpen}
            />
          )
        })}
      </div>
    </div>
  )
}

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
  const setList = usePrefs((s) => s.setList)
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
