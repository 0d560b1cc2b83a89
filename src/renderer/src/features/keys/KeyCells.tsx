// Cell contents shared by the list row and the detail panel.
import type { LastUse } from '../../../../shared/descriptor'
import type { KeyRecord } from '../../../../shared/model'
import { ageDays, exact, relative } from '../../components/time'
import { keyFlags } from './flags'

/** The flags as words: a reader sees "stale" or "unused", not an icon to decode. */
export function Flags({
  keyRecord,
  lastUse,
  now,
}: {
  readonly keyRecord: KeyRecord
  readonly lastUse: LastUse
  readonly now: number
}) {
  const flags = keyFlags(keyRecord, lastUse, now)
  if (!flags.length) return null
  return (
    <>
      {flags.map((f) => (
        <span key={f.kind} className={`flag flag-${f.kind}`} title={f.why}>
          {f.kind}
          <span className="sr-only">: {f.why}</span>
        </span>
      ))}
    </>
  )
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
