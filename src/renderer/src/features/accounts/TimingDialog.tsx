// How often KeyDesk re-lists the account, and (SpaceONE) how long a disable or delete is assumed to take to apply.
import { useId, useState } from 'react'
import type { AccountView } from '../../../../shared/model'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useSubmit } from '../../components/useSubmit'
import { Form } from '../../components/Form'
import { hasWindow } from '../../../../shared/descriptor'
import { useDescriptor } from '../../store/stores'
import { useFirstInvalid } from '../../components/useFirstInvalid'

interface Props {
  readonly account: AccountView
  readonly open: boolean
  readonly onOpenChange: (o: boolean) => void
}

export function TimingDialog({ account, open, onOpenChange }: Props) {
  return (
    <Dialog open={open} onClose={() => onOpenChange(false)} title={`Refresh and propagation for ${account.label}`}>
      <TimingForm account={account} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

const wholeIn = (v: string, min: number, max: number): number | null => {
  const n = Number(v)
  return Number.isInteger(n) && n >= min && n <= max ? n : null
}

function TimingForm({ account, onDone }: { readonly account: AccountView; readonly onDone: () => void }) {
  const [refresh, setRefresh] = useState(String(account.refreshIntervalSec))
  const [windowMin, setWindowMin] = useState(String(Math.round(account.propagationWindowSec / 60)))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { ref: formRef, refused: showInvalid } = useFirstInvalid()
  const { busy, problem, run } = useSubmit()
  const actions = useActions()
  const id = useId()
  const d = useDescriptor(account.provider)
  const withWindow = hasWindow(d)
  const save = (): void => {
    const r = wholeIn(refresh, 0, 86_400)
    const w = wholeIn(windowMin, 0, 1440)
    const e: Record<string, string> = {}
    if (r === null) e.refresh = 'Enter whole seconds from 0 (never) to 86400.'
    if (withWindow && w === null) e.window = 'Enter whole minutes from 0 to 1440.'
    setErrors(e)
    if (r === null || (withWindow && w === null)) return showInvalid()
    void run(async () => {
      await actions.accounts.update({
        id: account.id,
        refreshIntervalSec: r,
        ...(withWindow && w !== null ? { propagationWindowSec: w * 60 } : {}),
      })
      onDone()
    })
  }
  return (
    <Form ref={formRef} className="form" onSubmit={() => save()}>
      <div className="field">
        <label htmlFor={`${id}-r`}>Refresh the key list every (seconds)</label>
        <input
          id={`${id}-r`}
          inputMode="numeric"
          value={refresh}
          onChange={(e) => setRefresh(e.target.value)}
          disabled={busy}
          aria-invalid={errors.refresh ? true : undefined}
          aria-describedby={`${id}-r-hint`}
        />
        <p id={`${id}-r-hint`} className={errors.refresh ? 'field-error' : 'hint'}>
          {errors.refresh ?? '0 refreshes only when you ask. Paused while the window is hidden.'}
        </p>
      </div>
      {withWindow && (
        <div className="field">
          <label htmlFor={`${id}-w`}>Propagation window (minutes)</label>
          <input
            id={`${id}-w`}
            inputMode="numeric"
            value={windowMin}
            onChange={(e) => setWindowMin(e.target.value)}
            disabled={busy}
            aria-invalid={errors.window ? true : undefined}
            aria-describedby={`${id}-w-hint`}
          />
          <p id={`${id}-w-hint`} className={errors.window ? 'field-error' : 'hint'}>
            {errors.window ??
              `${d.name} applies some changes at once but its caches may accept the old state for up to this long (${Object.entries(
                d.changes,
              )
                .filter(([, c]) => c.model === 'window')
                .map(([op]) => op)
                .join(', ')}). KeyDesk shows such a change as in progress until the window has passed.`}
          </p>
        </div>
      )}
      {problem && <ProblemMessage problem={problem} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </Form>
  )
}
