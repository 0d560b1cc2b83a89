// Remembers the main window's size, position and maximised state in its own small file beside the settings.
import { screen, type BrowserWindow, type Rectangle } from 'electron'
import Store from 'electron-store'

interface SavedWindow {
  readonly bounds?: Rectangle
  readonly maximized?: boolean
}

const DEFAULT = { width: 1280, height: 800 } as const
const int = { type: 'integer' } as const

/** Saved bounds are used only if most of the window would still be on a connected display (a monitor may be gone). */
function onScreen(bounds: Rectangle): boolean {
  const area = screen.getDisplayMatching(bounds).workArea
  const w = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
  const h = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
  return w > 0 && h > 0 && w * h >= (bounds.width * bounds.height) / 2
}

export class WindowState {
  private readonly store: Store<SavedWindow>

  constructor(dataDir: string) {
    this.store = new Store<SavedWindow>({
      cwd: dataDir,
      name: 'window-state',
      clearInvalidConfig: true,
      schema: {
        bounds: { type: 'object', properties: { x: int, y: int, width: int, height: int } },
        maximized: { type: 'boolean' },
      },
    })
  }

  /** Where to open: the remembered place, or the default size centred by the OS. */
  initial(): { readonly bounds: Partial<Rectangle> & { width: number; height: number }; readonly maximized: boolean } {
    const saved = this.store.store
    const bounds = saved.bounds && onScreen(saved.bounds) ? saved.bounds : DEFAULT
    return { bounds, maximized: saved.maximized === true }
  }

  track(win: BrowserWindow): void {
    const save = (): void => {
      if (win.isDestroyed() || win.isMinimized()) return
      this.store.set({ bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    }
    win.on('resized', save)
    win.on('moved', save)
    win.on('close', save)
  }
}
