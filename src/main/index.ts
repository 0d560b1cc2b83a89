// Electron shell: app lifecycle, the window, the app:// protocol, and wiring IPC to the core.
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Notification, protocol } from 'electron'
import { AppCore } from './core/app-core'
import { writeSecretFile } from './core/export'
import { KeytarVault } from './core/vault'
import { electronClipboard } from './clipboard'
import { registerIpc, TrustedSenders } from './ipc'
import { installMenu } from './menu'
import { createMainWindow, hardenSession, isAppUrl } from './window'

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start().catch((err: unknown) => {
    // A start-up failure must be seen, not leave a windowless process behind.
    dialog.showErrorBox('KeyDesk could not start', err instanceof Error ? err.message : String(err))
    app.exit(1)
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession()
  installMenu()
  const rendererDir = join(import.meta.dirname, '../renderer')
  protocol.handle('app', async (request) => {
    const path = normalize(decodeURIComponent(new URL(request.url).pathname)).replace(/^([/\\])+/, '')
    const file = join(rendererDir, path || 'index.html')
    if (!file.startsWith(rendererDir)) return new Response('Not found', { status: 404 })
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })

  const dev = !app.isPackaged
  const core = new AppCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    host: 'electron',
    vault: new KeytarVault(dev ? 'KeyDesk Dev' : 'KeyDesk'),
    clipboard: electronClipboard,
    saveFile: async (fileName, content) => {
      const win = BrowserWindow.getFocusedWindow()
      const options = { defaultPath: join(app.getPath('downloads'), fileName) }
      const { canceled, filePath } = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options)
      if (canceled || !filePath) return null
      // The save dialog already asked before replacing an existing file.
      await writeSecretFile(filePath, content, true)
      return filePath
    },
  })
  await core.start()
  if (process.argv.includes('--demo')) await core.invoke('demo.start', {})

  const trusted = new TrustedSenders(isAppUrl)
  registerIpc(ipcMain, core, trusted)
  const win = createMainWindow()
  trusted.add(win.webContents)
  core.onEvent((event, payload) => {
    if (event === 'notify') {
      const n = payload as { title: string; body: string }
      if (!win.isDestroyed() && !win.isFocused() && Notification.isSupported())
        new Notification({ title: n.title, body: n.body }).show()
    }
    if (!win.isDestroyed()) win.webContents.send(`event:${event}`, payload)
  })

  app.on('window-all-closed', () => app.quit())
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    void core.close().finally(() => app.quit())
  })
}
