// Changes to keys: the row changes at once, the service's answer replaces it, a failure puts the old row back,
// the outcome shows as a toast, and the account is listed once afterwards (refresh.ts).
import type { AppApi } from '../../../shared/api'
import { assertNever } from '../../../shared/errors'
import type { CreatedKey, KeyRecord } from '../../../shared/model'
import { targetUid, type KeyTarget } from '../store/key-dialogs'
import { toProblem } from '../store/problem'
import type { Stores } from '../store/stores'
import { actionLabel, changeFailed, keyLabel, type KeyAction, type KeyChange } from './key-action'
import type { RefreshPolicy } from './refresh'
import type { SecretActions } from './secrets'

const DONE: Record<KeyChange['op'], string> = {
  enable: 'Enabled',
  disable: 'Disabled',
  delete: 'Deleted',
  rename: 'Renamed',
}

function optimistic(key: KeyRecord, change: KeyChange): KeyRecord {
  switch (change.op) {
    case 'enable':
      return { ...key, state: 'enabled' }
    case 'disable':
      return { ...key, state: 'disabled' }
    case 'delete':
      return { ...key, state: 'deleted' }
    case 'rename':
      return { ...key, name: change.name.trim() }
    default:
      return assertNever(change)
  }
}

export interface BulkOutcome {
  readonly key: KeyRecord
  readonly ok: boolean
  readonly problem?: string
}

