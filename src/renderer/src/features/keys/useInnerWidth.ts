// The inner width of an element (without its scrollbar), followed as the window or the detail panel changes it.
// Undefined in the first render, before the element exists to be measured; null where nothing is laid out (tests).
import { useLayoutEffect, useState, type RefObject } from 'react'

export function useInnerWidth(el: RefObject<HTMLElement | null>): number | null | undefined {
  const [width, setWidth] = useState<number | null | undefined>(undefined)
  useLayoutEffect(() => {
    const node = el.current
    if (!node) return
    const update = (): void => setWidth(node.clientWidth > 0 ? node.clientWidth : null)
    update()
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null
    observer?.observe(node)
    return () => observer?.disconnect()
  }, [el])
  return width
}
