// Electron shell: app lifecycle, the window, the app:// protocol, tray and menu, and wiring IPC to the core.
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Notification, powerMonitor, protocol, utilityProcess } from 'electron'
import type { Events } from '../shared/api'
import type { Propagation } from '../shared/model'
import { AppCore } from './core/app-core'
import { serveCommands } from './core/command-channel'
import { claimForApp } from './core/data-dir-owner'
import { writeSecretFile } from './core/export'
import { fromUtilityProcess, KeytarVault } from './core/vault'
import { appProtocolHandler } from './app-protocol'
import { electronClipboard } from './clipboard'
import { openElectronStore } from './settings-engine'
import { registerIpc, TrustedSenders } from './ipc'
import { installMenu } from './menu'
import { createTray } from './tray'
import { createMainWindow, hardenSession, isAppUrl } from './window'
import { WindowState } from './window-state'

/** keytar runs in a utility process (with RunAsNode off, child_process.fork cannot start Electron as Node). */
const spawnVaultHelper = () =>
  fromUtilityProcess(
    utilityProcess.fork(join(import.meta.dirname, 'vault-helper.js'), [], {
      serviceName: 'KeyDesk keychain',
      stdio: 'ignore',
    }),
  )

const propagating = (records: readonly Propagation[]): number => records.filter((r) => r.state === 'propagating').length

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

if (!app.requestSingleInstanceLock()) {
  // Another KeyDesk is running: it receives 'second-instance' and comes to the front.
  app.quit()
} else {
  start().catch((err: unknown) => {
    // A start-up failure must be seen, not leave a windowless process behind.
    dialog.showErrorBox('KeyDesk could not start', err instanceof Error ? err.message : String(err))
    app.exit(1)
  })
}

async function start(): Promise<void> {
  // Windows shows notifications only for an app with a user model id; the installer registers the same one (appId).
  if (process.platform === 'win32') app.setAppUserModelId('dev.keydesk.app')
  await app.whenReady()
  hardenSession()
  protocol.handle('app', appProtocolHandler(join(import.meta.dirname, '../renderer')))
  // Packaged or not, resources/ sits beside out/ (inside the asar when packaged).
  const resourcesDir = join(import.meta.dirname, '../../resources')

  // One core per data directory: `keydesk` commands reach this one while the app runs.
  const claim = await claimForApp(app.getPath('userData'))
  process.on('exit', () => claim.release())
  const core = new AppCore({
    dataDir: app.getPath('userData'),
    version: app.getVersion(),
    host: 'electron',
    openSettingsEngine: openElectronStore,
    vault: new KeytarVault(app.isPackaged ? 'KeyDesk' : 'KeyDesk Dev', { spawn: spawnVaultHelper }),
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
  const stopCommands = await serveCommands(core, claim)
  if (process.argv.includes('--demo')) await core.invoke('demo.start', {})

  const trusted = new TrustedSenders(isAppUrl)
  registerIpc(ipcMain, core, trusted)
  const windowState = new WindowState(app.getPath('userData'))
  let win: BrowserWindow | null = null
  const openWindow = (): BrowserWindow => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore()
      win.show()
      win.focus()
      return win
    }
    const created = createMainWindow(windowState, join(resourcesDir, 'icon.png'))
    trusted.add(created.webContents)
    created.on('closed', () => {
      if (win === created) win = null
    })
    win = created
    return created
  }
  openWindow()

  // Locking goes through the core like any request (a no-op while no passphrase is set).
  const lock = (): void => void core.invoke('lock.lock', {})
  powerMonitor.on('lock-screen', lock)
  powerMonitor.on('suspend', lock)
  installMenu({ lock })
  const tray = createTray(resourcesDir, { open: openWindow, quit: () => app.quit(), lock })
  const pending = await core.invoke('propagation.list', {})
  if (pending.ok) tray.setPending(propagating(pending.value as readonly Propagation[]))

  const notify = ({ title, body }: Events['notify']): void => {
    // Only when the user is looking elsewhere: the window shows the same news itself.
    if (win && !win.isDestroyed() && win.isFocused()) return
    if (!Notification.isSupported()) return
    const n = new Notification({ title, body })
    n.on('click', () => openWindow())
    n.show()
  }
  core.onEvent((event, payload) => {
    if (event === 'notify') notify(payload as Events['notify'])
    if (event === 'propagation.updated')
      tray.setPending(propagating((payload as Events['propagation.updated']).records))
    if (win && !win.isDestroyed()) win.webContents.send(`event:${event}`, payload)
  })

  // With the window closed the app quits, except on macOS where apps stay in the dock until Quit.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => openWindow())
  app.on('second-instance', () => openWindow())
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    tray.destroy()
    void stopCommands()
      .then(() => core.close())
      .finally(() => {
        claim.release()
        app.quit()
      })
  })
}
