// The hardened window: sandboxed, isolated, no navigation, no new windows, no permissions.
import { join } from 'node:path'
import { BrowserWindow, session, shell } from 'electron'

/** Links the app may open in the system browser: the services' documentation only. */
const EXTERNAL_ALLOW = [/^https:\/\/cloudops\.github\.io\//, /^https:\/\/docs\.onqlave\.com\//, /^https:\/\/cloudforet\.io\//]

export const RENDERER_ORIGIN = 'app://keydesk'

export function isAppUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL
  return url.startsWith(`${RENDERER_ORIGIN}/`) || (!!dev && url.startsWith(dev))
}

export function hardenSession(): void {
  const s = session.defaultSession
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  s.setPermissionCheckHandler(() => false)
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'KeyDesk',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW.some((re) => re.test(url))) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.on('will-redirect', (event) => event.preventDefault())
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev && !process.env.KEYDESK_PACKAGED) void win.loadURL(dev)
  else void win.loadURL(`${RENDERER_ORIGIN}/index.html`)
  return win
}
