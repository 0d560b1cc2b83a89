// What a key's state means to the user: the service's state combined with a change still propagating, in the
// provider's own words (its descriptor's "Deleting", "Disabling", …). A change the service applies at once has no
// in-between state at all.
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import { assertNever } from '../../../../shared/errors'
import { checksPaused, type KeyRecord, type Propagation } from '../../../../shared/model'

export type DisplayKind =
  'enabled' | 'disabled' | 'activating' | 'enabling' | 'disabling' | 'deleting' | 'deleted' | 'failed' | 'change-failed'

/** The filter groups offered in the toolbar. */
export const STATE_FILTERS = ['enabled', 'disabled', 'pending', 'propagating', 'deleted', 'failed'] as const
export type StateFilter = (typeof STATE_FILTERS)[number]

export interface DisplayState {
  readonly kind: DisplayKind
  readonly filter: StateFilter
  /** The one word for this state, everywhere it is shown. */
  readonly word: string
  /** When a window ends (ISO): only for changes whose model is a window. */
  readonly until?: string
  /** The change is confirmed by asking the service again (a polled change). */
  readonly checking?: boolean
  /** KeyDesk stopped checking the change until the account works again. */
  readonly paused?: boolean
  readonly note?: string
}

const PENDING_KIND: Readonly<Record<Propagation['op'], DisplayKind>> = {
  create: 'activating',
  enable: 'enabling',
  disable: 'disabling',
  delete: 'deleting',
  // The key works with its new secret; the old secret is dying like a disable.
  regenerate: 'disabling',
}

const WORDS: Readonly<Record<DisplayKind, string>> = {
  enabled: 'Enabled',
  disabled: 'Disabled',
  activating: 'Activating',
  enabling: 'Enabling',
  disabling: 'Disabling',
  deleting: 'Deleting',
  deleted: 'Deleted',
  failed: 'Failed',
  'change-failed': 'Did not apply',
}

export function displayState(key: KeyRecord, p: Propagation | undefined, d: ProviderDescriptor): DisplayState {
  const rule = p ? d.changes[p.op] : undefined
  if (p?.state === 'propagating' && rule && rule.model !== 'none') {
    const kind = PENDING_KIND[p.op]
    const word = rule.pending ?? WORDS[kind]
    const paused = checksPaused(p) ? { paused: true } : {}
    return rule.model === 'window'
      ? { kind, filter: 'propagating', word, until: p.settleBy, ...paused }
      : { kind, filter: kind === 'activating' ? 'pending' : 'propagating', word, checking: true, ...paused }
  }
  // KeyDesk's check saw the delete done (the key deleted, or gone) after the row was listed: the row's "pending" is
  // older than that answer. Listing the account again to learn it would cost the user a request per delete.
  if (p?.op === 'delete' && p.state === 'settled') return { kind: 'deleted', filter: 'deleted', word: WORDS.deleted }
  // A key the service still lists as pending after a delete was asked for is leaving, not arriving.
  if (p?.op === 'delete' && p.state !== 'failed' && key.state === 'pending')
    return { kind: 'deleting', filter: 'propagating', word: d.changes.delete.pending ?? WORDS.deleting, checking: true }
  if (p?.state === 'failed' && key.state !== 'deleted')
    return { kind: 'change-failed', filter: 'failed', word: WORDS['change-failed'], note: p.note }
  switch (key.state) {
    case 'enabled':
      return { kind: 'enabled', filter: 'enabled', word: WORDS.enabled }
    case 'disabled':
      return { kind: 'disabled', filter: 'disabled', word: WORDS.disabled }
    case 'pending':
      return { kind: 'activating', filter: 'pending', word: d.changes.create.pending ?? WORDS.activating }
    case 'deleted':
      return { kind: 'deleted', filter: 'deleted', word: WORDS.deleted }
    case 'failed':
      return { kind: 'failed', filter: 'failed', word: WORDS.failed }
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
