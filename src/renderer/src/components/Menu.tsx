// A menu button, and the menu itself for a list that shares one among its rows. The menu opens in a portal at its
// button, so a virtualised list's clipped cells cannot hide it; arrow keys move, Escape or Tab closes and gives focus
// back to the button.
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import { Icon } from './Icon'

export interface MenuItem {
  readonly label: string
  readonly onSelect: () => void
  readonly danger?: boolean
  readonly disabled?: boolean
}

const ITEM_PX = 34

function placement(button: HTMLElement, items: number): CSSProperties {
  const r = button.getBoundingClientRect()
  const right = Math.max(8, window.innerWidth - r.right)
  const below = r.bottom + 4 + items * ITEM_PX + 12 <= window.innerHeight
  return below
    ? { position: 'fixed', top: r.bottom + 4, right }
    : { position: 'fixed', bottom: window.innerHeight - r.top + 4, right }
}

/**
 * The open menu of `anchor`, the button that opened it. `onClose(refocus)`: an item was chosen or Escape/Tab pressed
 * (refocus true: focus goes back to the button), the user clicked elsewhere (false), or the window was resized (true
 * while focus was in the menu).
 */
export function MenuList({
  id,
  label,
  items,
  anchor,
  onClose,
}: {
  readonly id: string
  readonly label: string
  readonly items: readonly MenuItem[]
  readonly anchor: HTMLElement
  readonly onClose: (refocus: boolean) => void
}) {
  const list = useRef<HTMLDivElement>(null)
  const [placed, setPlaced] = useState(() => ({ anchor, style: placement(anchor, items.length) }))
  // A list that mounts its rows afresh hands the menu its key's new button: it moves there, keeping its focus.
  if (placed.anchor !== anchor) setPlaced({ anchor, style: placement(anchor, items.length) })
  const style = placed.style

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus()
  }, [])
  useEffect(() => {
    const away = (e: Event): void => {
      const t = e.target as Node
      if (!list.current?.contains(t) && !anchor.contains(t)) onClose(false)
    }
    // A resize closes the menu; focus inside it goes back to its button, not to the page's body.
    const resized = (): void => onClose(list.current?.contains(document.activeElement) === true)
    // Focusing the button can scroll the list a little after the click: the menu follows its button.
    const scrolled = (e: Event): void => {
      if (!list.current?.contains(e.target as Node)) setPlaced({ anchor, style: placement(anchor, items.length) })
    }
    document.addEventListener('mousedown', away)
    window.addEventListener('scroll', scrolled, true)
    window.addEventListener('resize', resized)
    return () => {
      document.removeEventListener('mousedown', away)
      window.removeEventListener('scroll', scrolled, true)
      window.removeEventListener('resize', resized)
    }
  }, [anchor, items.length, onClose])

  const onKey = (e: KeyboardEvent): void => {
    const all = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])]
    const at = all.indexOf(document.activeElement as HTMLElement)
    const move = (i: number): void => {
      e.preventDefault()
      all[(i + all.length) % all.length]?.focus()
    }
    if (e.key === 'ArrowDown') move(at + 1)
    else if (e.key === 'ArrowUp') move(at - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(all.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault()
      onClose(true)
    }
  }
  return createPortal(
    <div ref={list} id={id} role="menu" aria-label={label} className="menu" style={style} onKeyDown={onKey}>
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={item.danger ? 'menu-danger' : undefined}
          disabled={item.disabled}
          onClick={() => {
            onClose(true)
            item.onSelect()
          }}
        >
          {item.label}
        </button>
      ))}
    </div>,
    document.body,
  )
}

export function Menu({
  label,
  items,
  tabIndex,
  text,
  owner,
}: {
  readonly label: string
  readonly items: readonly MenuItem[]
  /** -1 inside a list row, which is one tab stop as a whole. */
  readonly tabIndex?: number
  /** Words on the button beside the icon; the accessible name stays `label`. */
  readonly text?: string
  /**
   * What the menu acts on. A menu that stays mounted while its owner changes (a panel shown for another key) closes,
   * so items opened for one thing never act on another.
   */
  readonly owner?: string
}) {
  const [opened, setOpened] = useState<{ readonly owner?: string; readonly anchor: HTMLElement } | null>(null)
  const anchor = opened && opened.owner === owner ? opened.anchor : null
  const open = anchor !== null
  const button = useRef<HTMLButtonElement>(null)
  const id = useId()
  const close = (refocus: boolean): void => {
    setOpened(null)
    if (refocus) button.current?.focus()
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        className={text ? 'menu-button' : 'icon-button menu-button'}
        aria-label={label}
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={(e) => setOpened(open ? null : { owner, anchor: e.currentTarget })}
      >
        <Icon name="more" />
        {text && <span> {text}</span>}
      </button>
      {anchor && <MenuList id={id} label={label} items={items} anchor={anchor} onClose={close} />}
    </>
  )
}
