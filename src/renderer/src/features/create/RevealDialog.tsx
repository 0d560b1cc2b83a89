// The one-time reveal. A stray click outside does nothing and Escape asks first: the secret cannot be shown again.
// Closing releases the core's handle; the parent then drops the CreatedKey, so the secret leaves the page.
import { useEffect, useState } from 'react'
import type { AccountView, CreatedKey } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { CopyButton } from '../../components/CopyButton'
import { Dialog } from '../../components/Dialog'
import { useApp } from '../../store/stores'
import { toProblem } from '../../store/problem'
import { ExportButtons } from './ExportButtons'
import { SecretPartRow } from './SecretPartRow'
import { TryKey } from './TryKey'
import '../../components/dialog-steps.css'
import { Icon } from '../../components/Icon'

interface Props {
  readonly account: AccountView
  readonly created: CreatedKey
  readonly onClosed: () => void
  /** Rotation adds what happens next. */
  readonly footer?: string
}

export function RevealDialog({ account, created, onClosed, footer }: Props) {
  const [confirming, setConfirming] = useState(false)
  const [kept, setKept] = useState(created.kept)
  const handle = created.handle
  const { secrets } = useActions()
  // However the dialog goes away (closed, or its parent unmounted), the core drops the secret it holds for it.
  useEffect(() => () => secrets.release(handle), [handle, secrets])
  const close = (): void => {
    secrets.release(handle)
    onClosed()
  }
  const ask = (): void => setConfirming(true)
  const title = `New key ${created.key.name !== created.key.keyId ? `“${created.key.name}”` : created.key.keyId}`
  return (
    <Dialog
      wide
      className="reveal"
      title={title}
      // A stray click outside does nothing and Escape or × ask first: the secret cannot be shown again.
      guard={ask}
      onClose={close}
      description={
        <span className="warning">
          <Icon name="alert" /> {account.label}: this is the only time KeyDesk can show this secret.{' '}
          {kept
            ? 'It is kept in your keychain, so you can still copy or export it later from the key’s actions.'
            : 'Copy or export it now, or keep it in your keychain: once this window closes, it cannot be had again.'}
        </span>
      }
      footer={
        <button type="button" className="primary" onClick={ask}>
          Done
        </button>
      }
    >
      <div className="parts">
        {created.parts.map((p) => (
          <SecretPartRow key={p.label} part={p} handle={handle} />
        ))}
      </div>
      {created.endpoints.length > 0 && (
        <section aria-label="Endpoints" className="reveal-endpoints">
          {/* The list scrolls past a few: its heading says how many there are. */}
          <h3>Endpoints ({created.endpoints.length})</h3>
          <ul>
            {created.endpoints.map((e) => (
              <li key={`${e.service} ${e.url}`}>
                <span className="part-label">{e.service}</span> <code>{e.url}</code>
                <CopyButton text={e.url} label={`Copy ${e.service} endpoint`} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <ExportButtons secretRef={{ handle }} formats={created.exports} />
      <TryKey secretRef={{ handle }} />
      <KeepControl accountId={account.id} handle={handle} kept={kept} onKept={() => setKept(true)} />
      {footer && <p className="muted">{footer}</p>}
      {confirming && <ConfirmClose kept={kept} onStay={() => setConfirming(false)} onClose={close} />}
    </Dialog>
  )
}

function KeepControl({
  accountId,
  handle,
  kept,
  onKept,
}: {
  accountId: string
  handle: string
  kept: boolean
  onKept: () => void
}) {
  const vault = useApp((s) => s.vault)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const actions = useActions()
  if (kept)
    return (
      <p className="good" role="status">
        <Icon name="check" /> Kept in your keychain: copy or export it again later from the key’s actions.
      </p>
    )
  const keep = (): void => {
    setBusy(true)
    actions.create
      .keep(accountId, handle)
      .then(onKept, (err: unknown) => setProblem(toProblem(err).message))
      .finally(() => setBusy(false))
  }
  return (
    <div className="keep">
      <button type="button" onClick={keep} disabled={busy || (vault !== null && vault.state !== 'available')}>
        Keep in keychain
      </button>
      <span role="status" className={problem ? 'bad' : 'muted'}>
        {problem ??
          (vault && vault.state !== 'available'
            ? `The keychain is ${vault.state}.`
            : 'Not kept: once closed, KeyDesk cannot show it again.')}
      </span>
    </div>
  )
}

function ConfirmClose({
  kept,
  onStay,
  onClose,
}: {
  readonly kept: boolean
  readonly onStay: () => void
  readonly onClose: () => void
}) {
  return (
    <Dialog
      alert
      title="Close the secret?"
      onClose={onStay}
      description={
        kept
          ? 'You will not be able to see this secret again here. KeyDesk keeps it in your keychain, so you can still copy or export it from the key’s actions.'
          : 'You will not be able to see this secret again. Copy or export it first if you still need it.'
      }
      footer={
        <>
          <button type="button" onClick={onStay}>
            Back to the secret
          </button>
          <button type="button" className="danger" onClick={onClose}>
            Close
          </button>
        </>
      }
    />
  )
}
