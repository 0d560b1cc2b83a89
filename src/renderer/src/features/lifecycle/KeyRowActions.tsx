// Per-key actions (row and detail panel): lifecycle changes, rotation, and what KeyDesk can do with a kept secret.
import { useCallback, useEffect, useState } from 'react'
import { assertNever } from '../../../../shared/errors'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { api } from '../../api'
import { toProblem } from '../../store/problem'
import { exportSecret } from '../create/ExportButtons'
import { ensureKept, reloadKept, useKept } from '../create/kept-store'
import { Menu } from '../../components/Menu'
import { ConfirmChange } from './ConfirmChange'
import { actionLabel, keyActions, keyLabel, type KeyAction } from './key-actions'
import { Notice } from './Notice'
import { changeKey, type KeyChange } from './optimistic'
import { PropagationNote } from './PropagationNote'
import { RenameDialog } from './RenameDialog'
import { RotationDialog } from './RotationDialog'
import { Toast, type ToastMessage } from './Toast'
import './lifecycle.css'

type Open =
  | { readonly kind: 'confirm'; readonly op: 'disable' | 'delete' | 'forget' }
  | { readonly kind: 'rename' }
  | { readonly kind: 'rotation'; readonly id: string }
  | { readonly kind: 'notice'; readonly title: string; readonly text: string }

const DONE: Record<KeyChange['op'], string> = { enable: 'Enabled', disable: 'Disabled', delete: 'Deleted', rename: 'Renamed' }

export function KeyRowActions({ keyRecord, account }: { readonly keyRecord: KeyRecord; readonly account: AccountView }) {
  const [open, setOpen] = useState<Open | null>(null)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const kept = useKept((s) => s.byAccount[account.id]?.has(keyRecord.keyId))
  useEffect(() => ensureKept(account.id), [account.id])
  const dismiss = useCallback(() => setToast(null), [])
  const name = keyLabel(keyRecord)
  const ref = { accountId: account.id, keyId: keyRecord.keyId }

  const report = (work: Promise<string>, failed: string): void => {
    work.then((text) => setToast({ ok: true, text }), (err: unknown) => setToast({ ok: false, text: `${failed}: ${toProblem(err).message}` }))
  }
  const change = (c: KeyChange): void => {
    setOpen(null)
    report(changeKey(keyRecord, c).then(() => {
      if (c.op === 'delete') reloadKept(account.id)
      return `${DONE[c.op]} ${c.op === 'rename' ? `as “${c.name}”` : name}`
    }), `Could not ${c.op} ${name}; it is unchanged`)
  }
  const rotate = (): void => {
    setOpen(null)
    api.rotation.start(ref).then(
      (r) => setOpen({ kind: 'rotation', id: r.id }),
      (err: unknown) => setOpen({ kind: 'notice', title: `Cannot rotate ${keyRecord.keyId} yet`, text: toProblem(err).message }),
    )
  }
  const run = (a: KeyAction): void => {
    switch (a.kind) {
      case 'enable': return change({ op: 'enable' })
      case 'disable': case 'delete': case 'forget': return setOpen({ kind: 'confirm', op: a.kind })
      case 'rename': return setOpen({ kind: 'rename' })
      case 'rotate': return rotate()
      case 'copy':
        return report(api.keys.copySecret({ ...ref, part: a.part }).then(({ clearsInSec }) => `Copied — clears in ${clearsInSec} s`), 'Not copied')
      case 'export': return report(exportSecret(ref, a.format), 'Not exported')
      case 'try':
        void api.keys.try(ref).then((r) => setToast({ ok: r.ok, text: `${r.ok ? 'Works' : 'Failed'}: ${r.message}` }),
          (err: unknown) => setToast({ ok: false, text: `Could not try it: ${toProblem(err).message}` }))
        return
      case 'not-held':
        return setOpen({
          kind: 'notice', title: 'KeyDesk does not hold this secret',
          text: `${name}: services show a secret only once, when the key is created, and it was not kept in KeyDesk’s keychain. ` +
            'To get a usable secret, rotate the key: KeyDesk creates a replacement and shows its secret once.',
        })
      default:
        return assertNever(a)
    }
  }
  const forget = (): void => {
    setOpen(null)
    report(api.keys.forgetSecret(ref).then(() => { reloadKept(account.id); return `Forgot the secret of ${name}` }), 'Not forgotten')
  }

  const items = keyActions(account, keyRecord, kept).map((a) => ({
    label: actionLabel(a), danger: a.kind === 'delete' || a.kind === 'disable', onSelect: () => run(a),
  }))
  return (
    <span className="kd-row-actions">
      {items.length > 0 && <Menu label={`Actions for ${name}`} items={items} />}
      {/* After the button: when the column is narrow, the note is what gets cut, never the actions. */}
      <PropagationNote keyRecord={keyRecord} />
      {open?.kind === 'confirm' && (
        <ConfirmChange op={open.op} account={account} keyRecord={keyRecord} onCancel={() => setOpen(null)}
          onConfirm={() => (open.op === 'forget' ? forget() : change({ op: open.op }))} onRotateFirst={rotate} />
      )}
      {open?.kind === 'rename' && <RenameDialog keyRecord={keyRecord} onCancel={() => setOpen(null)} onRename={(n) => change({ op: 'rename', name: n })} />}
      {open?.kind === 'rotation' && <RotationDialog rotationId={open.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'notice' && <Notice title={open.title} text={open.text} onClose={() => setOpen(null)} />}
      <Toast message={toast} onDismiss={dismiss} />
    </span>
  )
}
