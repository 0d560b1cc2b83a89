// After a refused submit, the first field marked invalid takes the keyboard, which also scrolls it into view: in a
// tall dialog the message could otherwise sit below the fold while nothing near the button changed.
import { useEffect, useRef, useState } from 'react'

export function useFirstInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null)
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])
  return { ref, refused: (): void => setRefusals((n) => n + 1) }
}
