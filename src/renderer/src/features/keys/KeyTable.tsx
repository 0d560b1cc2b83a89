// The virtualised table: only the rows in view (plus a few) exist in the DOM, whatever the number of keys. It is one
// tab stop: arrow keys move the active row (with Shift, selecting from where Shift began), Enter opens its details, Space
// selects it, Shift+F10 opens its actions.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { copyWords, useCopy } from '../../components/CopyButton'
import { useNow } from '../../components/useNow'
import { useActions } from '../../actions/context'
import { useApp, useDescriptors, useKept, useKeys, usePrefs, usePropagations, useStores } from '../../store/stores'
import { fitColumns, resized } from './column-fit'
import type { Column, ColumnId } from './columns'
import { contentWidths } from './content-widths'
import { FLAG_KINDS } from './flags'
import { FullValues } from './FullValues'
import { HeaderRow, type Resizing } from './KeyHeader'
import { KeyRow, ROW_HEIGHT } from './KeyRow'
import { useInnerWidth } from './useInnerWidth'
import { useKeepRowFocus, useRowGeneration } from './useRowGeneration'
import { useRowMenu } from './useRowMenu'
import { useRangeSelect } from './useRangeSelect'
import { useVisibleRows } from './useVisibleRows'
import './list.css'

const HEADER_HEIGHT = 36
// Rows beyond the visible ones on each side: enough for a wheel step, few enough that a keystroke repaints little.
const OVERSCAN = 3

interface Props {
  readonly rows: readonly KeyRecord[]
  /** Keys of the listings the column widths are measured on (not the search's rows: columns stay put while typing). */
  readonly sample: readonly KeyRecord[]
  readonly columns: readonly Column[]
  readonly accounts: ReadonlyMap<string, AccountView>
  readonly label: string
  /** `${accountId}\n${name}` of names more than one key of an account shares. */
  readonly sharedNames: ReadonlySet<string>
}

export function KeyTable({ rows, sample, columns, accounts, label, sharedNames }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const selected = useKeys((s) => s.selected)
  const filteredBy = usePrefs((s) => s.list.states)
  const toggle = useKeys((s) => s.toggle)
  const selectMany = useKeys((s) => s.selectMany)
  const { keys: keysStore } = useStores()
  const range = useRangeSelect(rows, () => keysStore.getState().selected, selectMany)
  const openDetail = useApp((s) => s.openDetail)
  const onOpen = useCallback((uid: string) => openDetail(uid), [openDetail])
  const setActive = useApp((s) => s.setActive)
  const descriptors = useDescriptors()
  const propagation = usePropagations((s) => s.byKey)
  const now = useNow()
  const { keys } = useActions()
  const onRotate = useCallback(
    (k: KeyRecord) => {
      const account = accounts.get(k.accountId)
      if (account) keys.run({ keyRecord: k, account }, { kind: 'rotate' })
    },
    [accounts, keys],
  )
  const { outcome: copied, copy: onCopy } = useCopy()
  const [active, setActiveIndex] = useState(0)
  /** The list has the keyboard: the focused row's full values show under it. */
  const [focused, setFocused] = useState(false)
  const at = Math.min(active, Math.max(0, rows.length - 1))
  const activeKey = rows[at]
  const activeUid = activeKey ? `${activeKey.accountId}/${activeKey.keyId}` : null
  useEffect(() => setActive(activeUid), [activeUid, setActive])
  useEffect(() => () => setActive(null), [setActive])
  const { first, end } = useVisibleRows(scroller, rows.length, ROW_HEIGHT, HEADER_HEIGHT, OVERSCAN)
  const fitted = useFitted(scroller, sample, columns, accounts, sharedNames)
  // No rows until the table's width is known (measured in the same task, before anything is painted): rows built
  // with every column would be laid out, then rebuilt with the columns that fit.
  const shown = fitted.measured ? rows.slice(first, end) : []
  const kept = useKeptOf(shown)
  const generation = useRowGeneration(
    rows,
    usePrefs((s) => s.list),
    first,
    end,
  )
  useKeepRowFocus(scroller, generation)
  const rowMenu = useRowMenu(shown, first, generation, accounts)
  /** Scrolls just enough to show row i below the sticky header. */
  const reveal = (i: number): void => {
    const el = scroller.current
    if (!el) return
    const top = i * ROW_HEIGHT
    const bottom = HEADER_HEIGHT + (i + 1) * ROW_HEIGHT
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
  }
  const template = fitted.widths.map((w) => `${w}px`).join(' ')
  const width = fitted.widths.reduce((n, w) => n + w, 0)
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const grid = e.currentTarget
    const onGrid = e.target === grid
    // A row's control has the keyboard after a click on it: arrow keys go on from its row, and give the grid focus.
    const from = onGrid ? at : rowIndexOf(e.target)
    if (from === null) return
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const to = moveTo(e.key, from, page, rows.length)
    if (to !== null) {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, to))
      if (e.shiftKey) range.extend(from, next)
      else range.end()
      setActiveIndex(next)
      reveal(next)
      if (!onGrid) grid.focus()
      return
    }
    if (e.key !== 'Shift') range.end()
    if (!onGrid || !activeUid) return
    if (e.key === 'Enter') {
      e.preventDefault()
      onOpen(activeUid)
    } else if (e.key === ' ') {
      e.preventDefault()
      toggle(activeUid)
    } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault()
      const button = document.getElementById(rowId(at))?.querySelector<HTMLElement>('[aria-haspopup="menu"]')
      // Opened from the grid, the menu gives focus back to the grid, not to the row's button: arrows keep working.
      if (button) rowMenu.toggle(activeUid, at + 2, button, grid)
    }
  }
  return (
    <div
      className="table-wrap"
      onFocus={() => setFocused(true)}
      onBlur={(e) => setFocused(e.currentTarget.contains(e.relatedTarget))}
    >
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
        onKeyUp={(e) => e.key === 'Shift' && range.end()}
      >
        <div role="rowgroup" className="thead" style={{ height: HEADER_HEIGHT, minWidth: width }}>
          <HeaderRow columns={fitted.columns} rows={rows} template={template} resizing={fitted.resizing} />
        </div>
        <div role="rowgroup" className="tbody" style={{ height: rows.length * ROW_HEIGHT, minWidth: width }}>
          {shown.map((k, i) => {
            const index = first + i
            const uid = `${k.accountId}/${k.keyId}`
            const descriptor = descriptors[k.provider]
            if (!descriptor) return null
            // By position within a generation: see useRowGeneration.
            return (
              <KeyRow
                key={`${generation}-${index}`}
                keyRecord={k}
                account={accounts.get(k.accountId)}
                descriptor={descriptor}
                propagation={propagation[uid]}
                kept={kept[k.accountId]?.has(k.keyId)}
                now={now}
                columns={fitted.columns}
                rowIndex={index + 2}
                id={rowId(index)}
                active={index === at}
                top={index * ROW_HEIGHT}
                template={template}
                selected={selected.has(uid)}
                nameShared={sharedNames.has(`${k.accountId}\n${k.name}`)}
                filteredBy={filteredBy}
                menu={rowMenu.openFor === uid ? rowMenu.id : null}
                copied={copied?.of === uid ? copied.done : null}
                onToggle={toggle}
                onOpen={onOpen}
                onMenu={rowMenu.toggle}
                onMenuAnchor={rowMenu.anchorAt}
                onCopy={onCopy}
                onRotate={onRotate}
              />
            )
          })}
        </div>
      </div>
      {rowMenu.menu}
      <span className="sr-only" aria-live="polite">
        {copyWords(copied?.done ?? null)}
      </span>
      {/* The line is always there, empty until the list has the keyboard: focusing never moves the rows. */}
      <div className="full-values-line" aria-hidden="true">
        {focused && activeKey && (
          <FullValues
            keyRecord={activeKey}
            account={accounts.get(activeKey.accountId)}
            shared={sharedNames.has(`${activeKey.accountId}\n${activeKey.name}`)}
          />
        )}
      </div>
    </div>
  )
}

