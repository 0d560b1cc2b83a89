// What one feature shows inside another, handed down by the shell: the key list shows a key's actions and the
// Create button, a rotation shows the create form and the reveal; none of those features imports another.
import { createContext, useContext, type ComponentType } from 'react'
import type { AccountView, CreatedKey, KeyRecord } from '../../../shared/model'
import type { CreateFieldsInput } from '../actions/create'

export interface Slots {
  /** A key's action menu button (the detail panel); `labelled`: "Actions" in words. */
  readonly KeyActions: ComponentType<{ keyRecord: KeyRecord; account: AccountView; labelled?: boolean }>
  /** The open actions menu of a key list row, at `anchor` (the row's button); one for the whole list. */
  readonly KeyActionsMenu: ComponentType<{
    keyRecord: KeyRecord
    account: AccountView
    anchor: HTMLElement
    id: string
    onClose: (refocus: boolean) => void
  }>
  readonly CreateKey: ComponentType<{ account: AccountView }>
  /** The create form, for a rotation's first step. */
  readonly CreateFlow: ComponentType<{
    account: AccountView
    submit: (fields: CreateFieldsInput, requestId: string) => Promise<CreatedKey>
    onCreated: (created: CreatedKey) => void
    onCancel: () => void
    initial?: { applicationId?: string; clusterId?: string }
    onRunning?: (running: boolean) => void
  }>
  /** The one-time reveal of a created key. */
  readonly Reveal: ComponentType<{ account: AccountView; created: CreatedKey; onClosed: () => void; footer?: string }>
}

const Missing = (): null => null

export const SlotsContext = createContext<Slots>({
  KeyActions: Missing,
  KeyActionsMenu: Missing,
  CreateKey: Missing,
  CreateFlow: Missing,
  Reveal: Missing,
})

export function useSlots(): Slots {
  return useContext(SlotsContext)
}
