// A bulk disable or delete: what will happen to each key first, then what did happen to each.
import * as D from '@radix-ui/react-dialog'
import { useState } from 'react'
import { useActions } from '../../actions/context'
import { keyLabel } from '../../actions/key-action'
import { accountEffect, planBulk, type BulkOp, type Selected } from './bulk'
import '../create/create.css'
import './lifecycle.css'
import { Icon } from '../../components/Icon'

interface Outcome {
  readonly item: Selected
  readonly ok: boolean
  readonly text: string
}

interface Props {
  readonly op: BulkOp
  readonly selected: readonly Selected[]
  /** Called with the keys that changed, so the selection can let go of them. */
  readonly onClose: (done: readonly Selected[]) => void
}

const VERB: Record<BulkOp, { verb: string; done: string }> = {
  disable: { verb: 'Disable', done: 'Disabled' },
  delete: { verb: 'Delete', done: 'Deleted' },
}

export function BulkDialog({ op, selected, onClose }: Props) {
  const [plan] = useState(() => planBulk(op, selected))
  const [outcomes, setOutcomes] = useState<readonly Outcome[] | null>(null)
  const [running, setRunning] = useState(false)
  const { keys } = useActions()
  const accounts = [...new Map(plan.act.map((s) => [s.account.id, s.account])).values()]
  const { verb, done } = VERB[op]

  const run = async (): Promise<void> => {
    setRunning(true)
    const results: Outcome[] = []
    setOutcomes(results)
    const items = new Map(plan.act.map((s) => [s.key, s]))
    await keys.changeMany(
      op,
      plan.act.map((s) => s.key),
      (o) => {
        const item = items.get(o.key)
        if (!item) return
        results.push({ item, ok: o.ok, text: o.ok ? done : `Failed: ${o.problem ?? ''}` })
        setOutcomes([...results])
      },
    )
    setRunning(false)
  }
  const close = (): void => onClose((outcomes ?? []).filter((o) => o.ok).map((o) => o.item))
  const finished = outcomes !== null && !running

  return (
    <D.Root
      open
      onOpenChange={(o) => {
        if (!o && !running) close()
      }}
    >
      <D.Portal>
        <D.Overlay className="kd-overlay" />
        <D.Content
          className="kd-modal kd-wide"
          role={outcomes ? 'dialog' : 'alertdialog'}
          onPointerDownOutside={(e) => e.preventDefault()}
        >
          <D.Title className="kd-modal-title">
            {finished
              ? `${verb}: ${outcomes.filter((o) => o.ok).length} of ${plan.act.length} done`
              : `${verb} ${plan.act.length} key${plan.act.length === 1 ? '' : 's'}?`}
          </D.Title>
          <D.Description className="kd-muted">
            {outcomes
              ? running
                ? `Working… ${outcomes.length} of ${plan.act.length}`
                : 'Each key’s result is below.'
              : 'Nothing is sent until you confirm.'}
          </D.Description>
          {!outcomes && (
            <div className="kd-bulk-plan">
              {accounts.map((account) => (
                <section key={account.id} aria-label={account.label}>
                  <h3>{account.label}</h3>
                  <p className="kd-muted">{accountEffect(op, account)}</p>
                  <ul>
                    {plan.act
                      .filter((s) => s.account.id === account.id)
                      .map((s) => (
                        <li key={s.key.keyId}>
                          <code>{keyLabel(s.key)}</code>
                          {s.warning && (
                            <span className="kd-bad">
                              {' '}
                              <Icon name="alert" /> {s.warning}
                            </span>
                          )}
                        </li>
                      ))}
                  </ul>
                </section>
              ))}
              {plan.skip.length > 0 && (
                <section aria-label="Skipped">
                  <h3>Left alone</h3>
                  <ul>
                    {plan.skip.map((s) => (
                      <li key={`${s.account.id}/${s.key.keyId}`}>
                        <code>{keyLabel(s.key)}</code> — {s.reason}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          )}
          {outcomes && (
            <ul className="kd-results" aria-label="Results" aria-live="polite">
              {outcomes.map((o) => (
                <li key={`${o.item.account.id}/${o.item.key.keyId}`} className={o.ok ? 'kd-good' : 'kd-bad'}>
                  <Icon name={o.ok ? 'check' : 'x'} /> <code>{keyLabel(o.item.key)}</code> ({o.item.account.label}):{' '}
                  {o.text}
                </li>
              ))}
            </ul>
          )}
          <div className="kd-actions">
            {!outcomes && (
              <button type="button" onClick={close} autoFocus>
                Cancel
              </button>
            )}
            {!outcomes && (
              <button type="button" className="kd-danger" disabled={plan.act.length === 0} onClick={() => void run()}>
                {verb} {plan.act.length} key{plan.act.length === 1 ? '' : 's'}
              </button>
            )}
            {outcomes && (
              <button type="button" className="primary" disabled={running} onClick={close}>
                Close
              </button>
            )}
          </div>
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}
