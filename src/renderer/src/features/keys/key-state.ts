// What a key's state means to the user, combining the service's state with any change still propagating.
import type { KeyRecord, Propagation } from '../../../../shared/model'
import { assertNever } from '../../../../shared/errors'

export type DisplayKind =
  'enabled' | 'disabled' | 'activating' | 'enabling' | 'disabling' | 'deleting' | 'deleted' | 'failed' | 'change-failed'

/** The filter groups offered in the toolbar. */
export const STATE_FILTERS = ['enabled', 'disabled', 'pending', 'propagating', 'deleted', 'failed'] as const
export type StateFilter = (typeof STATE_FILTERS)[number]

export interface DisplayState {
  readonly kind: DisplayKind
  readonly filter: StateFilter
  /** When the change should be in force everywhere (ISO). */
  readonly settleBy?: string
  readonly note?: string
}

export function displayState(key: KeyRecord, p: Propagation | undefined): DisplayState {
  if (p?.state === 'propagating') {
    switch (p.op) {
      case 'create':
        return { kind: 'activating', filter: 'pending', settleBy: p.settleBy }
      case 'enable':
        return { kind: 'enabling', filter: 'propagating', settleBy: p.settleBy }
      case 'disable':
        return { kind: 'disabling', filter: 'propagating', settleBy: p.settleBy }
      case 'delete':
        return { kind: 'deleting', filter: 'propagating', settleBy: p.settleBy }
      default:
        return assertNever(p.op)
    }
  }
  if (p?.state === 'failed' && key.state !== 'deleted') return { kind: 'change-failed', filter: 'failed', note: p.note }
  switch (key.state) {
    case 'enabled':
      return { kind: 'enabled', filter: 'enabled' }
    case 'disabled':
      return { kind: 'disabled', filter: 'disabled' }
    case 'pending':
      return { kind: 'activating', filter: 'pending' }
    case 'deleted':
      return { kind: 'deleted', filter: 'deleted' }
    case 'failed':
      return { kind: 'failed', filter: 'failed' }
    default:
      return assertNever(key.state)
  }
}

export const STATE_FILTER_WORDS: Record<StateFilter, string> = {
  enabled: 'Enabled',
  disabled: 'Disabled',
  pending: 'Activating',
  propagating: 'Propagating',
  deleted: 'Deleted',
  failed: 'Failed',
}

/** Sort order for the state column: working keys first, then changes in flight, then the dead. */
export const STATE_RANK: Record<DisplayKind, number> = {
  enabled: 0,
  enabling: 1,
  activating: 2,
  disabling: 3,
  disabled: 4,
  deleting: 5,
  'change-failed': 6,
  failed: 7,
  deleted: 8,
}
