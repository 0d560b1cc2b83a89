// A bulk disable or delete: what will happen to each key first, then what did happen to each.
import { useState } from 'react'
import { useActions } from '../../actions/context'
import { keyLabel } from '../../actions/key-action'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { accountEffect, planBulk, type BulkOp, type Selected } from './bulk'
import './lifecycle.css'

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
  const accounts = [...new Map(plan.act.map((s) => [s.account.id, s])).values()]
  const { verb, done } = VERB[op]
  const n = plan.act.length
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
    <Dialog
      alert={!outcomes}
      wide
      guard={running}
      onClose={close}
      title={
        finished
          ? `${verb}: ${outcomes.filter((o) => o.ok).length} of ${n} done`
          : `${verb} ${n} key${n === 1 ? '' : 's'}?`
      }
      description={
        outcomes
          ? running
            ? `Working… ${outcomes.length} of ${n}`
            : 'Each key’s result is below.'
          : 'Nothing is sent until you confirm.'
      }
      footer={
        outcomes ? (
          <button type="button" className="primary" disabled={running} onClick={close}>
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="danger" disabled={n === 0} onClick={() => void run()}>
              {verb} {n} key{n === 1 ? '' : 's'}
            </button>
          </>
        )
      }
    >
      {!outcomes && (
        <div className="bulk-plan">
          {accounts.map(({ account, descriptor }) => (
            <section key={account.id} aria-label={account.label}>
              <h3>{account.label}</h3>
              <p className="muted">{accountEffect(op, descriptor, account)}</p>
              <ul>
                {plan.act
                  .filter((s) => s.account.id === account.id)
                  .map((s) => (
                    <li key={s.key.keyId}>
                      <code>{keyLabel(s.key)}</code>
                      {s.warning && (
                        <span className="bad">
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
        <ul className="results" aria-label="Results" aria-live="polite">
          {outcomes.map((o) => (
            <li key={`${o.item.account.id}/${o.item.key.keyId}`} className={o.ok ? 'good' : 'bad'}>
              <Icon name={o.ok ? 'check' : 'x'} /> <code>{keyLabel(o.item.key)}</code> ({o.item.account.label}):{' '}
              {o.text}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  )
}
