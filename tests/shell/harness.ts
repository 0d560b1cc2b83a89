// Boots the BUILT main bundle (out/main/index.js) in Node on the fake electron module, and shows its window in a real
// Chromium page that runs the BUILT preload, with ipcRenderer bridged to the main's handlers and app:// served by
// the main's registered protocol handler.
import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page, type Route } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'
import type { Command, ToTest } from './fake-electron/channel'

const root = join(import.meta.dirname, '../..')

/** Chromium cannot be given a custom scheme, so app://keydesk/ is shown at this https origin and mapped back. */
const PAGE_ORIGIN = 'https://keydesk.invalid'
export const toAppUrl = (url: string): string => url.replace(PAGE_ORIGIN, 'app://keydesk')
type Deliver = { __fakeIpcDeliver(channel: string, args: readonly unknown[]): void }
const toPageUrl = (url: string): string => url.replace('app://keydesk', PAGE_ORIGIN)

export interface ServedResponse {
  readonly url: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
}

export interface BootedShell {
  readonly child: ChildProcess
  readonly page: Page
  readonly windowId: number
  readonly served: ServedResponse[]
  readonly events: { channel: string; args: readonly unknown[] }[]
  readonly navigationsRefused: string[]
  call<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>
  /** Resolves with the exit code and the clipboard's last text once the process has ended. */
  readonly exited: Promise<{ code: number | null; clipboard: string | null }>
  stop(): Promise<void>
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] })
}

/** The sandboxed preload's world: `require('electron')` gives contextBridge and ipcRenderer, and nothing else. */
function preloadScript(source: string): string {
  return `(() => {
  const listeners = new Map()
  const ipcRenderer = {
    invoke: (channel, ...args) => globalThis.__fakeIpcInvoke(channel, ...args),
    on(channel, fn) { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn); return ipcRenderer },
    removeListener(channel, fn) { listeners.get(channel)?.delete(fn); return ipcRenderer },
  }
  // Guess: no separate isolated world here; exposeInMainWorld defines a read-only global as Electron's does.
  const contextBridge = { exposeInMainWorld(key, value) { Object.defineProperty(globalThis, key, { value, enumerable: true }) } }
  Object.defineProperty(globalThis, '__fakeIpcDeliver', { value: (channel, args) => {
    for (const fn of listeners.get(channel) ?? []) fn({ sender: ipcRenderer }, ...args)
  } })
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error('module not found: ' + name + ' (a sandboxed preload can only require electron)')
  }
  const module = { exports: {} }
  ;(function (require, module, exports) {\n${source}\n})(require, module, module.exports)
})()`
}

export async function bootShell(
  browser: Browser,
  opts: { userData: string; args?: readonly string[]; env?: Readonly<Record<string, string>> },
): Promise<BootedShell> {
  const child = fork(join(root, 'out/main/index.js'), [...(opts.args ?? [])], {
    cwd: root,
    execArgv: ['--import', 'tsx', '--import', join(import.meta.dirname, 'fake-electron/register.mjs')],
    env: { ...process.env, FAKE_ELECTRON_USER_DATA: opts.userData, ...opts.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  })
  let nextId = 1
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  const call = <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      child.send({ id, cmd, args } satisfies Command)
    })
  const served: ServedResponse[] = []
  const events: BootedShell['events'] = []
  const navigationsRefused: string[] = []
  let clipboard: string | null = null
  const exited = new Promise<{ code: number | null; clipboard: string | null }>((resolve) =>
    child.once('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`main process exited (${code})`))
      resolve({ code, clipboard })
    }),
  )

  let page: Page | null = null
  let windowId = 0
  let load: ((url: string) => void) | null = null
  const firstLoad = new Promise<string>((resolve, reject) => {
    load = resolve
    child.once('exit', (code) => reject(new Error(`main process exited (${code}) before opening a window`)))
  })
  child.on('message', (raw) => {
    const m = raw as ToTest
    if (m.type === 'reply') {
      const p = pending.get(m.id)
      pending.delete(m.id)
      if (m.ok) p?.resolve(m.value)
      else p?.reject(new Error(String(m.value)))
    } else if (m.type === 'load') {
      windowId = m.windowId
      load?.(m.url)
    } else if (m.type === 'send') {
      events.push({ channel: m.channel, args: m.args })
      page
        ?.evaluate(([c, a]) => (globalThis as unknown as Deliver).__fakeIpcDeliver(c, a), [m.channel, m.args] as const)
        .catch(() => undefined)
    } else if (m.type === 'exit') {
      clipboard = m.clipboard
    }
  })

  page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.exposeBinding('__fakeIpcInvoke', async ({ frame }, channel: string, input: unknown) =>
    call('invoke', {
      senderId: windowId === 0 ? -1 : webContentsIdOf(windowId),
      frameUrl: toAppUrl(frame.url()),
      channel,
      input,
    }),
  )
  const webContentsIds = new Map<number, number>()
  const webContentsIdOf = (id: number): number => webContentsIds.get(id) ?? -1
  await page.addInitScript({ content: preloadScript(readFileSync(join(root, 'out/preload/index.cjs'), 'utf8')) })
  await page.route('**/*', async (route: Route) => {
    const request = route.request()
    const url = request.url()
    if (url.startsWith(`${PAGE_ORIGIN}/`)) {
      const r = await call<{ status: number; headers: Record<string, string>; body: Uint8Array }>('protocol', {
        url: toAppUrl(url),
        method: request.method(),
      })
      served.push({ url: toAppUrl(url), status: r.status, headers: r.headers })
      return route.fulfill({ status: r.status, headers: r.headers, body: Buffer.from(r.body) })
    }
    // Anything else: a navigation goes through 'will-navigate' as in Electron; no other request leaves the page.
    if (request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame()) {
      const prevented = await call<boolean>('will-navigate', { windowId, url })
      if (prevented) {
        navigationsRefused.push(url)
        // Electron cancels a prevented navigation and the page stays; a 204 answer does the same in Chromium.
        return route.fulfill({ status: 204 })
      }
    }
    return route.abort('blockedbyclient')
  })

  const appUrl = await firstLoad
  const wins = await call<{ id: number; webContentsId: number }[]>('windows')
  for (const w of wins) webContentsIds.set(w.id, w.webContentsId)
  await page.goto(toPageUrl(appUrl))
  await call('loaded', { windowId })
  const shown = page
  return {
    child,
    page: shown,
    get windowId() {
      return windowId
    },
    served,
    events,
    navigationsRefused,
    call,
    exited,
    stop: async () => {
      await shown.close().catch(() => undefined)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
