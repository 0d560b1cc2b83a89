// The toolbar's "Create key". Where the service limits keys per user, the button says so, and why it is off.
import { useId, useState } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { Icon } from '../../components/Icon'
import { useDescriptor, useKeys } from '../../store/stores'
import { CreateKeyDialog } from './CreateKeyDialog'
import '../../components/dialog-steps.css'

export interface KeyLimit {
  readonly full: boolean
  readonly text: string
}

/** Null when the service sets no limit or the keys are not loaded yet. The core refuses an extra key either way. */
export function keyLimit(max: number | null, keys: readonly KeyRecord[] | undefined): KeyLimit | null {
  if (max === null || keys === undefined) return null
  // A deleted key still propagating is no longer listed by the service, so it does not count.
  const count = keys.filter((k) => k.state !== 'deleted').length
  const full = count >= max
  return { full, text: full ? `${count} of ${max} keys — delete or rotate one first` : `${count} of ${max} keys` }
}

export function CreateKeyButton({ account }: { readonly account: AccountView }) {
  const [open, setOpen] = useState(false)
  const keys = useKeys((s) => (s.byAccount[account.id]?.fetchedAt != null ? s.byAccount[account.id]?.keys : undefined))
  const d = useDescriptor(account.provider)
  const limit = keyLimit(d.keyLimit, keys)
  const id = useId()
  return (
    <span className="create">
      <button
        type="button"
        className="primary"
        disabled={limit?.full}
        aria-describedby={limit ? id : undefined}
        onClick={() => setOpen(true)}
      >
        <Icon name="plus" /> Create key
      </button>
      {limit && (
        <span
          id={id}
          className={limit.full ? 'limit limit-full' : 'limit'}
          title={`${d.name} lets one user hold ${d.keyLimit} keys at a time.`}
        >
          {limit.full && <Icon name="alert" />}
          {limit.text}
        </span>
      )}
      {open && <CreateKeyDialog account={account} onClosed={() => setOpen(false)} />}
    </span>
  )
}
