// A menu button. The menu opens in a portal at the button, so a virtualised list's clipped cells cannot hide it;
// arrow keys move, Escape or Tab closes and gives focus back to the button.
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
   * What the menu acts on. A menu that stays mounted while its owner changes (a list row reused for another key)
   * closes, so items opened for one thing never act on another.
   */
  readonly owner?: string
}) {
  const [opened, setOpened] = useState<{ readonly style: CSSProperties; readonly owner?: string } | null>(null)
  const style = opened && opened.owner === owner ? opened.style : null
  const setStyle = (next: CSSProperties | null): void => setOpened(next ? { style: next, owner } : null)
  const button = useRef<HTMLButtonElement>(null)
  const list = useRef<HTMLDivElement>(null)
  const id = useId()
  const open = style !== null

  useEffect(() => {
    if (!open) return
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus()
    const away = (e: Event): void => {
      const t = e.target as Node
      if (!list.current?.contains(t) && !button.current?.contains(t)) setOpened(null)
    }
    // Focusing the button can scroll the list a little after the click: the menu follows its button.
    const scrolled = (e: Event): void => {
      const at = button.current
      if (!list.current?.contains(e.target as Node) && at)
        setOpened((o) => (o ? { ...o, style: placement(at, items.length) } : o))
    }
    document.addEventListener('mousedown', away)
    window.addEventListener('scroll', scrolled, true)
    window.addEventListener('resize', away)
    return () => {
      document.removeEventListener('mousedown', away)
      window.removeEventListener('scroll', scrolled, true)
      window.removeEventListener('resize', away)
    }
  }, [open, items.length])

  const close = (): void => {
    setStyle(null)
    button.current?.focus()
  }
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
      close()
    }
  }
  const toggle = (): void => {
    if (open || !button.current) setStyle(null)
    else setStyle(placement(button.current, items.length))
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
        onClick={toggle}
      >
        <Icon name="more" />
        {text && <span> {text}</span>}
      </button>
      {style &&
        createPortal(
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
                  close()
                  item.onSelect()
                }}
              >
                {item.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  )
}
