// The hardened window: sandboxed, isolated, no navigation, no new windows, no permissions.
import { join } from 'node:path'
import { app, BrowserWindow, session, shell } from 'electron'
import type { WindowState } from './window-state'

/** Links the app may open in the system browser: the services' documentation only. */
const EXTERNAL_ALLOW = [
  /^https:\/\/cloudops\.github\.io\//,
  /^https:\/\/docs\.onqlave\.com\//,
  /^https:\/\/cloudforet\.io\//,
]

export const RENDERER_ORIGIN = 'app://keydesk'

/** The dev server's origin, only in an unpackaged build: a packaged app never trusts an environment variable. */
function devOrigin(): string | null {
  const dev = process.env.ELECTRON_RENDERER_URL
  if (!dev || app.isPackaged) return null
  try {
    return new URL(dev).origin
  } catch {
    return null
  }
}

export function isAppUrl(url: string): boolean {
  let origin: string
  try {
    origin = new URL(url).origin
  } catch {
    return false
  }
  // app:// URLs have an opaque origin ("null"), so they are recognised by their prefix.
  return url.startsWith(`${RENDERER_ORIGIN}/`) || (devOrigin() !== null && origin === devOrigin())
}

export function hardenSession(): void {
  const s = session.defaultSession
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  s.setPermissionCheckHandler(() => false)
}

export function createMainWindow(state: WindowState, icon: string): BrowserWindow {
  const initial = state.initial()
  const win = new BrowserWindow({
    ...initial.bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'KeyDesk',
    // Linux shows this in the title bar and task switcher; macOS and Windows take the packaged app's icon.
    icon,
    webPreferences: {
      // Reviewed: the preload exposes only the named functions of the channel map, never ipcRenderer.
      preload: join(import.meta.dirname, '../preload/index.cjs') /* eng-disable PRELOAD_JS_CHECK */,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, bypassing the open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  state.track(win)
  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize()
    win.show()
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Only https documentation links on the allow-list reach the system browser.
    if (EXTERNAL_ALLOW.some((re) => re.test(url))) void shell.openExternal(url) /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    return { action: 'deny' }
  })
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.on('will-redirect', (event) => event.preventDefault())
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  const dev = devOrigin() && process.env.ELECTRON_RENDERER_URL
  if (dev) void win.loadURL(dev)
  else void win.loadURL(`${RENDERER_ORIGIN}/index.html`)
  return win
}