export function createKeyActions(api: AppApi, stores: Stores, refresh: RefreshPolicy, secrets: SecretActions) {
  const send = (key: KeyRecord, change: KeyChange): Promise<KeyRecord | null> => {
    const ref = { accountId: key.accountId, keyId: key.keyId }
    switch (change.op) {
      case 'enable':
        return api.keys.enable(ref)
      case 'disable':
        return api.keys.disable(ref)
      case 'delete':
        // The row as shown goes along: the delete's row keeps its fields while the delete propagates.
        return api.keys.delete({ ...ref, shown: key })
      case 'rename':
        return api.keys.rename({ ...ref, name: change.name.trim() })
      default:
        return assertNever(change)
    }
  }

  /** Rows this renderer guessed; anything else in the store came from the service. */
  const guesses = new WeakSet<KeyRecord>()
  /** Per key with changes in flight: the last row the service vouched for, and how many changes are in flight. */
  const truth = new Map<string, { row: KeyRecord; inFlight: number }>()

  /** One mutation, optimistic then true; rejects with the service's error after rolling the row back. No listing. */
  const apply = async (key: KeyRecord, change: KeyChange): Promise<void> => {
    const { put } = stores.keys.getState()
    const uid = `${key.accountId}/${key.keyId}`
    const before = put(key.accountId, key.keyId, (k) => {
      const guess = optimistic(k, change)
      guesses.add(guess)
      return guess
    })
    const held = truth.get(uid)
    if (held) held.inFlight += 1
    else if (before) truth.set(uid, { row: before, inFlight: 1 })
    try {
      const answer = await send(key, change)
      if (answer) put(key.accountId, key.keyId, () => answer)
      const t = truth.get(uid)
      if (t && answer) t.row = answer
      if (change.op === 'delete') stores.kept.getState().reload(key.accountId)
    } catch (err) {
      // Undo guesses only: a listing that landed meanwhile already shows the truth. Overlapping changes to one key
      // (a double submit, a second change before the first answered) fall back to the last row the service sent.
      const t = truth.get(uid)
      if (t) put(key.accountId, key.keyId, (k) => (guesses.has(k) ? t.row : k))
      throw err
    } finally {
      const t = truth.get(uid)
      if (t && --t.inFlight <= 0) truth.delete(uid)
    }
  }

  /** `failed`: the words before the service's message, or the whole sentence made from the error. */
  const report = (t: KeyTarget, work: Promise<string>, failed: string | ((err: unknown) => string)): Promise<void> => {
    const { toast } = stores.dialogs.getState()
    return work.then(
      (text) => toast(t, { ok: true, text }),
      (err: unknown) =>
        toast(t, {
          ok: false,
          text: typeof failed === 'string' ? `${failed}: ${toProblem(err).message}` : failed(err),
        }),
    )
  }

  /** Copy, export and try run once at a time per key: a double click must not fire twice. */
  const exclusive = (t: KeyTarget, a: KeyAction, work: () => Promise<void>): void => {
    const uid = targetUid(t)
    const { busy, setBusy } = stores.dialogs.getState()
    if (uid in busy) return
    setBusy(uid, actionLabel(a))
    void work().finally(() => stores.dialogs.getState().setBusy(uid, null))
  }

  const change = (t: KeyTarget, c: KeyChange): Promise<void> => {
    const name = keyLabel(t.keyRecord)
    stores.dialogs.getState().close()
    return report(
      t,
      refresh
        .around(t.account.id, () => apply(t.keyRecord, c))
        .then(() => `${DONE[c.op]} ${c.op === 'rename' ? `as “${c.name}”` : name}`),
      (err) => changeFailed(c.op, err, name),
    )
  }

  const rotate = (t: KeyTarget): Promise<void> => {
    const { close, show } = stores.dialogs.getState()
    close()
    return api.rotation.start({ accountId: t.account.id, keyId: t.keyRecord.keyId }).then(
      (r) => {
        stores.rotations.getState().upsert(r)
        show(t, { kind: 'rotation', id: r.id })
      },
      (err: unknown) =>
        show(t, { kind: 'notice', title: `Cannot rotate ${t.keyRecord.keyId} yet`, text: toProblem(err).message }),
    )
  }

  const forget = (t: KeyTarget): Promise<void> => {
    stores.dialogs.getState().close()
    const ref = { accountId: t.account.id, keyId: t.keyRecord.keyId }
    return report(
      t,
      refresh
        .around(t.account.id, () => api.keys.forgetSecret(ref))
        .then(() => {
          stores.kept.getState().reload(t.account.id)
          return `Forgot the secret of ${keyLabel(t.keyRecord)}`
        }),
      'Not forgotten',
    )
  }

  /**
   * A rename asked from its dialog, which stays open until the service answers: a refusal rejects back to it, so the
   * typed name is kept for a retry. Whether that dialog is there to hear it is its own word (`shown`), not the store's
   * `open`: the workspace that draws it unmounts while the window has no accounts to show (the last one removed, a
   * reload) and the store keeps `open` meanwhile. A refusal nobody would show is a toast like any other change's, and
   * either outcome ends the dialog it was asked from.
   */
  const rename = async (t: KeyTarget, name: string, shown: () => boolean): Promise<void> => {
    const { dialogs } = stores
    const asked = dialogs.getState().open
    const stillOpen = (): boolean => asked !== null && dialogs.getState().open === asked
    try {
      await refresh.around(t.account.id, () => apply(t.keyRecord, { op: 'rename', name }))
    } catch (err) {
      if (shown()) throw err
      // The dialog went with the typed name: a blank copy of it coming back would only cover the toast.
      if (stillOpen()) dialogs.getState().close()
      return dialogs.getState().toast(t, { ok: false, text: changeFailed('rename', err, keyLabel(t.keyRecord)) })
    }
    if (stillOpen()) dialogs.getState().close()
    dialogs.getState().toast(t, { ok: true, text: `${DONE.rename} as “${name.trim()}”` })
  }

  /**
   * Several changes: accounts in parallel, keys of one account one after another (no service sees a burst), and
   * one listing per account at the end. `each` hears every outcome as it happens.
   */
  const changeMany = async (
    op: 'disable' | 'delete',
    keys: readonly KeyRecord[],
    each: (o: BulkOutcome) => void,
  ): Promise<void> => {
    const accounts = [...new Set(keys.map((k) => k.accountId))]
    await Promise.all(
      accounts.map((accountId) =>
        refresh.around(accountId, async () => {
          for (const key of keys.filter((k) => k.accountId === accountId)) {
            await apply(key, { op }).then(
              () => each({ key, ok: true }),
              (err: unknown) => each({ key, ok: false, problem: toProblem(err).message }),
            )
          }
        }),
      ),
    )
  }

  const run = (t: KeyTarget, a: KeyAction): void => {
    const { show, toast } = stores.dialogs.getState()
    const ref = { accountId: t.account.id, keyId: t.keyRecord.keyId }
    switch (a.kind) {
      case 'enable':
        return void change(t, { op: 'enable' })
      case 'disable':
      case 'delete':
      case 'forget':
        return show(t, { kind: 'confirm', op: a.kind })
      case 'rename':
        return show(t, { kind: 'rename' })
      case 'regenerate':
        return show(t, { kind: 'regenerate' })
      case 'rotate':
        return void rotate(t)
      case 'copy':
        return exclusive(t, a, () => report(t, secrets.copy(ref, a.part), 'Not copied'))
      case 'export':
        return exclusive(t, a, () => report(t, secrets.export(ref, a.format), 'Not exported'))
      case 'try':
        return exclusive(t, a, () =>
          secrets.try(ref).then(
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

  /** A new secret for the key, answered to the dialog that asked (it carries the only copy); the list follows. */
  const regenerate = async (t: KeyTarget, requestId: string, keep: boolean): Promise<CreatedKey> => {
    const ref = { accountId: t.account.id, keyId: t.keyRecord.keyId }
    const created = await refresh.around(t.account.id, () => api.keys.regenerate({ ...ref, requestId, keep }))
    stores.kept.getState().reload(t.account.id)
    return created
  }

  return { change, changeMany, rename, rotate, forget, regenerate, run }
}

export type KeyActions = ReturnType<typeof createKeyActions>
