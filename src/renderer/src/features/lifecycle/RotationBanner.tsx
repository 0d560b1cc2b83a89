// Rotations left mid-way (also across restarts), each with a way back into its checklist.
import { useState } from 'react'
import { useApp, useRotations } from '../../store/stores'
import { stepTitle } from './rotation-steps'
import { RotationDialog } from './RotationDialog'
import './lifecycle.css'
import { Icon } from '../../components/Icon'

export function RotationBanner() {
  const rotations = useRotations((s) => s.rotations)
  const accounts = useApp((s) => s.accounts)
  const [open, setOpen] = useState<string | null>(null)
  const active = rotations.filter((r) => r.step !== 'done')
  if (active.length === 0 && !open) return null
  return (
    <>
      {active.length > 0 && (
        <section className="banner" aria-label="Rotations in progress">
          <Icon name="refresh" />
          <ul>
            {active.map((r) => (
              <li key={r.id}>
                <span>
                  Rotating <code>{r.oldKeyId}</code> in{' '}
                  {accounts.find((a) => a.id === r.accountId)?.label ?? 'an account'} — next:{' '}
                  {stepTitle(r.step).toLowerCase()}
                </span>
                <button type="button" onClick={() => setOpen(r.id)} aria-label={`Resume rotating ${r.oldKeyId}`}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {open && <RotationDialog rotationId={open} onClose={() => setOpen(null)} />}
    </>
  )
}
