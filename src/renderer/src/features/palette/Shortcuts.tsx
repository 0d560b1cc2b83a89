// "?": every keyboard shortcut, in one list.
import { Dialog } from '../../components/Dialog'

export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['/', 'Search the keys'],
  ['Ctrl+K or ⌘K', 'Find any command: go to an account, act on the selected key, create a key'],
  ['↑ ↓ Home End', 'Move through the keys (the list is one tab stop)'],
  ['Enter', 'Open the selected key’s details'],
  ['Space', 'Select or unselect the key for a bulk action'],
  ['Shift+↑ ↓ Home End PgUp PgDn', 'Select from where Shift was first pressed to the key reached, for a bulk action'],
  ['Shift+F10', 'Open the selected key’s actions'],
  ['Alt+← Alt+→', 'On a column’s header: make the column narrower or wider'],
  ['Escape', 'Close a dialog, a menu or the details panel; focus goes back where it was'],
  ['?', 'Show this list'],
]

export function Shortcuts({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
