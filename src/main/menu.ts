// The application menu: the platform's standard items and accelerators (roles), plus KeyDesk's own.
import { app, Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  readonly lock?: () => void
}

export function installMenu(actions: MenuActions): void {
  const mac = process.platform === 'darwin'
  const lock: MenuItemConstructorOptions[] = actions.lock
    ? [{ label: 'Lock KeyDesk', accelerator: 'CmdOrCtrl+L', click: actions.lock }, { type: 'separator' }]
    : []
  // Reload and developer tools only in development: a reload would drop a key revealed once.
  const devView: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [...lock, mac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...devView,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
