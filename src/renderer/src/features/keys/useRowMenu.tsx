// The key list's one actions menu (see KeyTable): the state of which row it is open for, and the menu itself.
import { useCallback, useId, useState } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useSlots } from '../../components/slots'

/**
 * The one actions menu of the list, open for at most one key at its row's button. It shows only while that key is
 * still in the row it was opened from: a row scrolled away, or showing another key after a search, takes the menu with
 * it, so items never act on a key out of sight nor sit beside another key.
 */
export function useRowMenu(
  shown: readonly KeyRecord[],
  first: number,
  generation: number,
  accounts: ReadonlyMap<string, AccountView>,
) {
  const { KeyActionsMenu } = useSlots()
  const id = useId()
  const [open, setOpen] = useState<Opened | null>(null)
  /** `rowIndex`: the aria-rowindex of the row whose button `anchor` is. */
  const toggle = useCallback(
    (uid: string, rowIndex: number, anchor: HTMLElement) =>
      setOpen((o) => (o?.anchor === anchor && o.uid === uid ? null : { uid, rowIndex, anchor, generation })),
    [generation],
  )
  const close = useCallback(
    (refocus: boolean) => {
      setOpen(null)
      if (refocus) open?.anchor.focus()
    },
    [open],
  )
  const k = open && open.generation === generation ? shown[open.rowIndex - 2 - first] : undefined
  const account = k && `${k.accountId}/${k.keyId}` === open?.uid ? accounts.get(k.accountId) : undefined
  const menu =
    open && k && account ? (
      <KeyActionsMenu keyRecord={k} account={account} anchor={open.anchor} id={id} onClose={close} />
    ) : null
  return { id, openFor: menu ? open?.uid : null, toggle, menu }
}

interface Opened {
  readonly uid: string
  readonly rowIndex: number
  readonly anchor: HTMLElement
  /** The rows' generation (useRowGeneration) when it opened: a new one has mounted other elements. */
  readonly generation: number
}
