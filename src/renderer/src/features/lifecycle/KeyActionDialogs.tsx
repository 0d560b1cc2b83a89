// The dialogs and toasts of per-key actions, mounted once so they survive the row that opened them.
import { useCallback } from 'react'
import { accountById, useApp } from '../../store/app'
import { useKeys } from '../../store/keys'
import { useActions, type OpenAction } from './action-store'
import { ConfirmChange } from './ConfirmChange'
import { Notice } from './Notice'
import { RenameDialog } from './RenameDialog'
import { RotationDialog } from './RotationDialog'
import { changeTarget, forgetTarget, rotateTarget } from './run-action'
import { Toast, type ToastMessage } from './Toast'

export function KeyActionDialogs() {
  const open = useActions((s) => s.open)
  const toasts = useActions((s) => s.toasts)
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
  const close = useActions((s) => s.close)
  const d = open.dialog
  switch (d.kind) {
    case 'confirm':
      return (
        <ConfirmChange
          op={d.op}
          account={t.account}
          keyRecord={t.keyRecord}
          onCancel={close}
          onConfirm={() => (d.op === 'forget' ? forgetTarget(t) : changeTarget(t, { op: d.op }))}
          onRotateFirst={() => rotateTarget(t)}
        />
      )
    case 'rename':
      return (
        <RenameDialog
          keyRecord={t.keyRecord}
          onCancel={close}
          onRename={(n) => changeTarget(t, { op: 'rename', name: n })}
        />
      )
    case 'rotation':
      return <RotationDialog rotationId={d.id} onClose={close} />
    case 'notice':
      return <Notice title={d.title} text={d.text} onClose={close} />
  }
}

function KeyToast({ uid, message }: { readonly uid: string; readonly message: ToastMessage }) {
  const dismiss = useCallback(() => useActions.getState().dismiss(uid), [uid])
  return <Toast message={message} onDismiss={dismiss} />
}
