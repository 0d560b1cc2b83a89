import { useState } from 'react'
import type { AccountView } from '../../../../shared/model'
import { Menu } from '../../components/Menu'
import { CredentialDialog } from './CredentialDialog'
import { EditAccountDialog } from './EditAccountDialog'
import { RemoveAccountDialog } from './RemoveAccountDialog'
import { TimingDialog } from './TimingDialog'

type Open = 'edit' | 'credential' | 'timing' | 'remove' | null

export function AccountMenu({ account }: { readonly account: AccountView }) {
  const [open, setOpen] = useState<Open>(null)
  const close = (o: boolean): void => {
    if (!o) setOpen(null)
  }
  return (
    <>
      <Menu
        label={`Actions for ${account.label}`}
        items={[
          { label: 'Edit label and endpoint…', onSelect: () => setOpen('edit') },
          { label: 'Re-enter credential…', onSelect: () => setOpen('credential') },
          { label: 'Refresh and propagation settings…', onSelect: () => setOpen('timing') },
          { label: 'Remove account…', onSelect: () => setOpen('remove'), danger: true },
        ]}
      />
      {open === 'edit' && <EditAccountDialog account={account} open onOpenChange={close} />}
      {open === 'credential' && <CredentialDialog account={account} open onOpenChange={close} />}
      {open === 'timing' && <TimingDialog account={account} open onOpenChange={close} />}
      {open === 'remove' && <RemoveAccountDialog account={account} open onOpenChange={close} />}
    </>
  )
}
