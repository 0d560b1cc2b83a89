// Everything known about one key, beside the list, with the service's own labels (its descriptor's key fields).
// Escape or Close returns to the list, and focus goes back to whatever opened the panel.
import { useEffect, useRef, useState } from 'react'
import { readOnlyReason } from '../../../../shared/descriptor'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { offeredActions } from '../../actions/offered'
import { CopyButton } from '../../components/CopyButton'
import { Icon } from '../../components/Icon'
import { exact, relative } from '../../components/time'
import { useNow } from '../../components/useNow'
import { useApp, useDescriptor, useKeys } from '../../store/stores'
import { useSlots } from '../../components/slots'
import { isExpiryFlag, keyFlags, type FlagKind } from './flags'
import { nameLines } from './content-widths'
import { Age, Created, LastUsed, ManagedBadge, OwnKeyBadge } from './KeyCells'
import { LiveStateBadge } from './StateBadge'

export function KeyDetail({ uid }: { readonly uid: string }) {
  const cut = uid.indexOf('/')
  const accountId = uid.slice(0, cut)
  const keyId = uid.slice(cut + 1)
  const key = useKeys((s) => s.byAccount[accountId]?.keys.find((k) => k.keyId === keyId))
  const account = useApp((s) => s.accounts.find((a) => a.id === accountId))
  // A name other keys of the account share says less than the key's own id: the id comes first, as in the list.
  const shared = useKeys((s) => (s.byAccount[accountId]?.keys.filter((k) => k.name === key?.name).length ?? 0) > 1)
  const openDetail = useApp((s) => s.openDetail)
  const now = useNow()
  const { KeyActions } = useSlots()
  const heading = useRef<HTMLHeadingElement>(null)
  // The control that opened the panel (a row's name, the palette's field); it gets focus back on close.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  const close = (): void => {
    openDetail(null)
    if (opener?.isConnected) opener.focus()
    else document.getElementById('key-table')?.focus()
  }
  useEffect(() => {
    heading.current?.focus()
  }, [uid])

  if (!key || !account) {
    return (
      <aside className="detail" aria-label="Key details">
        <p>This key is no longer listed.</p>
        <button type="button" onClick={close}>
          Close
        </button>
      </aside>
    )
  }
  return (
    <aside
      className="detail"
      aria-labelledby="detail-title"
      onKeyDown={(e) => {
        // Dialogs opened from the panel live in portals, yet React bubbles their keys here: their Escape is theirs.
        if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) close()
      }}
    >
      <div className="dialog-head">
        <h2 id="detail-title" ref={heading} tabIndex={-1}>
          <Title keyRecord={key} shared={shared} />
        </h2>
        <button type="button" className="icon-button" aria-label="Close key details" onClick={close}>
          <Icon name="x" />
        </button>
      </div>
      <LiveStateBadge keyRecord={key} />
      {account.facts.ownKeyId === key.keyId && (
        <p className="muted">
          <OwnKeyBadge /> KeyDesk signs in to {account.label} with this key: rotate it rather than disable or delete it.
        </p>
      )}
      <Managed keyRecord={key} />
      <Facts uid={uid} accountLabel={account.label} keyRecord={key} now={now} />
      <FlagReasons keyRecord={key} account={account} now={now} />
      <div className="detail-actions">
        <KeyActions keyRecord={key} account={account} labelled />
      </div>
    </aside>
  )
}

function Facts({
  uid,
  accountLabel,
  keyRecord: key,
  now,
}: {
  readonly uid: string
  readonly accountLabel: string
  readonly keyRecord: KeyRecord
  readonly now: number
}) {
  const d = useDescriptor(key.provider)
  // Fields shown only on request (an access key) stay hidden until asked, and again for the next key.
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set())
  const [shownFor, setShownFor] = useState(uid)
  if (shownFor !== uid) {
    setShownFor(uid)
    setShown(new Set())
  }
  return (
    <dl className="facts">
      <div>
        <dt>Key id</dt>
        <dd className="mono">
          {key.keyId} <CopyButton text={key.keyId} label="Copy key id" />
        </dd>
      </div>
      <div>
        <dt>Account</dt>
        <dd>
          {accountLabel} · {d.name}
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          <Created iso={key.createdAt} now={now} /> ({exact(key.createdAt)})
        </dd>
      </div>
      <div>
        <dt>Age</dt>
        <dd>
          <Age iso={key.createdAt} now={now} />
        </dd>
      </div>
      {d.lastUse !== 'absent' && (
        <div>
          <dt>Last used</dt>
          <dd>
            <LastUsed keyRecord={key} lastUse={d.lastUse} now={now} />
          </dd>
        </div>
      )}
      {d.keyFields.map((f) => {
        const v = key.extra[f.name]
        if (!v) return null
        const hidden = f.onRequest && !shown.has(f.name)
        return (
          <div key={f.name}>
            <dt>{f.label}</dt>
            <dd className={f.mono && !hidden ? 'mono' : undefined}>
              {hidden ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => setShown((s) => new Set(s).add(f.name))}
                  aria-label={`Show the ${f.label.toLowerCase()}`}
                >
                  Show
                </button>
              ) : f.time ? (
                <time dateTime={v} title={exact(v)}>
                  {exact(v)} ({relative(v, now)})
                </time>
              ) : (
                <>
                  {v} <CopyButton text={v} label={`Copy the ${f.label.toLowerCase()}`} />
                </>
              )}
            </dd>
          </div>
        )
      })}
    </dl>
  )
}

/** Why KeyDesk offers no changes to this key (a managed app). */
function Managed({ keyRecord }: { readonly keyRecord: KeyRecord }) {
  const reason = readOnlyReason(useDescriptor(keyRecord.provider), keyRecord)
  if (!reason) return null
  return (
    <p className="muted">
      <ManagedBadge reason={reason} /> Read-only here: {reason}
    </p>
  )
}

const FLAG_ICON: Record<FlagKind, 'alert' | 'clock' | 'idle'> = {
  expired: 'alert',
  expiring: 'alert',
  stale: 'clock',
  unused: 'idle',
}

/**
 * Why the key is flagged, in full; an expiry flag comes with the one click into the rotation assistant. A component
 * of its own: a hook may not follow the panel's early return.
 */
function FlagReasons({
  keyRecord,
  account,
  now,
}: {
  readonly keyRecord: KeyRecord
  readonly account: AccountView
  readonly now: number
}) {
  const d = useDescriptor(keyRecord.provider)
  const { keys } = useActions()
  const rotatable = offeredActions(d, keyRecord, undefined).some((a) => a.kind === 'rotate')
  return (
    <>
      {keyFlags(keyRecord, d.lastUse, now).map((f) => (
        <p key={f.kind} className="flag-why">
          <Icon name={FLAG_ICON[f.kind]} /> {f.why}{' '}
          {rotatable && isExpiryFlag(f.kind) && (
            <button type="button" onClick={() => keys.run({ keyRecord, account }, { kind: 'rotate' })}>
              Rotate now…
            </button>
          )}
        </p>
      ))}
    </>
  )
}

function Title({ keyRecord, shared }: { readonly keyRecord: KeyRecord; readonly shared: boolean }) {
  const { primary, secondary } = nameLines(keyRecord, shared)
  return (
    <>
      {primary}
      {secondary && <span className="detail-subtitle muted"> {secondary}</span>}
    </>
  )
}
