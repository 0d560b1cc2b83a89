// A key's state as an icon and one word, with when a window ends in words; the long form is in the tooltip.
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import type { KeyRecord, Propagation } from '../../../../shared/model'
import { Icon, type IconName } from '../../components/Icon'
import { clock, exact, relative, timesInWords } from '../../components/time'
import { useNow } from '../../components/useNow'
import { useDescriptor, usePropagation } from '../../store/stores'
import { displayState, type DisplayState } from './key-state'

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

const MEANING: Record<DisplayState['kind'], string> = {
  enabled: 'The key works.',
  disabled: 'The key is turned off and can be enabled again.',
  activating: 'The service is still creating this key.',
  enabling: 'Enabled, but some servers may still refuse it.',
  disabling: 'Disabled, but it may still authenticate on some servers until then.',
  deleting: 'The service accepted the delete; the key may still work until it is done.',
  deleted: 'The service keeps a record of this deleted key; it no longer works.',
  failed: 'The service could not create this key. Delete it and create another.',
  'change-failed': 'The service reports a different state than requested. Check the key and try again.',
}

export function stateWords(s: DisplayState, service: string, now: number): { text: string; title: string } {
  if (s.paused)
    return {
      text: `${s.word} — checks paused`,
      title: `${MEANING[s.kind]} KeyDesk cannot confirm it with ${service} until the account works again.`,
    }
  if (s.until && Date.parse(s.until) > now)
    return {
      text: `${s.word} — in force at ${clock(s.until)}`,
      title: `${MEANING[s.kind]} In force everywhere at ${exact(s.until)} (${relative(s.until, now)}).`,
    }
  if (s.until || s.checking)
    return { text: `${s.word} — checking with ${service}`, title: `${MEANING[s.kind]} KeyDesk is confirming it.` }
  if (s.kind === 'change-failed')
    return { text: s.word, title: s.note ? timesInWords(s.note, now) : MEANING['change-failed'] }
  return { text: s.word, title: MEANING[s.kind] }
}

/** Plain props, no subscriptions: a list row mounts one per key in view, and its table already holds these. */
export function StateBadge({
  keyRecord,
  propagation: p,
  descriptor: d,
  now,
}: {
  readonly keyRecord: KeyRecord
  readonly propagation: Propagation | undefined
  readonly descriptor: ProviderDescriptor
  readonly now: number
}) {
  const s = displayState(keyRecord, p, d)
  const { text, title } = stateWords(s, d.name, now)
  return (
    <span className={`state state-${s.kind}`} title={title}>
      <Icon name={ICON[s.kind]} className="state-icon" /> {text}
    </span>
  )
}

/** The state of one key shown on its own (the detail panel), following its propagation and the clock. */
export function LiveStateBadge({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const p = usePropagation(keyRecord.accountId, keyRecord.keyId)
  const d = useDescriptor(keyRecord.provider)
  const now = useNow()
  return <StateBadge keyRecord={keyRecord} propagation={p} descriptor={d} now={now} />
}
