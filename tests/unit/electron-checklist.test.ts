// The items of Electron's security checklist that apply to KeyDesk, checked on the real window, session and IPC setup
// (src/main/window.ts, ipc.ts, app-protocol.ts, preload) with a recording fake of the electron module.
// SECURITY.md lists all 20 items and how each applies.
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { beforeAll, describe, expect, it, vi } from 'vitest'

const seen = vi.hoisted(() => ({
  webPreferences: Object.create(null) as Record<string, unknown>,
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  windowOpen: null as null | ((d: { url: string }) => { action: string }),
  permissionRequest: null as null | ((w: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((...a: unknown[]) => boolean),
  opened: [] as string[],
  loaded: [] as string[],
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (h: typeof seen.windowOpen) => {
        seen.windowOpen = h
      },
      on: (event: string, h: (...args: unknown[]) => unknown) => seen.handlers.set(event, h),
    }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      seen.webPreferences = options.webPreferences
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      seen.loaded.push(url)
      return Promise.resolve()
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof seen.permissionRequest) => {
        seen.permissionRequest = h
      },
      setPermissionCheckHandler: (h: typeof seen.permissionCheck) => {
        seen.permissionCheck = h
      },
    },
  }
  const shell = { openExternal: (url: string) => seen.opened.push(url) }
  const app = { isPackaged: true }
  return { default: { app, BrowserWindow, session, shell }, app, BrowserWindow, session, shell }
})

const { createMainWindow, hardenSession, RENDERER_ORIGIN } = await import('../../src/main/window')
const { TrustedSenders, guardedHandler } = await import('../../src/main/ipc')
const { CSP } = await import('../../src/main/renderer-files')

beforeAll(() => {
  hardenSession()
  createMainWindow({ initial: () => ({ bounds: {}, maximized: false }), track: () => undefined } as never, 'icon.png')
})

describe("Electron's security checklist, on KeyDesk's window, session and IPC", () => {
  it('2, 3, 4, 6, 8, 9, 10: no Node integration, isolated and sandboxed, web security on, no insecure content, experiments or Blink features', () => {
    expect(seen.webPreferences).toMatchObject({
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    })
    expect(seen.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(seen.webPreferences).not.toHaveProperty('nodeIntegrationInWorker', true)
  })

  it('5: every permission request and check from web content is refused', () => {
    let granted: boolean | null = null
    seen.permissionRequest?.(null, 'media', (ok) => {
      granted = ok
    })
    expect(granted).toBe(false)
    expect(seen.permissionCheck?.(null, 'clipboard-read')).toBe(false)
  })

  it('7: every app:// response carries a strict content security policy', () => {
    expect(CSP).toContain("default-src 'self'")
    expect(CSP).toContain("script-src 'self'")
    expect(CSP).toContain("object-src 'none'")
    expect(CSP).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
  })

  it('11, 12: no <webview> can be attached', () => {
    let prevented = false
    seen.handlers.get('will-attach-webview')?.({ preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })

  it('13: navigation and redirects away from the app are prevented', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      let prevented = false
      seen.handlers.get(event)?.({ preventDefault: () => (prevented = true) }, 'https://evil.example/')
      expect(prevented, event).toBe(true)
    }
  })

  it('14, 15: no new windows; only allow-listed https documentation reaches the system browser', () => {
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://docs.onqlave.com/x',
    ]) {
      expect(seen.windowOpen?.({ url })).toEqual({ action: 'deny' })
    }
    expect(seen.opened).toEqual(['https://docs.onqlave.com/x'])
  })

  it('16: a current Electron is pinned', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
    expect(Number(pkg.devDependencies.electron?.split('.')[0])).toBeGreaterThanOrEqual(45)
  })

  it('17: IPC from a sender that is not the KeyDesk window is refused before the core sees it', async () => {
    const trusted = new TrustedSenders((url) => url.startsWith(`${RENDERER_ORIGIN}/`))
    const core = { invoke: vi.fn(async () => ({ ok: true as const, value: null })) }
    const handler = guardedHandler('keys.export', core, trusted)
    const reply = await handler({ sender: { id: 7 }, senderFrame: { url: 'https://evil.example/' } } as never, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(core.invoke).not.toHaveBeenCalled()
  })

  it('18: the renderer loads from the app:// protocol, never file://', () => {
    expect(seen.loaded).toEqual([`${RENDERER_ORIGIN}/index.html`])
  })

  it('19: the fuses that would let anyone run or inspect KeyDesk as plain Node are off', () => {
    const fuses = (
      parseYaml(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses: Record<string, boolean> }
    ).electronFuses
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('20: the preload exposes the named API only, never ipcRenderer or another Electron object', () => {
    const preload = readFileSync('src/preload/index.ts', 'utf8')
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'(\w+)',\s*(\w+)\s*\)/g)].map((m) => [m[1], m[2]])
    expect(exposed).toEqual([['api', 'api']])
  })
})
