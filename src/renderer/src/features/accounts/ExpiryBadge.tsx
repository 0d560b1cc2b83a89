// The keys a reminder is due for, across every account: expired, or expiring within the first reminder's days.
// One click shows just them in the list (the Flags filter "expired" and "expiring").
import { expiryFlag } from '../../../../shared/expiry'
import type { KeyRecord } from '../../../../shared/model'
import { Icon } from '../../components/Icon'
import { useNow } from '../../components/useNow'
import { useActions } from '../../actions/context'
import { useApp, useKeys } from '../../store/stores'
import './accounts.css'

export const EXPIRY_FILTER = ['expired', 'expiring'] as const

/** Per listing and minute: a refresh of one account does not recount the others. */
const counted = new WeakMap<readonly KeyRecord[], { readonly now: number; readonly n: number }>()
function dueIn(keys: readonly KeyRecord[], now: number): number {
  const hit = counted.get(keys)
  if (hit?.now === now) return hit.n
  let n = 0
  for (const k of keys) if (k.expiresAt && expiryFlag(k, now)) n += 1
  counted.set(keys, { now, n })
  return n
}

export function ExpiryBadge() {
  const now = useNow()
  // A number, so the sidebar re-renders only when the count changes, not on every listing.
  const due = useKeys((s) => Object.values(s.byAccount).reduce((n, a) => n + dueIn(a.keys, now), 0))
  const openView = useApp((s) => s.openView)
  const { setList } = useActions().prefs
  if (due === 0) return null
  return (
    <button
      type="button"
      className="expiry-badge"
      onClick={() => {
        openView('all')
        setList({ states: [...EXPIRY_FILTER] })
      }}
      title="Show the keys, in every account, that have expired or expire within 30 days"
    >
      <Icon name="bell" /> <span className="count-badge">{due}</span> expiring or expired
    </button>
  )
}
