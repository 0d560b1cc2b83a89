// A key's state as an icon and words, including changes that the service accepted but has not applied everywhere.
import type { KeyRecord } from '../../../../shared/model'
import { assertNever } from '../../../../shared/errors'
import { useNow } from '../../components/useNow'
import { usePropagation } from '../../store/stores'
import { clock, exact, relative } from './format'
import { displayState, type DisplayState } from './key-state'
import { Icon, type IconName } from '../../components/Icon'

const ICON: Record<DisplayState['kind'], IconName> = {
  enabled: 'dotFull',
  disabled: 'dotEmpty',
  activating: 'clock',
  enabling: 'half',
  disabling: 'half',
  deleting: 'x',
  deleted: 'x',
  failed: 'alert',
  'change-failed': 'alert',
}

function stateWords(s: DisplayState, now: number): { text: string; title: string } {
  const by = s.settleBy ? `~${clock(s.settleBy)}` : ''
  const left = s.settleBy && Date.parse(s.settleBy) > now ? ` (${relative(s.settleBy, now)})` : ''
  // The row keeps to two short lines; the countdown and the exact time live in the tooltip and the actions column.
  const when = s.settleBy ? `Should be in force everywhere by ${exact(s.settleBy)}${left}.` : ''
  switch (s.kind) {
    case 'enabled':
      return { text: 'Enabled', title: 'The key works.' }
    case 'disabled':
      return { text: 'Disabled', title: 'The key is turned off and can be enabled again.' }
    case 'activating':
      return {
        text: by ? `Activating — ready by ${by}` : 'Activating',
        title: `The service is still creating this key. ${when}`,
      }
    case 'enabling':
      return { text: `Enabling — in force by ${by}`, title: `Enabled, but some servers may still refuse it. ${when}` }
    case 'disabling':
      return {
        text: `Disabling — in force by ${by}`,
        title: `Disabled, but it may still authenticate on some servers until then. ${when}`,
      }
    case 'deleting':
      return {
        text: `Deleted — may work until ${by}`,
        title: `The service accepted the delete; cached copies may still accept the key. ${when}`,
      }
    case 'deleted':
      return { text: 'Deleted', title: 'The service keeps a record of this deleted key; it no longer works.' }
    case 'failed':
      return { text: 'Failed', title: 'The service could not create this key. Delete it and create another.' }
    case 'change-failed':
      return {
        text: 'Change did not apply',
        title: s.note ?? 'The service reports a different state than requested. Check the key and try again.',
      }
    default:
      return assertNever(s.kind)
  }
}

export function StateBadge({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const p = usePropagation(keyRecord.accountId, keyRecord.keyId)
  const now = useNow()
  const s = displayState(keyRecord, p)
  const { text, title } = stateWords(s, now)
  return (
    <span className={`state state-${s.kind}`} title={title}>
      <Icon name={ICON[s.kind]} className="state-icon" /> {text}
    </span>
  )
}
