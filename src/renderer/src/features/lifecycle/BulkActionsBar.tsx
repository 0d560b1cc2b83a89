// Shown while keys are selected, across accounts: bulk disable and delete.
import { useState } from 'react'
import type { KeyRecord } from '../../../../shared/model'
import { useApp, useDescriptors, useKeys, useStores } from '../../store/stores'
import { keyUid } from '../../store/keys'
import { parseUid, type BulkOp, type Selected } from './bulk'
import { BulkDialog } from './BulkDialog'
import './lifecycle.css'

export function BulkActionsBar() {
  const selectedUids = useKeys((s) => s.selected)
  const byAccount = useKeys((s) => s.byAccount)
  const accounts = useApp((s) => s.accounts)
  const stores = useStores()
  const descriptors = useDescriptors()
  const [op, setOp] = useState<{ op: BulkOp; items: readonly Selected[] } | null>(null)
  if (selectedUids.size === 0 && !op) return null
  const items: Selected[] = []
  for (const uid of selectedUids) {
    const ref = parseUid(uid)
    const account = ref && accounts.find((a) => a.id === ref.accountId)
    const key: KeyRecord | undefined = ref
      ? byAccount[ref.accountId]?.keys.find((k) => k.keyId === ref.keyId)
      : undefined
    const descriptor = account ? descriptors[account.provider] : undefined
    if (account && key && descriptor) items.push({ key, account, descriptor })
  }
  const n = items.length
  const inAccounts = new Set(items.map((i) => i.account.id)).size
  const closed = (done: readonly Selected[]): void => {
    const { toggle } = stores.keys.getState()
    for (const d of done) if (stores.keys.getState().selected.has(keyUid(d.key))) toggle(keyUid(d.key))
    setOp(null)
  }
  return (
    <>
      {n > 0 && (
        <div className="bulkbar" role="region" aria-label="Selected keys">
          <span>
            <strong>{n}</strong> key{n === 1 ? '' : 's'} selected{inAccounts > 1 ? ` in ${inAccounts} accounts` : ''}
          </span>
          <button type="button" onClick={() => setOp({ op: 'disable', items })}>
            Disable…
          </button>
          <button type="button" className="danger" onClick={() => setOp({ op: 'delete', items })}>
            Delete…
          </button>
          <button type="button" onClick={() => stores.keys.getState().clear()}>
            Clear selection
          </button>
        </div>
      )}
      {op && <BulkDialog op={op.op} selected={op.items} onClose={closed} />}
    </>
  )
}
