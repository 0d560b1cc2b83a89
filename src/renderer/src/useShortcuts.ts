// The app's keyboard shortcuts: "/" searches, Ctrl/⌘+K opens the command palette, "?" lists the shortcuts. Plain
// keys are left alone while the user types in a field or a dialog is open.
import { useEffect } from 'react'
import { useStores } from './store/stores'

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

const dialogOpen = (): boolean => document.querySelector('[role="dialog"], [role="alertdialog"]') !== null

export function useShortcuts(): void {
  const { ui } = useStores()
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        // Over another dialog the palette would close it: it opens from the main window only.
        if (!dialogOpen()) ui.getState().open({ kind: 'palette' })
        return
      }
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target) || dialogOpen()) return
      if (e.key === '/') {
        const search = document.getElementById('key-search')
        if (!search) return
        e.preventDefault()
        search.focus()
      } else if (e.key === '?') {
        e.preventDefault()
        ui.getState().open({ kind: 'shortcuts' })
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [ui])
}
