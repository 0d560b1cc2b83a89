// The list's columns; which show depends on what the view holds, so a SpaceONE-only list has no empty Arx column.
import type { ProviderId } from '../../../../shared/model'
import type { SortKey } from './select'

export type ColumnId = 'select' | 'name' | 'keyId' | 'account' | 'state' | 'createdAt' | 'age' | 'lastUsed' | 'application' | 'actions'

export interface Column {
  readonly id: ColumnId
  readonly label: string
  readonly sortKey?: SortKey
  readonly track: string
}

const ALL: readonly Column[] = [
  { id: 'select', label: 'Select', track: '36px' },
  { id: 'name', label: 'Name', sortKey: 'name', track: 'minmax(160px, 2fr)' },
  { id: 'keyId', label: 'Key id', sortKey: 'keyId', track: 'minmax(140px, 1.4fr)' },
  { id: 'account', label: 'Account', sortKey: 'account', track: 'minmax(120px, 1.1fr)' },
  { id: 'state', label: 'State', sortKey: 'state', track: 'minmax(150px, 1.6fr)' },
  { id: 'createdAt', label: 'Created', sortKey: 'createdAt', track: '110px' },
  { id: 'age', label: 'Age', sortKey: 'age', track: '76px' },
  { id: 'lastUsed', label: 'Last used', sortKey: 'lastUsedAt', track: 'minmax(110px, 1fr)' },
  { id: 'application', label: 'Application · Arx', sortKey: 'application', track: 'minmax(140px, 1.3fr)' },
  { id: 'actions', label: 'Actions', track: 'minmax(96px, auto)' },
]

export function columnsFor(allView: boolean, providers: ReadonlySet<ProviderId>): readonly Column[] {
  return ALL.filter((c) => {
    if (c.id === 'account') return allView
    if (c.id === 'application') return providers.has('onqlave')
    if (c.id === 'lastUsed') return providers.has('cloudmc') || providers.has('spaceone')
    return true
  })
}

export const gridTemplate = (cols: readonly Column[]): string => cols.map((c) => c.track).join(' ')
