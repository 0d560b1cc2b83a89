// The toolbar's "Create key". SpaceONE allows two keys per user: at the limit the button says why it is off.
import { useId, useState } from 'react'
import type { AccountView } from '../../../../shared/model'
import { useKeys } from '../../store/stores'
import { CreateKeyDialog } from './CreateKeyDialog'
import { keyLimit } from './key-limit'
import './create.css'
import { Icon } from '../../components/Icon'

export function CreateKeyButton({ account }: { readonly account: AccountView }) {
  const [open, setOpen] = useState(false)
  const keys = useKeys((s) => (s.byAccount[account.id]?.fetchedAt != null ? s.byAccount[account.id]?.keys : undefined))
  const limit = keyLimit(account.provider, keys)
  const id = useId()
  return (
    <span className="kd-create">
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
        <span id={id} className={limit.full ? 'kd-limit kd-limit-full' : 'kd-limit'}>
          {limit.full && <Icon name="alert" />}
          {limit.text}
        </span>
      )}
      {open && <CreateKeyDialog account={account} onClosed={() => setOpen(false)} />}
    </span>
  )
}
