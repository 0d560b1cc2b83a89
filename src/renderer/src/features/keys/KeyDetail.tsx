// Everything known about one key, beside the list. Escape or Close returns to the list.
import { useEffect, useRef } from 'react'
import { CopyButton } from '../../components/CopyButton'
import { useNow } from '../../components/useNow'
import { useApp, useKeys } from '../../store/stores'
import { PROVIDERS } from '../accounts/providers'
import { KeyRowActions } from '../lifecycle/KeyRowActions'
import { exact } from './format'
import { keyFlags } from './flags'
import { Age, Application, Created, LastUsed, OwnKeyBadge } from './KeyCells'
import { StateBadge } from './StateBadge'
import { Icon } from '../../components/Icon'

export function KeyDetail({ uid }: { readonly uid: string }) {
  const cut = uid.indexOf('/')
  const accountId = uid.slice(0, cut)
  const keyId = uid.slice(cut + 1)
  const key = useKeys((s) => s.byAccount[accountId]?.keys.find((k) => k.keyId === keyId))
  const account = useApp((s) => s.accounts.find((a) => a.id === accountId))
  const close = useApp((s) => s.openDetail)
  const now = useNow()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [uid])

  if (!key || !account) {
    return (
      <aside className="detail" aria-label="Key details">
        <p>This key is no longer listed.</p>
        <button type="button" onClick={() => close(null)}>
          Close
        </button>
      </aside>
    )
  }
  const extra = Object.entries(key.extra).filter(([k]) => k !== 'applicationName' && k !== 'clusterName')
  return (
    <aside
      className="detail"
      aria-labelledby="detail-title"
      onKeyDown={(e) => {
        // Dialogs opened from the panel live in portals, yet React bubbles their keys here: their Escape is theirs.
        if (e.key === 'Escape' && !e.defaultPrevented && e.currentTarget.contains(e.target as Node)) close(null)
      }}
    >
      <div className="dialog-head">
        <h2 id="detail-title" ref={heading} tabIndex={-1}>
          {key.name || key.keyId}
        </h2>
        <button type="button" className="icon-button" aria-label="Close key details" onClick={() => close(null)}>
          <Icon name="x" />
        </button>
      </div>
      <StateBadge keyRecord={key} />
      {account.facts.ownKeyId === key.keyId && (
        <p className="muted">
          <OwnKeyBadge /> KeyDesk signs in to {account.label} with this key: rotate it rather than disable or delete it.
        </p>
      )}
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
            {account.label} · {PROVIDERS[account.provider].name}
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
        <div>
          <dt>Last used</dt>
          <dd>
            <LastUsed keyRecord={key} now={now} />
          </dd>
        </div>
        {(key.extra.applicationName || key.extra.clusterName) && (
          <div>
            <dt>Application · Arx</dt>
            <dd>
              <Application keyRecord={key} />
            </dd>
          </div>
        )}
        {extra.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      </dl>
      {keyFlags(key, now).map((f) => (
        <p key={f.kind} className="flag-why">
          <Icon name={f.kind === 'old' ? 'clock' : 'idle'} /> {f.why}
        </p>
      ))}
      <div className="detail-actions">
        <KeyRowActions keyRecord={key} account={account} />
      </div>
    </aside>
  )
}
