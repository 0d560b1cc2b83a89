// Open dialogs and outcome toasts of per-key actions. They live here, not in the row, because a virtualised row
// unmounts whenever it leaves the rendered window (filtered out, re-sorted, scrolled away) and would take them along.
import { createStore } from 'zustand/vanilla'
import type { AccountView, KeyRecord } from '../../../shared/model'

export interface ToastMessage {
  readonly ok: boolean
  readonly text: string
}

export type ActionDialog =
  | { readonly kind: 'confirm'; readonly op: 'disable' | 'delete' | 'forget' }
  | { readonly kind: 'rename' }
  /** Asks, regenerates, then shows the new secret once (the CreatedKey stays in the dialog, never in a store). */
  | { readonly kind: 'regenerate' }
  | { readonly kind: 'rotation'; readonly id: string }
  | { readonly kind: 'notice'; readonly title: string; readonly text: string }

export interface KeyTarget {
  readonly keyRecord: KeyRecord
  readonly account: AccountView
}

export interface OpenAction extends KeyTarget {
  /** `${accountId}/${keyId}` */
  readonly uid: string
  readonly dialog: ActionDialog
}

export interface KeyDialogsState {
  open: OpenAction | null
  /** The latest outcome per key, by uid. */
  toasts: Readonly<Record<string, ToastMessage>>
  /** Per uid, the label of the copy, export or try still running. */
  busy: Readonly<Record<string, string>>
  readonly show: (t: KeyTarget, dialog: ActionDialog) => void
  readonly close: () => void
  readonly toast: (t: KeyTarget, message: ToastMessage) => void
  readonly dismiss: (uid: string) => void
  readonly setBusy: (uid: string, label: string | null) => void
}

export const targetUid = (t: KeyTarget): string => `${t.account.id}/${t.keyRecord.keyId}`

export function createKeyDialogsStore() {
  return createStore<KeyDialogsState>((set) => ({
    open: null,
    toasts: {},
    busy: {},
    show: (t, dialog) => set({ open: { ...t, uid: targetUid(t), dialog } }),
    close: () => set({ open: null }),
    toast: (t, message) => set((s) => ({ toasts: { ...s.toasts, [targetUid(t)]: message } })),
    dismiss: (uid) => set((s) => (uid in s.toasts ? { toasts: without(s.toasts, uid) } : s)),
    setBusy: (uid, label) =>
      set((s) => ({ busy: label === null ? without(s.busy, uid) : { ...s.busy, [uid]: label } })),
  }))
}

function without<T>(record: Readonly<Record<string, T>>, uid: string): Record<string, T> {
  const out = { ...record }
  delete out[uid]
  return out
}
