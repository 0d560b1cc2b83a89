// The rotation checklist: every step visible, the current one highlighted and actionable; closing keeps the rotation.
import { useState } from 'react'
import { assertNever } from '../../../../shared/errors'
import type { AccountView, CreatedKey, KeyRecord, Rotation } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { accountById } from '../../store/app'
import { useApp, useDescriptor, useKeys, useRotations } from '../../store/stores'
import { toProblem, type Problem } from '../../store/problem'
import { useSlots } from '../../components/slots'
import { ConfirmChange } from './ConfirmChange'
import { RotationSteps } from './RotationSteps'
import { stepDetail, stopQuestion } from './rotation-steps'
import { WaitCountdown } from './WaitCountdown'
import '../../components/dialog-steps.css'
import './lifecycle.css'
import { Icon } from '../../components/Icon'
import { useNow } from '../../components/useNow'

export function RotationDialog({ rotationId, onClose }: { readonly rotationId: string; readonly onClose: () => void }) {
  const { Reveal } = useSlots()
  const rotation = useRotations((s) => s.rotations.find((r) => r.id === rotationId))
  const account = useApp((s) => (rotation ? accountById(s.accounts, rotation.accountId) : undefined))
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [creating, setCreating] = useState(false)
  if (created && account) {
    return (
      <Reveal
        account={account}
        created={created}
        onClosed={() => setCreated(null)}
        footer="Next: put the new key wherever the old one is used, then continue the rotation."
      />
    )
  }
  return (
    <Dialog
      wide
      title={`Rotate ${rotation?.oldKeyId ?? 'key'}`}
      description={
        account
          ? `${account.label}. Each step is saved: close this and KeyDesk shows the rotation again, even after a restart.`
          : 'This rotation is no longer in progress.'
      }
      // While its new key is being created the dialog stays: the answer carries the only copy of the secret.
      guard={creating}
      onClose={onClose}
    >
      {rotation && account && (
        <RotationBody
          rotation={rotation}
          account={account}
          onCreated={setCreated}
          onCreating={setCreating}
          onClose={onClose}
        />
      )}
    </Dialog>
  )
}

interface BodyProps {
  readonly rotation: Rotation
  readonly account: AccountView
  readonly onCreated: (c: CreatedKey) => void
  readonly onCreating: (running: boolean) => void
  readonly onClose: () => void
}

function RotationBody({ rotation: r, account, onCreated, onCreating, onClose }: BodyProps) {
  const { CreateFlow: Create } = useSlots()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const [confirm, setConfirm] = useState<'disable' | 'delete' | null>(null)
  const [stopping, setStopping] = useState(false)
  const oldKey = useKeys((s) => s.byAccount[r.accountId]?.keys.find((k) => k.keyId === r.oldKeyId))
  const { create } = useActions()
  const d = useDescriptor(account.provider)

  const advance = (): void => {
    setBusy(true)
    setProblem(null)
    create
      .rotationAdvance(r)
      .then(
        () => undefined,
        (err: unknown) => setProblem(toProblem(err)),
      )
      .finally(() => setBusy(false))
  }
  const finish = (): void => {
    void create.rotationCancel(r, { keyRecord: oldKey ?? placeholder(r, account), account })
    onClose()
  }
  const stop = (
    <StopQuestion rotation={r} accountLabel={account.label} onKeep={() => setStopping(false)} onStop={finish} />
  )

  return (
    <>
      <RotationSteps rotation={r} steps={d.rotationSteps} />
      <section className="step-panel" aria-label="Current step">
        {r.step !== 'create' && <p>{stepDetail(r.step, r)}</p>}
        {r.note && (
          <p className="warning" role="note">
            <Icon name="alert" /> {r.note}
          </p>
        )}
        {r.step === 'create' && (
          <>
            <p>{stepDetail('create', r)}</p>
            <Create
              account={account}
              // Until the service is asked for a key nothing exists: Cancel ends the rotation, rather than leave a
              // banner saying it is under way. Once it was asked a key may exist, so Cancel asks first and says where.
              onCancel={r.createSent ? () => setStopping(true) : finish}
              onRunning={(running) => {
                // A create under way closes the question: stopping would close the dialog its secret comes back to.
                if (running) setStopping(false)
                onCreating(running)
              }}
              initial={{ applicationId: oldKey?.extra.applicationId ?? '', clusterId: oldKey?.extra.clusterId ?? '' }}
              submit={(fields, requestId) => create.rotationCreate(r, requestId, fields)}
              onCreated={onCreated}
            />
          </>
        )}
        {r.step === 'create' && stopping && <div className="actions">{stop}</div>}
        {r.step === 'wait' && <WaitCountdown accountId={r.accountId} keyId={r.oldKeyId} descriptor={d} />}
        {problem && <ProblemMessage problem={problem} />}
      </section>
      {r.step !== 'create' && (
        <div className="actions">
          {r.step !== 'done' &&
            (stopping ? (
              stop
            ) : (
              <button type="button" onClick={() => setStopping(true)}>
                Stop rotation…
              </button>
            ))}
          <button type="button" onClick={onClose}>
            Close
          </button>
          <StepButton rotation={r} busy={busy} onAdvance={advance} onConfirm={setConfirm} onFinish={finish} />
        </div>
      )}
      {confirm && (
        <ConfirmChange
          op={confirm}
          account={account}
          keyRecord={oldKey ?? placeholder(r, account)}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            setConfirm(null)
            advance()
          }}
        />
      )}
    </>
  )
}

