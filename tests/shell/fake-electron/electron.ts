// A small fake of Electron's main-process module (electron.d.ts, Electron 45) for what the KeyDesk shell uses.
// It keeps what the shell registers so the test can play the renderer, the user and the OS (see control.ts).
// Where Electron's behaviour is not documented precisely enough to copy, a comment says "Guess".
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type {
  CustomScheme,
  Display,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron'
import { exitAfterFlush } from './channel'
// The test drives the fake from its own process (a static import: control.ts uses these bindings only later).
import './control'
import { utilityProcess } from './utility'
import { FakeBrowserWindow, preventable, windowHooks, windows } from './window'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

export const registry = {
  privileged: [] as CustomScheme[],
  protocols: new Map<string, (request: Request) => Response | Promise<Response>>(),
  handlers: new Map<string, Handler>(),
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  notifications: [] as { title: string; body: string }[],
  externalOpened: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
  savePath: null as string | null,
  saveDialogs: [] as SaveDialogOptions[],
  appMenu: null as FakeMenu | null,
  trays: [] as FakeTray[],
  clipboardText: '',
}

// Guess: Electron resolves whenReady after the main script's synchronous part has run.
let isReady = false
let markReady: () => void = () => undefined
const ready = new Promise<void>((resolve) => (markReady = resolve))
setImmediate(() => {
  isReady = true
  markReady()
  app.emit('ready')
})

const userData = process.env.FAKE_ELECTRON_USER_DATA ?? join(process.cwd(), '.fake-user-data')

class FakeApp extends EventEmitter {
  readonly isPackaged = false
  quitting = false
  whenReady(): Promise<void> {
    return ready
  }
  getVersion(): string {
    return (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
  }
  getName(): string {
    return 'KeyDesk'
  }
  getPath(name: string): string {
    if (name === 'userData') return userData
    if (name === 'downloads') return join(userData, 'Downloads')
    throw new Error(`Guess: the fake knows only userData and downloads, not "${name}"`)
  }
  /** The test says whether another instance holds the lock (FAKE_ELECTRON_SECOND_INSTANCE). */
  requestSingleInstanceLock(): boolean {
    return process.env.FAKE_ELECTRON_SECOND_INSTANCE !== '1'
  }
  /** Electron: before-quit, then close every window (each may refuse), then will-quit, quit, exit. */
  quit(): void {
    const before = preventable({})
    this.emit('before-quit', before)
    if (before.defaultPrevented) return
    this.quitting = true
    for (const w of [...windows]) if (!w.close()) return void (this.quitting = false)
    const will = preventable({})
    this.emit('will-quit', will)
    if (will.defaultPrevented) return
    this.emit('quit', preventable({}), 0)
    exitAfterFlush(0, registry.clipboardText)
  }
  exit(code = 0): void {
    exitAfterFlush(code, registry.clipboardText)
  }
}

export const app = new FakeApp()

/** Electron quits when the last window closes, unless someone listens for 'window-all-closed'. */
windowHooks.closed = (): void => {
  if (app.quitting || FakeBrowserWindow.getAllWindows().length > 0) return
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed')
  else app.quit()
}

export const protocol = {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    // Electron documents that this works only before 'ready'.
    if (isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    registry.privileged.push(...schemes)
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (registry.protocols.has(scheme)) throw new Error(`Guess: a second handler for ${scheme} is refused`)
    registry.protocols.set(scheme, handler)
  },
}

export const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel: string, handler: Handler): void {
    if (registry.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    registry.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    registry.handlers.delete(channel)
  },
})

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: typeof registry.permissionRequest): void {
      registry.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: typeof registry.permissionCheck): void {
      registry.permissionCheck = handler
    },
  },
}

