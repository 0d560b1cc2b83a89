// The key list's one actions menu (see KeyTable): the state of which row it is open for, and the menu itself.
import { useCallback, useId, useState } from 'react'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { useSlots } from '../../components/slots'

/**
 * The one actions menu of the list, open for at most one key at its row's button. It follows its key: when rows are
 * mounted afresh (useRowGeneration), it moves to the key's new row; a row scrolled away, or showing another key after a
 * search, takes the menu with it, so items never act on a key out of sight nor sit beside another key.
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
  /** `rowIndex`: the aria-rowindex of the row whose button `anchor` is; `back`: see Opened. */
  const toggle = useCallback(
    (uid: string, rowIndex: number, anchor: HTMLElement, back?: HTMLElement) =>
      setOpen((o) => (o?.anchor === anchor && o.uid === uid ? null : { uid, rowIndex, anchor, generation, back })),
    [generation],
  )
  const close = useCallback(
    (refocus: boolean) => {
      setOpen(null)
      if (refocus) (open?.back ?? open?.anchor)?.focus()
    },
    [open],
  )
  /** The open key's row registers its button here (KeyRow's ref), also when rows were mounted afresh. */
  const anchorAt = useCallback(
    (uid: string, rowIndex: number, anchor: HTMLElement) =>
      setOpen((o) =>
        o?.uid === uid && (o.anchor !== anchor || o.rowIndex !== rowIndex || o.generation !== generation)
          ? { ...o, rowIndex, anchor, generation }
          : o,
      ),
    [generation],
  )
  const uidOf = (r: KeyRecord | undefined): string | undefined => r && `${r.accountId}/${r.keyId}`
  // Same generation: the key must still be in its row. A new one: wherever the key is now; its row re-anchors it.
  const at = !open
    ? -1
    : open.generation === generation
      ? uidOf(shown[open.rowIndex - 2 - first]) === open.uid
        ? open.rowIndex - 2 - first
        : -1
      : shown.findIndex((r) => uidOf(r) === open.uid)
  // Gone from its row (scrolled or searched away): closed for good, not shown again should the key come back.
  if (open && at < 0) setOpen(null)
  const k = at >= 0 ? shown[at] : undefined
  const account = k && accounts.get(k.accountId)
  const menu =
    open && k && account ? (
      <KeyActionsMenu keyRecord={k} account={account} anchor={open.anchor} id={id} onClose={close} />
    ) : null
  return { id, openFor: menu ? open?.uid : null, toggle, anchorAt, menu }
}

interface Opened {
  readonly uid: string
  readonly rowIndex: number
  readonly anchor: HTMLElement
  /** The rows' generation (useRowGeneration) when it was anchored: a new one has mounted other elements. */
  readonly generation: number
  /** Where focus goes back when the menu closes, if not to its button: the grid, when opened from the grid's keys. */
  readonly back?: HTMLElement
}
