// Cell contents shared by the list row and the detail panel.
import type { LastUse } from '../../../../shared/descriptor'
import { expiryFlag, expiryWords } from '../../../../shared/expiry'
import type { KeyRecord } from '../../../../shared/model'
import { ageDays, exact, relative } from '../../components/time'
import { isExpiryFlag, keyFlags, type Flag } from './flags'
import './keys.css'

/** A list row has room for two flags, one a line: a third would be cut off by the row. */
const FLAGS_IN_ROW = 2

/**
 * The flags as words: a reader sees "stale" or "expiring", not an icon to decode. With `onRotate`, an expiry flag is
 * the one-click way into the rotation assistant. Past two, the first stays and "+N" names the rest in its title; the
 * flags in `first` (what the list is filtered by) come first, so the one that put the row in the list is never hidden.
 */
export function Flags({
  keyRecord,
  lastUse,
  now,
  onRotate,
  first = [],
}: {
  readonly keyRecord: KeyRecord
  readonly lastUse: LastUse
  readonly now: number
  readonly onRotate?: () => void
  readonly first?: readonly string[]
}) {
  const all = keyFlags(keyRecord, lastUse, now)
  const flags = [...all.filter((f) => first.includes(f.kind)), ...all.filter((f) => !first.includes(f.kind))]
  if (!flags.length) return null
  const shown = flags.length > FLAGS_IN_ROW ? flags.slice(0, FLAGS_IN_ROW - 1) : flags
  const rest = flags.slice(shown.length)
  return (
    <>
      {shown.map((f) =>
        onRotate && isExpiryFlag(f.kind) ? (
          <button
            key={f.kind}
            type="button"
            tabIndex={-1}
            className={`flag flag-${f.kind}`}
            title={`${f.why} Click to rotate it.`}
            onClick={onRotate}
          >
            {f.kind}
            <span className="sr-only">: {f.why} Rotate it.</span>
          </button>
        ) : (
          <FlagChip key={f.kind} flag={f} />
        ),
      )}
      {rest.length > 0 && (
        <span className="flag flag-more" title={rest.map((f) => `${f.kind}: ${f.why}`).join('\n')}>
          {`+${rest.length}`}
          <span className="sr-only"> more: {rest.map((f) => `${f.kind}: ${f.why}`).join(' ')}</span>
        </span>
      )}
    </>
  )
}

function FlagChip({ flag }: { readonly flag: Flag }) {
  return (
    <span className={`flag flag-${flag.kind}`} title={flag.why}>
      {flag.kind}
      <span className="sr-only">: {flag.why}</span>
    </span>
  )
}

/** The expiry flag beside a key's name, where the list has no room for its Flags column. */
export function ExpiryChip({
  keyRecord,
  lastUse,
  now,
}: {
  readonly keyRecord: KeyRecord
  readonly lastUse: LastUse
  readonly now: number
}) {
  const flag = keyFlags(keyRecord, lastUse, now).find((f) => isExpiryFlag(f.kind))
  return flag ? <FlagChip flag={flag} /> : null
}

export function Created({ iso, now }: { readonly iso: string; readonly now: number }) {
  // A service clock a little ahead of ours must not make a past event read as "in a moment".
  return (
    <time dateTime={iso} title={exact(iso)}>
      {relative(iso, Math.max(now, Date.parse(iso) || now))}
    </time>
  )
}

export function Age({ iso, now }: { readonly iso: string; readonly now: number }) {
  const d = ageDays(iso, now)
  return <span title={`Created ${exact(iso)}`}>{d} d</span>
}

export function LastUsed({
  keyRecord,
  lastUse,
  now,
}: {
  readonly keyRecord: KeyRecord
  readonly lastUse: LastUse
  readonly now: number
}) {
  const { lastUsedAt, lastUsedIp } = keyRecord
  if (!lastUsedAt && !lastUsedIp) {
    const reported = lastUse === 'reported'
    const why = reported ? 'Never used' : 'Not reported by this service'
    return (
      <span className="muted" title={why}>
        {reported ? 'never' : '—'}
        <span className="sr-only"> {why}</span>
      </span>
    )
  }
  return (
    <span
      className="last-used"
      title={[lastUsedAt && exact(lastUsedAt), lastUsedIp && `from ${lastUsedIp}`].filter(Boolean).join(' ')}
    >
      {lastUsedAt && <span>{relative(lastUsedAt, Math.max(now, Date.parse(lastUsedAt) || now))}</span>}
      {lastUsedIp && (
        <span className="muted mono truncate">
          <span className="sr-only">from </span>
          {lastUsedIp}
        </span>
      )}
    </span>
  )
}

export function Application({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const { applicationName, clusterName } = keyRecord.extra
  if (!applicationName && !clusterName) return null
  return (
    <span className="truncate whole" title={`Application ${applicationName ?? '—'}, Arx ${clusterName ?? '—'}`}>
      {[applicationName, clusterName].filter(Boolean).join(' · ')}
    </span>
  )
}

/** The key KeyDesk itself signs in with: disabling or deleting it locks KeyDesk out of the account. */
export function OwnKeyBadge() {
  return (
    <span
      className="badge"
      title="KeyDesk signs in to this account with this key. Disabling or deleting it locks KeyDesk out: rotate it instead."
    >
      KeyDesk<span className="sr-only"> signs in with this key</span>
    </span>
  )
}

/** When the key stops working by itself: the date, the days left or passed in the tooltip; "—" when it never does. */
export function Expires({ keyRecord, now }: { readonly keyRecord: KeyRecord; readonly now: number }) {
  const at = keyRecord.expiresAt
  if (!at) {
    return (
      <span className="muted" title="Does not expire">
        —<span className="sr-only"> does not expire</span>
      </span>
    )
  }
  const flag = expiryFlag(keyRecord, now)
  return (
    <time dateTime={at} title={expiryWords(at, now)} className={flag ? `expiry-${flag}` : undefined}>
      {at.slice(0, 10)}
    </time>
  )
}

/** A key KeyDesk shows but must not change (a managed app), with the reason. */
export function ManagedBadge({ reason }: { readonly reason: string }) {
  return (
    <span className="badge" title={reason}>
      Managed<span className="sr-only">: {reason}</span>
    </span>
  )
}