export const dialog = {
  /** Guess: the test picks the file the user would pick (FakeControl 'save-path'); none means Cancel. */
  async showSaveDialog(
    ...args: [FakeBrowserWindow, SaveDialogOptions] | [SaveDialogOptions]
  ): Promise<SaveDialogReturnValue> {
    const options = args.length === 2 ? args[1] : args[0]
    registry.saveDialogs.push(options)
    const filePath = registry.savePath
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' }
  },
  showErrorBox(title: string, content: string): void {
    registry.errorBoxes.push({ title, content })
    process.stderr.write(`[fake electron] error box: ${title}: ${content}\n`)
  },
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super()
  }
  show(): void {
    registry.notifications.push({ title: this.options.title ?? '', body: this.options.body ?? '' })
  }
}

/** Guess: an in-memory clipboard holding text; Electron's is the system one. */
export const clipboard = {
  readText: (): string => registry.clipboardText,
  writeText: (text: string): void => {
    registry.clipboardText = text
  },
  write: async (items: ClipboardItem[]): Promise<void> => {
    registry.clipboardText = items.map((i) => i.text).join('')
  },
  clear: (): void => {
    registry.clipboardText = ''
  },
}

export class ClipboardItem {
  readonly text: string
  constructor(readonly items: Record<string, string>) {
    this.text = items['text/plain'] ?? ''
  }
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    registry.externalOpened.push(url)
  },
}

export interface MenuSnapshot {
  readonly label?: string
  readonly role?: string
  readonly accelerator?: string
  readonly enabled?: boolean
  readonly submenu?: readonly MenuSnapshot[]
}

export class FakeMenu {
  constructor(readonly template: readonly MenuItemConstructorOptions[]) {}
  snapshot(): MenuSnapshot[] {
    const one = (item: MenuItemConstructorOptions): MenuSnapshot => ({
      label: item.label,
      role: item.role,
      accelerator: typeof item.accelerator === 'string' ? item.accelerator : undefined,
      enabled: item.enabled,
      submenu: Array.isArray(item.submenu) ? item.submenu.map(one) : undefined,
    })
    return this.template.map(one)
  }
  /** Clicks the first item with this label, at any depth. */
  click(label: string): boolean {
    const find = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined =>
      items.reduce<MenuItemConstructorOptions | undefined>(
        (found, i) => found ?? (i.label === label ? i : Array.isArray(i.submenu) ? find(i.submenu) : undefined),
        undefined,
      )
    const item = find(this.template)
    if (!item?.click) return false
    ;(item.click as () => void)()
    return true
  }
}

export const Menu = {
  buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => new FakeMenu(template),
  setApplicationMenu: (menu: FakeMenu | null): void => {
    registry.appMenu = menu
  },
}

export class FakeImage {
  template = false
  constructor(readonly path: string) {}
  /** Electron returns an empty image for a missing file rather than throwing. */
  isEmpty(): boolean {
    return !existsSync(this.path)
  }
  setTemplateImage(on: boolean): void {
    this.template = on
  }
}

export const nativeImage = { createFromPath: (path: string): FakeImage => new FakeImage(path) }

export class FakeTray extends EventEmitter {
  tooltip = ''
  menu: FakeMenu | null = null
  destroyed = false
  constructor(readonly image: FakeImage) {
    super()
    registry.trays.push(this)
  }
  setToolTip(text: string): void {
    this.tooltip = text
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu
  }
  destroy(): void {
    this.destroyed = true
  }
}

export const powerMonitor = new EventEmitter()

/** Guess: one 1920×1080 display with a 40 px task bar at the bottom. */
const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
}
export const screen = {
  getDisplayMatching: (): Pick<Display, 'id' | 'bounds' | 'workArea'> => display,
  getPrimaryDisplay: (): Pick<Display, 'id' | 'bounds' | 'workArea'> => display,
}

export { FakeBrowserWindow as BrowserWindow, FakeTray as Tray }
export { utilityProcess } from './utility'

export default {
  app,
  BrowserWindow: FakeBrowserWindow,
  ClipboardItem,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray: FakeTray,
  utilityProcess,
}
