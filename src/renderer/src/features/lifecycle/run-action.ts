// What each per-key action does. Plain functions over the action store, so the work outlives the row that started it.
import { assertNever } from '../../../../shared/errors'
import { api } from '../../api'
import { toProblem } from '../../store/problem'
import { exportSecret } from '../create/ExportButtons'
import { reloadKept } from '../create/kept-store'
import { targetUid, useActions, type KeyTarget } from './action-store'
import { actionLabel, keyLabel, type KeyAction } from './key-actions'
import { changeKey, type KeyChange } from './optimistic'

const DONE: Record<KeyChange['op'], string> = {
  enable: 'Enabled',
  disable: 'Disabled',
  delete: 'Deleted',
  rename: 'Renamed',
}

function report(t: KeyTarget, work: Promise<string>, failed: string): Promise<void> {
  const { toast } = useActions.getState()
  return work.then(
    (text) => toast(t, { ok: true, text }),
    (err: unknown) => toast(t, { ok: false, text: `${failed}: ${toProblem(err).message}` }),
  )
}

/** Copy, export and try run once at a time per key: a double click must not fire twice. */
function exclusive(t: KeyTarget, a: KeyAction, work: () => Promise<void>): void {
  const uid = targetUid(t)
  const { busy, setBusy } = useActions.getState()
  if (uid in busy) return
  setBusy(uid, actionLabel(a))
  void work().finally(() => useActions.getState().setBusy(uid, null))
}

export function changeTarget(t: KeyTarget, c: KeyChange): void {
  const name = keyLabel(t.keyRecord)
  useActions.getState().close()
  void report(
    t,
    changeKey(t.keyRecord, c).then(() => {
      if (c.op === 'delete') reloadKept(t.account.id)
      return `${DONE[c.op]} ${c.op === 'rename' ? `as “${c.name}”` : name}`
    }),
    `Could not ${c.op} ${name}; it is unchanged`,
  )
}

export function rotateTarget(t: KeyTarget): void {
  const { close, show } = useActions.getState()
  close()
  api.rotation.start({ accountId: t.account.id, keyId: t.keyRecord.keyId }).then(
    (r) => show(t, { kind: 'rotation', id: r.id }),
    (err: unknown) =>
      show(t, { kind: 'notice', title: `Cannot rotate ${t.keyRecord.keyId} yet`, text: toProblem(err).message }),
  )
}

export function forgetTarget(t: KeyTarget): void {
  useActions.getState().close()
  const ref = { accountId: t.account.id, keyId: t.keyRecord.keyId }
  void report(
    t,
    api.keys.forgetSecret(ref).then(() => {
      reloadKept(t.account.id)
      return `Forgot the secret of ${keyLabel(t.keyRecord)}`
    }),
    'Not forgotten',
  )
}

export function runKeyAction(t: KeyTarget, a: KeyAction): void {
  const { show, toast } = useActions.getState()
  const ref = { accountId: t.account.id, keyId: t.keyRecord.keyId }
  switch (a.kind) {
    case 'enable':
      return changeTarget(t, { op: 'enable' })
    case 'disable':
    case 'delete':
    case 'forget':
      return show(t, { kind: 'confirm', op: a.kind })
    case 'rename':
      return show(t, { kind: 'rename' })
    case 'rotate':
      return rotateTarget(t)
    case 'copy':
      return exclusive(t, a, () =>
        report(
          t,
          api.keys
            .copySecret({ ...ref, part: a.part })
            .then(({ clearsInSec }) => `Copied — clears in ${clearsInSec} s`),
          'Not copied',
        ),
      )
    case 'export':
      return exclusive(t, a, () => report(t, exportSecret(ref, a.format), 'Not exported'))
    case 'try':
      return exclusive(t, a, () =>
        api.keys.try(ref).then(
          (r) => toast(t, { ok: r.ok, text: `${r.ok ? 'Works' : 'Failed'}: ${r.message}` }),
          (err: unknown) => toast(t, { ok: false, text: `Could not try it: ${toProblem(err).message}` }),
        ),
      )
    case 'not-held':
      return show(t, {
        kind: 'notice',
        title: 'KeyDesk does not hold this secret',
        text:
          `${keyLabel(t.keyRecord)}: services show a secret only once, when the key is created, and it was not kept in KeyDesk’s keychain. ` +
          'To get a usable secret, rotate the key: KeyDesk creates a replacement and shows its secret once.',
      })
    default:
      return assertNever(a)
  }
}
