// The list's columns; which show depends on what the view holds (a SpaceONE-only list has no empty Arx column) and on
// the room there is (column-fit.ts hides the lowest priority first).
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import type { SortKey } from './select'

export type ColumnId =
  | 'select'
  | 'name'
  | 'keyId'
  | 'account'
  | 'state'
  | 'flags'
  | 'createdAt'
  | 'age'
  | 'lastUsed'
  | 'expires'
  | 'application'
  | 'actions'

export interface Column {
  readonly id: ColumnId
  readonly label: string
  readonly sortKey?: SortKey
  /** px: never narrower than this, even when the user drags it. */
  readonly min: number
  /** Which hides first when the window is narrow: the lowest. Absent: never hidden. */
  readonly priority?: number
  /** Its content should be read whole (ids, labels): it asks for its content's width, not only its minimum. */
  readonly whole?: boolean
  /** The user may drag its edge. */
  readonly resizable: boolean
}

const col = (
  id: ColumnId,
  label: string,
  min: number,
  opts: { sortKey?: SortKey; priority?: number; whole?: boolean; fixed?: boolean } = {},
): Column => ({
  id,
  label,
  min,
  resizable: !opts.fixed,
  ...(opts.sortKey ? { sortKey: opts.sortKey } : {}),
  ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
  ...(opts.whole ? { whole: true } : {}),
})

// Hidden first → last: App · Arx (Onqlave's names carry it), Age (Created says it), Last used, Created, Flags,
// Key id, Account. Name, State, the actions and the column the list is sorted by always stay.
const ALL: readonly Column[] = [
  col('select', 'Select', 36, { fixed: true }),
  col('name', 'Name', 140, { sortKey: 'name', whole: true }),
  col('keyId', 'Key id', 110, { sortKey: 'keyId', priority: 5, whole: true }),
  col('account', 'Account', 110, { sortKey: 'account', priority: 6, whole: true }),
  col('state', 'State', 150, { sortKey: 'state' }),
  // One flag a line: a second wraps under the first (a row shows two at most).
  col('flags', 'Flags', 70, { sortKey: 'flags', priority: 4 }),
  // Whole: the longest relative time, "24 months ago", measured in the font the cells use (content-widths.ts).
  col('createdAt', 'Created', 104, { sortKey: 'createdAt', priority: 3, whole: true }),
  col('age', 'Age', 56, { sortKey: 'age', priority: 1 }),
  col('lastUsed', 'Last used', 104, { sortKey: 'lastUsedAt', priority: 2, whole: true }),
  // Expiry outlasts Created: a key about to stop working matters more than when it was made.
  col('expires', 'Expires', 96, { sortKey: 'expiresAt', priority: 3.5 }),
  col('application', 'App · Arx', 110, { sortKey: 'application', priority: 0, whole: true }),
  col('actions', 'Actions', 52, { fixed: true }),
]

/** `inView`: the descriptors of the providers the list shows; a column no shown service fills is left out. */
export function columnsFor(allView: boolean, inView: readonly ProviderDescriptor[]): readonly Column[] {
  return ALL.filter((c) => {
    if (c.id === 'account') return allView
    if (c.id === 'application') return inView.some((d) => d.keyFields.some((f) => f.name === 'applicationName'))
    if (c.id === 'lastUsed') return inView.some((d) => d.lastUse !== 'absent')
    if (c.id === 'expires') return inView.some((d) => d.expiry !== undefined)
    return true
  })
}
