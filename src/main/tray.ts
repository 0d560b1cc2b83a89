// The tray / menu-bar icon: open the window, lock, and how many changes are still propagating.
import { join } from 'node:path'
import { Menu, nativeImage, Tray } from 'electron'

export interface TrayActions {
  readonly open: () => void
  readonly lock?: () => void
  readonly quit: () => void
}

export interface AppTray {
  setPending(count: number): void
  destroy(): void
}

function pendingLabel(count: number): string {
  if (count === 0) return 'No changes propagating'
  return count === 1 ? '1 change still propagating' : `${count} changes still propagating`
}

export function createTray(resourcesDir: string, actions: TrayActions): AppTray {
  // macOS draws a template image in the menu bar's colours; other platforms show the coloured icon.
  const mac = process.platform === 'darwin'
  const icon = nativeImage.createFromPath(join(resourcesDir, mac ? 'trayTemplate.png' : 'tray.png'))
  if (mac) icon.setTemplateImage(true)
  const tray = new Tray(icon)
  tray.setToolTip('KeyDesk')
  const build = (pending: number): void => {
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open KeyDesk', click: actions.open },
        ...(actions.lock ? [{ label: 'Lock KeyDesk', click: actions.lock }] : []),
        { type: 'separator' },
        { label: pendingLabel(pending), enabled: false },
        { type: 'separator' },
        { label: 'Quit KeyDesk', click: actions.quit },
      ]),
    )
  }
  build(0)
  // Linux and Windows open the window on a click; macOS shows the menu, as menu-bar items do.
  if (!mac) tray.on('click', actions.open)
  return { setPending: build, destroy: () => tray.destroy() }
}
