// The list's header row: select all, a sort button per column, and an edge to drag for a wider or narrower column
// (Alt+← / Alt+→ on the column's header does the same from the keyboard; a double click gives the width back).
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import type { KeyRecord } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { useKeys, usePrefs } from '../../store/stores'
import type { Column } from './columns'
import type { SortKey } from './select'

/** px per Alt+arrow press. */
const STEP = 16

export interface Resizing {
  readonly widthOf: (c: Column) => number
  readonly resize: (c: Column, px: number) => void
  readonly reset: (c: Column) => void
  /** The drag has ended. */
  readonly done: () => void
}

export function HeaderRow({
  columns,
  rows,
  template,
  resizing,
}: {
  readonly columns: readonly Column[]
  readonly rows: readonly KeyRecord[]
  readonly template: string
  readonly resizing: Resizing
}) {
  return (
    <div role="row" aria-rowindex={1} className="row header" style={{ gridTemplateColumns: template }}>
      {columns.map((c) =>
        c.id === 'select' ? (
          <SelectAll key={c.id} rows={rows} />
        ) : (
          <HeaderCell key={c.id} column={c} resizing={resizing} />
        ),
      )}
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

function HeaderCell({ column, resizing }: { readonly column: Column; readonly resizing: Resizing }) {
  const sortKey = usePrefs((s) => s.list.sortKey)
  const desc = usePrefs((s) => s.list.sortDesc)
  const { setList } = useActions().prefs
  const onKeyDown = (e: KeyboardEvent): void => {
    if (!column.resizable || !e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return
    e.preventDefault()
    resizing.resize(column, resizing.widthOf(column) + (e.key === 'ArrowRight' ? STEP : -STEP))
  }
  const edge = column.resizable ? <ResizeEdge column={column} resizing={resizing} /> : null
  if (!column.sortKey) {
    return (
      <div role="columnheader" className={`cell cell-${column.id}`}>
        <span className="sr-only">{column.label}</span>
        {edge}
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
        onKeyDown={onKeyDown}
        title={`Sort by ${column.label.toLowerCase()}${column.resizable ? ' (Alt+← / Alt+→: narrower, wider)' : ''}`}
      >
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (desc ? '▼' : '▲') : ''}
        </span>
      </button>
      {edge}
    </div>
  )
}

/** The column's right edge, for the mouse; the keyboard resizes from the header's button. */
function ResizeEdge({ column, resizing }: { readonly column: Column; readonly resizing: Resizing }) {
  const start = useRef<{ x: number; width: number } | null>(null)
  const down = (e: PointerEvent<HTMLSpanElement>): void => {
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    start.current = { x: e.clientX, width: resizing.widthOf(column) }
  }
  const move = (e: PointerEvent<HTMLSpanElement>): void => {
    if (start.current) resizing.resize(column, start.current.width + e.clientX - start.current.x)
  }
  const up = (): void => {
    if (start.current) resizing.done()
    start.current = null
  }
  return (
    <span
      className="col-resize"
      aria-hidden="true"
      title={`Drag to resize ${column.label}; double-click for its natural width`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
      onDoubleClick={() => resizing.reset(column)}
    />
  )
}
