// The list's columns; which show depends on what the view holds, so a SpaceONE-only list has no empty Arx column.
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
  | 'application'
  | 'actions'

export interface Column {
  readonly id: ColumnId
  readonly label: string
  readonly sortKey?: SortKey
  /** px: the table scrolls sideways rather than squeeze a column below this. */
  readonly min: number
  readonly track: string
}

const col = (id: ColumnId, label: string, min: number, grow: number, sortKey?: SortKey): Column => ({
  id,
  label,
  min,
  track: grow ? `minmax(${min}px, ${grow}fr)` : `${min}px`,
  ...(sortKey ? { sortKey } : {}),
})

const ALL: readonly Column[] = [
  col('select', 'Select', 36, 0),
  col('name', 'Name', 120, 2, 'name'),
  col('keyId', 'Key id', 140, 1.5, 'keyId'),
  col('account', 'Account', 90, 1.1, 'account'),
  col('state', 'State', 170, 1.4, 'state'),
  col('flags', 'Flags', 70, 0, 'flags'),
  col('createdAt', 'Created', 88, 0, 'createdAt'),
  col('age', 'Age', 48, 0, 'age'),
  col('lastUsed', 'Last used', 90, 1, 'lastUsedAt'),
  col('application', 'App · Arx', 100, 1.2, 'application'),
  col('actions', 'Actions', 120, 0),
]

/** `inView`: the descriptors of the providers the list shows; a column no shown service fills is left out. */
export function columnsFor(allView: boolean, inView: readonly ProviderDescriptor[]): readonly Column[] {
  return ALL.filter((c) => {
    if (c.id === 'account') return allView
    if (c.id === 'application') return inView.some((d) => d.keyFields.some((f) => f.name === 'applicationName'))
    if (c.id === 'lastUsed') return inView.some((d) => d.lastUse !== 'absent')
    return true
  })
}

export const gridTemplate = (cols: readonly Column[]): string => cols.map((c) => c.track).join(' ')

export const minWidth = (cols: readonly Column[]): number => cols.reduce((n, c) => n + c.min, 0)