interface StopProps {
  readonly rotation: Rotation
  readonly accountLabel: string
  readonly onKeep: () => void
  readonly onStop: () => void
}

function StopQuestion({ rotation, accountLabel, onKeep, onStop }: StopProps) {
  const now = useNow()
  return (
    <span className="stop" role="group" aria-label="Stop the rotation?">
      <span>{stopQuestion(rotation, accountLabel, now)}</span>
      <button type="button" onClick={onKeep}>
        Keep going
      </button>
      <button type="button" className="danger" onClick={onStop}>
        Stop rotation
      </button>
    </span>
  )
}

/** The old key when its account's list is not loaded: enough to word the confirmation and name its toast. */
function placeholder(r: Rotation, account: AccountView): KeyRecord {
  return {
    provider: account.provider,
    accountId: r.accountId,
    keyId: r.oldKeyId,
    name: r.oldKeyId,
    state: 'disabled',
    createdAt: r.startedAt,
    extra: {},
  }
}

interface StepProps {
  readonly rotation: Rotation
  readonly busy: boolean
  readonly onAdvance: () => void
  /** Disable and delete ask first, with the same consequences the row shows. */
  readonly onConfirm: (op: 'disable' | 'delete') => void
  readonly onFinish: () => void
}

function StepButton({ rotation: r, busy, onAdvance, onConfirm, onFinish }: StepProps) {
  switch (r.step) {
    case 'switch':
      return (
        <button type="button" className="primary" disabled={busy} onClick={onAdvance}>
          {busy ? 'Checking…' : 'My apps use the new key — continue'}
        </button>
      )
    case 'disable':
      return (
        <button type="button" className="danger" disabled={busy} onClick={() => onConfirm('disable')}>
          {busy ? 'Disabling…' : `Disable ${r.oldKeyId}…`}
        </button>
      )
    case 'wait':
      return (
        <button type="button" className="primary" disabled={busy} onClick={onAdvance}>
          {busy ? 'Checking…' : 'Continue'}
        </button>
      )
    case 'delete':
      return (
        <button type="button" className="danger" disabled={busy} onClick={() => onConfirm('delete')}>
          {busy ? 'Deleting…' : `Delete ${r.oldKeyId}…`}
        </button>
      )
    case 'done':
      return (
        <button type="button" className="primary" onClick={onFinish}>
          Finish
        </button>
      )
    case 'create':
      return null
    default:
      return assertNever(r.step)
  }
}
