// Which rows of the key table are in view. Every row has the same height, so the window follows from the scroll
// position alone: nothing is measured per row, and a render costs the same at 100 keys and at 50,000.
import { useLayoutEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** Index of the first row to render. */
  readonly first: number
  /** One past the last row to render. */
  readonly end: number
}

/** Where the scroller reports no height (nothing laid out, as in tests), a typical window's height. */
const FALLBACK_HEIGHT = 600

/**
 * Before the scroller is read at mount: enough rows for the whole window's height, which the table's own area never
 * exceeds. The key table renders no row before then, so this is only ever a starting state.
 */
function firstWindow(rowHeight: number, overscan: number): RowWindow {
  const height = typeof window === 'undefined' ? FALLBACK_HEIGHT : window.innerHeight || FALLBACK_HEIGHT
  return { first: 0, end: Math.ceil(height / rowHeight) + overscan }
}

function windowOf(el: HTMLElement, rowHeight: number, offset: number, overscan: number): RowWindow {
  const top = Math.max(0, el.scrollTop - offset)
  const height = el.clientHeight || FALLBACK_HEIGHT
  return {
    first: Math.max(0, Math.floor(top / rowHeight) - overscan),
    end: Math.ceil((top + height) / rowHeight) + overscan,
  }
}

/**
 * The rows of `scroller` to render: those in view plus `overscan` on each side. `offset` is the height above the
 * first row inside the scroller (the sticky header). Re-renders only when the window moves by a row, not per pixel;
 * a list that shrinks under the scroll position is clamped by the browser, whose scroll event moves the window.
 */
export function useVisibleRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  offset: number,
  overscan: number,
): RowWindow {
  const [win, setWin] = useState<RowWindow>(() => firstWindow(rowHeight, overscan))
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const update = (): void => {
      const next = windowOf(el, rowHeight, offset, overscan)
      setWin((w) => (w.first === next.first && w.end === next.end ? w : next))
    }
    el.addEventListener('scroll', update, { passive: true })
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null
    resize?.observe(el)
    // Read at mount, in the same layout the key table's width read (useInnerWidth) needs before it renders any row:
    // the first rows rendered are then the table's own height, not the window's, for no extra layout.
    update()
    return () => {
      el.removeEventListener('scroll', update)
      resize?.disconnect()
    }
  }, [scroller, rowHeight, offset, overscan])
  const end = Math.min(win.end, count)
  return { first: Math.min(win.first, end), end }
}
