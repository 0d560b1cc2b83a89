// Which row elements a render may reuse. Rows are reused by position while the user's own search, filters or sort
// change what they show: a keystroke then updates the rows in view in place instead of mounting new ones (bench rows 4
// and 4b). When the rows change any other way (a listing arriving, a propagation settling under a state filter) and
// that would put another key in a row on screen, the generation moves on and every row is mounted afresh, so an
// element found by automation or assistive technology never starts meaning another key by itself. A listing that
// leaves every key on screen where it was (the usual refresh) keeps the rows, their focus and an open menu.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { KeyRecord } from '../../../../shared/model'

const uidOf = (k: KeyRecord | undefined): string | undefined => k && `${k.accountId}/${k.keyId}`

/** `first`/`end`: the rows on screen (useVisibleRows). */
export function useRowGeneration(rows: readonly KeyRecord[], query: object, first: number, end: number): number {
  const [seen, setSeen] = useState({ rows, query, generation: 0 })
  if (seen.rows === rows && seen.query === query) return seen.generation
  let moved = false
  if (seen.query === query) {
    for (let i = first; i < end && !moved; i += 1) {
      const before = uidOf(seen.rows[i])
      const after = uidOf(rows[i])
      moved = before !== undefined && after !== undefined && before !== after
    }
  }
  const generation = moved ? seen.generation + 1 : seen.generation
  setSeen({ rows, query, generation })
  return generation
}

/**
 * When a new generation mounts the rows afresh while a control in a row had the keyboard (its element is gone), the
 * same control of the same key gets it back, or the grid when the key is no longer on screen: focus never falls out of
 * the list because a listing moved the keys.
 */
export function useKeepRowFocus(scroller: RefObject<HTMLElement | null>, generation: number): void {
  const last = useRef<{ readonly element: Element; readonly key: string; readonly cell: string; readonly nth: number }>(
    null,
  )
  useEffect(() => {
    const grid = scroller.current
    if (!grid) return
    const onFocus = (e: FocusEvent): void => {
      const target = e.target instanceof HTMLElement ? e.target : null
      const row = target?.closest<HTMLElement>('[role="row"][data-key]')
      const cell = target?.closest<HTMLElement>('[role="gridcell"]')
      last.current =
        target && row && cell
          ? {
              element: target,
              key: row.dataset.key ?? '',
              cell: cell.className,
              nth: [...cell.querySelectorAll(CONTROLS)].indexOf(target),
            }
          : null
    }
    grid.addEventListener('focusin', onFocus)
    return () => grid.removeEventListener('focusin', onFocus)
  }, [scroller])
  useLayoutEffect(() => {
    const grid = scroller.current
    const was = last.current
    if (!grid || !was || was.element.isConnected) return
    last.current = null
    if (document.activeElement && document.activeElement !== document.body) return
    const row = [...grid.querySelectorAll<HTMLElement>('[role="row"][data-key]')].find((r) => r.dataset.key === was.key)
    const cell = [...(row?.querySelectorAll('[role="gridcell"]') ?? [])].find((c) => c.className === was.cell)
    const control = cell?.querySelectorAll<HTMLElement>(CONTROLS)[was.nth]
    ;(control ?? grid).focus()
  }, [generation, scroller])
}

const CONTROLS = 'button, input'
