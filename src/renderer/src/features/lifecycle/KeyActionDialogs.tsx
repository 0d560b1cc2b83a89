// The dialogs and toasts of per-key actions, mounted once so they survive the row that opened them.
import { useCallback } from 'react'
import { useActions } from '../../actions/context'
import { accountById } from '../../store/app'
import type { OpenAction, ToastMessage } from '../../store/key-dialogs'
import { useApp, useKeyDialogs, useKeys, useStores } from '../../store/stores'
import { ConfirmChange } from './ConfirmChange'
import { Notice } from './Notice'
import { RegenerateDialog } from './RegenerateDialog'
import { RenameDialog } from './RenameDialog'
import { RotationDialog } from './RotationDialog'
import { Toast } from './Toast'

export function KeyActionDialogs() {
  const open = useKeyDialogs((s) => s.open)
  const toasts = useKeyDialogs((s) => s.toasts)
  return (
    <>
      {open && <OpenDialog key={open.uid} open={open} />}
      {Object.entries(toasts).map(([uid, message]) => (
        <KeyToast key={uid} uid={uid} message={message} />
      ))}
    </>
  )
}

function OpenDialog({ open }: { readonly open: OpenAction }) {
  // The key and account as they are now; the snapshot taken at opening covers a key that has left the list.
  const live = useKeys((s) => s.byAccount[open.account.id]?.keys.find((k) => k.keyId === open.keyRecord.keyId))
  const liveAccount = useApp((s) => accountById(s.accounts, open.account.id))
  const t = { keyRecord: live ?? open.keyRecord, account: liveAccount ?? open.account }
  const close = useKeyDialogs((s) => s.close)
  const { keys } = useActions()
  const d = open.dialog
  switch (d.kind) {
    case 'confirm':
      return (
        <ConfirmChange
          op={d.op}
          account={t.account}
          keyRecord={t.keyRecord}
          onCancel={close}
          onConfirm={() => void (d.op === 'forget' ? keys.forget(t) : keys.change(t, { op: d.op }))}
          onRotateFirst={() => void keys.rotate(t)}
        />
      )
    case 'rename':
      return <RenameDialog keyRecord={t.keyRecord} onCancel={close} onRename={(n, shown) => keys.rename(t, n, shown)} />
    case 'regenerate':
      return <RegenerateDialog target={t} onClose={close} />
    case 'rotation':
      return <RotationDialog rotationId={d.id} onClose={close} />
    case 'notice':
      return <Notice title={d.title} text={d.text} onClose={close} />
  }
}

function KeyToast({ uid, message }: { readonly uid: string; readonly message: ToastMessage }) {
  const { dialogs } = useStores()
  const dismiss = useCallback(() => dialogs.getState().dismiss(uid), [dialogs, uid])
  return <Toast message={message} onDismiss={dismiss} />
}
