// The Electron clipboard behind the core's ClipboardPort.
import { clipboard, ClipboardItem } from 'electron'
import type { ClipboardPort } from './core/clipboard'

// KDE Klipper and other clipboard managers skip entries that carry this raw format.
const PASSWORD_HINT = 'electron application/osclipboard;format="x-kde-passwordManagerHint"'

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeSecret: async (text) => {
    if (process.platform !== 'linux') return clipboard.writeText(text)
    await clipboard.write([new ClipboardItem({ 'text/plain': text, [PASSWORD_HINT]: 'secret' })])
  },
  clear: async () => clipboard.clear(),
}
