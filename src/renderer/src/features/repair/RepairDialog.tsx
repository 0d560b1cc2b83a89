// Repair: what the keychain holds that no account owns, and accounts without a credential; removes only what the
// user ticks and confirms.
import { useEffect, useState } from 'react'
import type { RepairReport } from '../../../../shared/api'
import { useActions } from '../../actions/context'
import { Dialog } from '../../components/Dialog'

interface Props {
  readonly open: boolean
  readonly onOpenChange: (open: boolean) => void
}

export function RepairDialog({ open, onOpenChange }: Props) {
  const [report, setReport] = useState<RepairReport | null>(null)
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set())
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { accounts } = useActions()

  const show = (r: RepairReport) => {
    setReport(r)
    setChosen(new Set(r.orphans.map((o) => o.name)))
    setConfirming(false)
  }
  const run = (work: Promise<RepairReport>) => {
    setBusy(true)
    setError(null)
    work
      .then(show, (e: unknown) => setError(e instanceof Error ? e.message : 'Repair failed.'))
      .finally(() => setBusy(false))
  }

  // Each opening scans afresh: the busy state is set as the dialog opens, the scan itself runs in the effect.
  const [wasOpen, setWasOpen] = useState(false)
  if (wasOpen !== open) {
    setWasOpen(open)
    if (open) {
      setBusy(true)
      setError(null)
    }
  }
  useEffect(() => {
    if (!open) return
    accounts
      .repairScan()
      .then(
        (r) => {
          setReport(r)
          setChosen(new Set(r.orphans.map((o) => o.name)))
          setConfirming(false)
        },
        (e: unknown) => setError(e instanceof Error ? e.message : 'Repair failed.'),
      )
      .finally(() => setBusy(false))
  }, [open, accounts])

  const toggle = (name: string) => {
    const next = new Set(chosen)
    if (next.has(name)) next.delete(name)
    else next.add(name)
    setChosen(next)
  }

  return (
    <Dialog
      open={open}
      onClose={() => onOpenChange(false)}
      title="Repair"
      wide
      description="Compares the keychain with your accounts."
    >
      {busy && <p aria-live="polite">Checking the keychain…</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && report.keychain.state !== 'available' && (
        <p role="alert">
          The keychain is {report.keychain.state}: {report.keychain.reason} {report.keychain.fix}
        </p>
      )}
      {report && report.keychain.state === 'available' && (
        <>
          {report.removed > 0 && <p role="status">Removed {report.removed} entries from the keychain.</p>}
          {report.orphans.length === 0 && report.missing.length === 0 && (
            <p>Nothing to repair: every entry belongs to an account.</p>
          )}
          {report.orphans.length > 0 && (
            <fieldset>
              <legend>Keychain entries no account owns</legend>
              {report.orphans.map((o) => (
                <label key={o.name} className="repair-row">
                  <input type="checkbox" checked={chosen.has(o.name)} onChange={() => toggle(o.name)} />
                  <code>{o.name}</code> — {o.what}
                </label>
              ))}
            </fieldset>
          )}
          {report.missing.length > 0 && (
            <section aria-label="Accounts without a credential">
              <h3>Accounts without a credential</h3>
              <ul>
                {report.missing.map((m) => (
                  <li key={m.accountId}>{m.what}</li>
                ))}
              </ul>
            </section>
          )}
          {report.orphans.length > 0 && !confirming && (
            <button type="button" disabled={busy || chosen.size === 0} onClick={() => setConfirming(true)}>
              Remove {chosen.size} selected…
            </button>
          )}
          {confirming && (
            <div role="alertdialog" aria-label="Confirm removal">
              <p>Remove {chosen.size} entries from the keychain? Their secrets cannot be recovered.</p>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => run(accounts.repairFix([...chosen]))}
              >
                Remove from keychain
              </button>
              <button type="button" className="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
        </>
      )}
    </Dialog>
  )
}