export const rowId = (index: number): string => `key-row-${index}`

/** The index among the keys of the row holding `target`, or null outside the rows (the header, the grid itself). */
function rowIndexOf(target: EventTarget): number | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-key]') : null
  return row ? Number(row.getAttribute('aria-rowindex')) - 2 : null
}

/** Where a movement key takes the active row from row `from`, before keeping it within the list; null: not one. */
function moveTo(key: string, from: number, page: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return from + 1
    case 'ArrowUp':
      return from - 1
    case 'Home':
      return 0
    case 'End':
      return count - 1
    case 'PageDown':
      return from + page
    case 'PageUp':
      return from - page
    default:
      return null
  }
}

/** Which keys KeyDesk keeps the secret of, asked once for each account that has a row on screen. */
function useKeptOf(shown: readonly KeyRecord[]) {
  const { kept } = useStores()
  const accountIds = [...new Set(shown.map((k) => k.accountId))].join('\n')
  useEffect(() => {
    for (const id of accountIds.split('\n')) if (id) kept.getState().ensure(id)
  }, [kept, accountIds])
  return useKept((s) => s.byAccount)
}
/** The columns that fit the list's width, and how wide each is; dragged widths are kept in the settings. */
function useFitted(
  scroller: RefObject<HTMLDivElement | null>,
  sample: readonly KeyRecord[],
  columns: readonly Column[],
  accounts: ReadonlyMap<string, AccountView>,
  sharedNames: ReadonlySet<string>,
) {
  const available = useInnerWidth(scroller)
  const descriptors = useDescriptors()
  const chosen = usePrefs((s) => s.columnWidths)
  const sortKey = usePrefs((s) => s.list.sortKey)
  const sortedBy = columns.find((c) => c.sortKey === sortKey)?.id
  // A list filtered by a flag keeps the column that shows why each row is there.
  const byFlag = usePrefs((s) => s.list.states.some((st) => (FLAG_KINDS as readonly string[]).includes(st)))
  const kept = useMemo(
    (): readonly ColumnId[] => [...(sortedBy ? [sortedBy] : []), ...(byFlag ? (['flags'] as const) : [])],
    [sortedBy, byFlag],
  )
  const { prefs: prefsStore } = useStores()
  const { prefs } = useActions()
  const content = useMemo(
    () => contentWidths(sample, accounts, (k) => descriptors[k.provider]?.name ?? '', sharedNames),
    [sample, accounts, descriptors, sharedNames],
  )
  const fit = useMemo(
    () => fitColumns(columns, available ?? null, content, chosen, kept),
    [columns, available, content, chosen, kept],
  )
  const resizing: Resizing = useMemo(() => {
    const widthOf = (c: Column): number => fit.widths[fit.columns.indexOf(c)] ?? c.min
    return {
      widthOf,
      resize: (c, px) => prefs.setColumnWidths(resized(prefsStore.getState().columnWidths, c, px)),
      reset: (c) => {
        const { [c.id]: _dropped, ...rest } = prefsStore.getState().columnWidths
        prefs.setColumnWidths(rest)
      },
      done: () => prefs.saveColumnWidths(),
    }
  }, [fit, prefs, prefsStore])
  return { ...fit, resizing, measured: available !== undefined }
}
