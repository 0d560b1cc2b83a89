// Commands from the test process: play the renderer (IPC, app:// requests), the user (focus, menus, quit) and the OS.
import type { IpcMainInvokeEvent } from 'electron'
import { onCommand } from './channel'
import { app, ipcMain, powerMonitor, registry } from './electron'
import { forked } from './utility'
import { type FakeBrowserWindow, preventable, windows } from './window'

function windowById(id: unknown): FakeBrowserWindow {
  const win = windows.find((w) => w.id === id)
  if (!win) throw new Error(`no window ${String(id)}`)
  return win
}

/** A command's argument that must be text. */
function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected text, got ${typeof value}`)
  return value
}

const commands: Record<string, (args: Record<string, unknown>) => unknown> = {
  /** ipcRenderer.invoke from a frame: the sender is whatever WebContents id the test names (or a stranger's). */
  invoke: async ({ senderId, frameUrl, channel, input }) => {
    const handler = registry.handlers.get(String(channel))
    if (!handler) throw new Error(`No handler registered for '${String(channel)}'`)
    const sender = windows.map((w) => w.webContents).find((c) => c.id === senderId) ?? { id: senderId }
    const event = { sender, senderFrame: { url: frameUrl }, processId: 1, frameId: 1 } as unknown as IpcMainInvokeEvent
    return handler(event, input)
  },
  /** A request Chromium made to the app:// scheme, answered by the registered handler. */
  protocol: async ({ url, method }) => {
    const scheme = new URL(String(url)).protocol.replace(':', '')
    const handler = registry.protocols.get(scheme)
    if (!handler) throw new Error(`no handler for ${scheme}:`)
    const response = await handler(new Request(String(url), { method: method === undefined ? 'GET' : text(method) }))
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: new Uint8Array(await response.arrayBuffer()),
    }
  },
  loaded: ({ windowId }) => {
    const win = windowById(windowId)
    win.webContents.emit('did-finish-load')
    win.emit('ready-to-show')
  },
  /** A renderer-initiated navigation: Electron asks 'will-navigate' listeners and cancels it if one prevents it. */
  'will-navigate': ({ windowId, url }) => {
    const event = preventable({ url: String(url), isSameDocument: false, isMainFrame: true, frame: null })
    windowById(windowId).webContents.emit('will-navigate', event, url)
    return event.defaultPrevented
  },
  'window-open': ({ windowId, url }) => {
    const handler = windowById(windowId).webContents.openHandler
    if (!handler) return { action: 'allow' }
    return handler({
      url: String(url),
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    })
  },
  permission: async ({ permission }) => {
    const handler = registry.permissionRequest
    if (!handler) return 'no handler'
    return new Promise((resolve) => handler(null, String(permission), resolve))
  },
  windows: () =>
    windows.map((w) => ({
      id: w.id,
      webContentsId: w.webContents.id,
      options: JSON.parse(JSON.stringify(w.options)) as unknown,
      bounds: w.bounds,
      focused: w.focused,
      visible: w.visible,
      destroyed: w.destroyed,
      maximized: w.maximized,
    })),
  focus: ({ windowId }) => windowById(windowId).focus(),
  blur: ({ windowId }) => windowById(windowId).blur(),
  minimize: ({ windowId }) => windowById(windowId).minimize(),
  move: ({ windowId, bounds }) => windowById(windowId).moveTo(bounds as FakeBrowserWindow['bounds']),
  close: ({ windowId }) => windowById(windowId).close(),
  'save-path': ({ path }) => {
    registry.savePath = path === null ? null : text(path)
  },
  'second-instance': ({ argv }) => app.emit('second-instance', preventable({}), argv ?? [], process.cwd(), {}),
  power: ({ event }) => powerMonitor.emit(String(event), preventable({})),
  'tray-click': ({ label }) => {
    const tray = registry.trays.at(-1)
    if (label === undefined) return tray?.emit('click', preventable({}), {}, {})
    return tray?.menu?.click(text(label)) ?? false
  },
  'menu-click': ({ label }) => registry.appMenu?.click(String(label)) ?? false,
  state: () => ({
    privileged: registry.privileged,
    protocols: [...registry.protocols.keys()],
    channels: [...registry.handlers.keys()],
    listened: ipcMain.eventNames().map(String),
    permissionCheck: registry.permissionCheck ? registry.permissionCheck(null, 'clipboard-read', '', {}) : 'none',
    notifications: registry.notifications,
    externalOpened: registry.externalOpened,
    errorBoxes: registry.errorBoxes,
    saveDialogs: registry.saveDialogs,
    appMenu: registry.appMenu?.snapshot() ?? null,
    trays: registry.trays.map((t) => ({
      image: t.image.path,
      imageMissing: t.image.isEmpty(),
      tooltip: t.tooltip,
      menu: t.menu?.snapshot() ?? null,
      destroyed: t.destroyed,
    })),
    clipboard: registry.clipboardText,
    utilityProcesses: forked,
  }),
  quit: () => app.quit(),
}

onCommand(async (cmd, args) => {
  const run = commands[cmd]
  if (!run) throw new Error(`unknown fake-electron command ${cmd}`)
  return run(args)
})
