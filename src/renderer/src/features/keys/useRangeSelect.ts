// Shift with a move key selects from the row where Shift was first used to the row reached, as file managers do:
// moving back shrinks the range, and what was selected before that run of Shift stays selected.
import { useRef } from 'react'
import type { KeyRecord } from '../../../../shared/model'

interface Run {
  readonly anchor: string
  /** Where the anchor was last seen: looked up again only when the rows have changed under it. */
  readonly at: number
  readonly before: ReadonlySet<string>
  readonly range: readonly string[]
}

const uidOf = (k: KeyRecord): string => `${k.accountId}/${k.keyId}`

export function useRangeSelect(
  rows: readonly KeyRecord[],
  selected: () => ReadonlySet<string>,
  selectMany: (uids: readonly string[], on: boolean) => void,
) {
  const run = useRef<Run | null>(null)
  return {
    /** Shift and a move from row `from` to row `to`. */
    extend(from: number, to: number): void {
      const r = run.current
      const where = r ? rows[r.at] : undefined
      const seen = r && where && uidOf(where) === r.anchor ? r.at : -1
      const at = r && seen < 0 ? rows.findIndex((k) => uidOf(k) === r.anchor) : seen
      const start = r && at >= 0 ? { ...r, at } : startAt(rows, from, selected())
      if (!start) return
      const range = rows.slice(Math.min(start.at, to), Math.max(start.at, to) + 1).map(uidOf)
      const kept = new Set(range)
      const left = start.range.filter((u) => !kept.has(u) && !start.before.has(u))
      if (left.length > 0) selectMany(left, false)
      selectMany(range, true)
      run.current = { ...start, range }
    },
    /** Shift was let go, or the keyboard did something else: the next Shift move starts a new range. */
    end(): void {
      run.current = null
    },
  }
}

function startAt(rows: readonly KeyRecord[], from: number, before: ReadonlySet<string>): Run | null {
  const k = rows[from]
  return k ? { anchor: uidOf(k), at: from, before: new Set(before), range: [] } : null
}
