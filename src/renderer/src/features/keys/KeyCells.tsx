// Cell contents shared by the list row and the detail panel.
import type { KeyRecord } from '../../../../shared/model'
import { ageDays, exact, relative } from './format'
import { keyFlags } from './flags'
import { Icon } from '../../components/Icon'

export function Flags({ keyRecord, now }: { readonly keyRecord: KeyRecord; readonly now: number }) {
  const flags = keyFlags(keyRecord, now)
  if (!flags.length) return null
  return (
    <>
      {flags.map((f) => (
        <span key={f.kind} className={`flag flag-${f.kind}`} title={f.why}>
          <Icon name={f.kind === 'old' ? 'clock' : 'idle'} />
          <span className="sr-only">{f.why}</span>
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

export function LastUsed({ keyRecord, now }: { readonly keyRecord: KeyRecord; readonly now: number }) {
  const { lastUsedAt, lastUsedIp, provider } = keyRecord
  if (!lastUsedAt && !lastUsedIp) {
    const why = provider === 'cloudmc' ? 'Never used' : 'Not reported by this service'
    return (
      <span className="muted" title={why}>
        {provider === 'cloudmc' ? 'never' : '—'}
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
    <span title={`Application ${applicationName ?? '—'}, Arx ${clusterName ?? '—'}`}>
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
