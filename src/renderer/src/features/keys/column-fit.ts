// Fits the list's columns to the room there is: each whole-content column asks for its content's width, the lowest
// priority columns hide until the rest fit, a hidden column comes back cut if there is room for its minimum, and what
// is left over goes to the columns still cut, then to Name. Nothing then needs sideways scrolling.
import { COLUMN_WIDTH } from '../../../../shared/column-widths'
import type { Column, ColumnId } from './columns'

export type Widths = Readonly<Partial<Record<ColumnId, number>>>

export interface Fitted {
  readonly columns: readonly Column[]
  /** px per shown column, in order. */
  readonly widths: readonly number[]
}

/**
 * `available`: the list's inner width in px, or null before it is measured (then every column shows).
 * `content`: what each whole-content column needs to show its longest value. `chosen`: widths the user dragged to.
 * `kept`: columns that stay whatever their priority (the one the list is sorted or filtered by).
 */
export function fitColumns(
  all: readonly Column[],
  available: number | null,
  content: Widths,
  chosen: Widths,
  kept: readonly ColumnId[] = [],
): Fitted {
  const asks = (c: Column): number => chosen[c.id] ?? (c.whole ? Math.max(c.min, content[c.id] ?? c.min) : c.min)
  const shown = new Set(all)
  const sum = (width: (c: Column) => number): number => [...shown].reduce((n, c) => n + width(c), 0)
  const byPriority = all
    .filter((c) => c.priority !== undefined && !kept.includes(c.id))
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
  if (available === null || available <= 0) return { columns: all, widths: all.map(asks) }

  const hidden: Column[] = []
  for (const c of byPriority) {
    if (sum(asks) <= available) break
    shown.delete(c)
    hidden.push(c)
  }
  // Back, narrower than their content, while their minimum fits: most important first.
  const cut = new Set<Column>()
  for (const c of hidden.reverse()) {
    if (sum(asks) + c.min > available) continue
    shown.add(c)
    cut.add(c)
  }
  const columns = all.filter((c) => shown.has(c))
  const width = new Map(columns.map((c) => [c.id, cut.has(c) ? c.min : asks(c)]))
  let spare = available - [...width.values()].reduce((n, w) => n + w, 0)
  // Still too wide with every hideable column gone: whole-content columns give up their extra, least important first.
  for (const c of [...columns].sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity))) {
    if (spare >= 0) break
    const w = width.get(c.id) ?? c.min
    if (chosen[c.id] !== undefined || w <= c.min) continue
    const less = Math.min(-spare, w - c.min)
    width.set(c.id, w - less)
    cut.add(c)
    spare += less
  }
  // The columns shown cut get back what their content asks for, then Name takes the rest.
  for (const c of columns) {
    if (spare <= 0) break
    if (!cut.has(c)) continue
    const more = Math.min(spare, asks(c) - c.min)
    width.set(c.id, c.min + more)
    spare -= more
  }
  if (spare > 0 && chosen.name === undefined) width.set('name', (width.get('name') ?? 0) + spare)
  return { columns, widths: columns.map((c) => width.get(c.id) ?? c.min) }
}

/** Narrows or widens one column by the user, never below its minimum. */
export function resized(chosen: Widths, column: Column, px: number): Widths {
  // The settings keep a width only up to COLUMN_WIDTH.max: a wider one would fail every later save.
  return { ...chosen, [column.id]: Math.min(COLUMN_WIDTH.max, Math.max(column.min, Math.round(px))) }
}
