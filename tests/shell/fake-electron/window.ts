// Fake BrowserWindow and WebContents: records what the shell asks of a window and lets the test play the user and OS.
import { EventEmitter } from 'node:events'
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Rectangle,
  BrowserWindow as RealBrowserWindow,
  WebContents as RealWebContents,
  WindowOpenHandlerResponse,
} from 'electron'
import { toTest } from './channel'

/** An Electron-style preventable event (Electron.Event). */
export function preventable<P extends object>(params: P): P & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

let nextId = 1
export const windows: FakeBrowserWindow[] = []
/** Set by the app fake: Electron's app reacts when the last window closes. */
export const windowHooks = { closed: (): void => undefined }

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  url = ''
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null
  private destroyed = false

  constructor(readonly windowId: number) {
    super()
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler
  }

  /** Guess: resolves at once; the test loads the page and then reports 'did-finish-load'. */
  async loadURL(url: string): Promise<void> {
    this.url = url
    toTest({ type: 'load', windowId: this.windowId, url })
  }

  getURL(): string {
    return this.url
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    toTest({ type: 'send', windowId: this.windowId, channel, args })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getFocusedWindow(): FakeBrowserWindow | null {
    return windows.find((w) => w.focused && !w.destroyed) ?? null
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return windows.filter((w) => !w.destroyed)
  }

  readonly id: number
  readonly webContents: FakeWebContents
  bounds: Rectangle
  focused = false
  visible = false
  minimized = false
  maximized = false
  destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super()
    this.id = windows.length + 1
    this.webContents = new FakeWebContents(this.id)
    // Guess: the OS centres a window opened without a position on a 1920×1080 display.
    const width = options.width ?? 800
    const height = options.height ?? 600
    this.bounds = { x: options.x ?? (1920 - width) / 2, y: options.y ?? (1080 - height) / 2, width, height }
    this.visible = options.show !== false
    windows.push(this)
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }

  show(): void {
    this.visible = true
    this.minimized = false
    this.focus()
  }

  focus(): void {
    for (const w of windows) if (w !== this && w.focused) w.blur()
    if (this.focused) return
    this.focused = true
    this.emit('focus')
  }

  blur(): void {
    if (!this.focused) return
    this.focused = false
    this.emit('blur')
  }

  isFocused(): boolean {
    return this.focused
  }
  isVisible(): boolean {
    return this.visible
  }
  isMinimized(): boolean {
    return this.minimized
  }
  minimize(): void {
    this.minimized = true
    this.blur()
  }
  restore(): void {
    this.minimized = false
  }
  isMaximized(): boolean {
    return this.maximized
  }
  maximize(): void {
    this.maximized = true
  }
  getBounds(): Rectangle {
    return this.bounds
  }
  getNormalBounds(): Rectangle {
    return this.bounds
  }
  isDestroyed(): boolean {
    return this.destroyed
  }

  /** The user moved or resized the window; Electron emits 'moved'/'resized' once the gesture ends (macOS, Windows). */
  moveTo(bounds: Rectangle): void {
    this.bounds = bounds
    this.emit('resized')
    this.emit('moved')
  }

  /** Returns false when a 'close' listener prevented it. */
  close(): boolean {
    if (this.destroyed) return true
    const event = preventable({})
    this.emit('close', event)
    if (event.defaultPrevented) return false
    this.destroyed = true
    this.focused = false
    this.webContents.destroy()
    this.emit('closed')
    windowHooks.closed()
    return true
  }
}

// The fakes stand in for Electron's classes: check their shapes against electron.d.ts where the shell touches them.
export const checkWindow = (
  w: FakeBrowserWindow,
): Pick<
  RealBrowserWindow,
  'show' | 'focus' | 'isFocused' | 'isMinimized' | 'restore' | 'isMaximized' | 'maximize' | 'getNormalBounds'
> => w
export const checkContents = (c: FakeWebContents): Pick<RealWebContents, 'id' | 'send' | 'getURL' | 'isDestroyed'> => c
