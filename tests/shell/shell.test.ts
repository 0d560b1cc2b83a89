// The Electron shell without a binary: the built main bundle on a fake electron, the built preload and renderer in
// Chromium, against the sandbox. What a user does, and what the shell must refuse.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect as playwrightExpect, type Browser, type Locator, type Page } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import type { AccountView } from '../../src/shared/model'
import { CSP } from '../../src/main/renderer-files'
import { openSettings } from '../../src/main/core/settings'
import { bootShell, launchChromium, type BootedShell } from './harness'

// Two cores shared by Chromium, the main process and the sandbox (and other work): give slow frames room.
const pwExpect = playwrightExpect.configure({ timeout: 20_000 })

interface ShellState {
  readonly utilityProcesses: { modulePath: string; serviceName?: string }[]
  readonly listened: string[]
  readonly notifications: { title: string; body: string }[]
  readonly externalOpened: string[]
  readonly clipboard: string
  readonly permissionCheck: unknown
  readonly appMenu: {
    label?: string
    role?: string
    submenu?: { label?: string; role?: string; accelerator?: string }[]
  }[]
  readonly trays: {
    image: string
    imageMissing: boolean
    tooltip: string
    menu: { label?: string }[]
    destroyed: boolean
  }[]
}
interface WindowView {
  readonly id: number
  readonly options: { webPreferences: Record<string, unknown>; x?: number; y?: number; width: number; height: number }
  readonly focused: boolean
  readonly visible: boolean
}
type Api = { api: { accounts: Record<string, (input?: unknown) => Promise<unknown>> } }

const dirs: string[] = []
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'keydesk-shell-'))
  dirs.push(d)
  return d
}
let browser: Browser
let sandbox: Sandbox

beforeAll(async () => {
  browser = await launchChromium()
  sandbox = await startSandbox({
    port: 0,
    log: () => undefined,
    seed: 'shell',
    activationSeconds: 1,
    propagationSeconds: 3,
  })
})
afterAll(async () => {
  await browser?.close()
  await sandbox?.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const state = (shell: BootedShell): Promise<ShellState> => shell.call<ShellState>('state')
const windows = (shell: BootedShell): Promise<WindowView[]> => shell.call<WindowView[]>('windows')
const trayPending = async (shell: BootedShell): Promise<string | undefined> =>
  (await state(shell)).trays.at(-1)?.menu.find((i) => /propagating/.test(i.label ?? ''))?.label
const row = (page: Page, text: string): Locator => page.getByRole('row').filter({ hasText: text })

/** The page's own window.api.accounts: the real preload, over the bridged ipcRenderer, to the main's guarded handlers. */
const viaPreload = (page: Page, name: string, input: unknown): Promise<unknown> =>
  page.evaluate(([n, i]) => (globalThis as unknown as Api).api.accounts[n](i), [name, input] as const)

describe('the Electron shell on a fake electron', () => {
  let shell: BootedShell
  let userData: string
  beforeAll(async () => {
    userData = tempDir()
    shell = await bootShell(browser, { userData })
    const imported = (await viaPreload(shell.page, 'import', {
      content: JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts }),
    })) as { skipped: unknown[] }
    expect(imported.skipped).toEqual([])
  })
  afterAll(async () => {
    await shell?.stop()
  })

  test('opens one hardened window: sandboxed, isolated, no Node, the built preload, and no permission granted', async () => {
    const [win] = await windows(shell)
    expect(win?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: join(import.meta.dirname, '../../out/preload/index.cjs'),
    })
    expect(await shell.call('permission', { permission: 'notifications' })).toBe(false)
    expect((await state(shell)).permissionCheck).toBe(false)
    // electron-store, which opened the settings, answers its renderer helper's synchronous request.
    expect((await state(shell)).listened).toContain('electron-store-get-data')
  })

  test('serves every app:// response with the CSP, and refuses a path outside the renderer', async () => {
    await pwExpect(shell.page.getByRole('heading', { name: 'KeyDesk' })).toBeVisible()
    expect(shell.served.map((r) => r.url)).toContain('app://keydesk/index.html')
    expect(shell.served.some((r) => r.url.endsWith('.js'))).toBe(true)
    for (const r of shell.served) expect(r.headers['content-security-policy']).toBe(CSP)
    const escape = await shell.call<{ status: number; headers: Record<string, string>; body: Uint8Array }>('protocol', {
      url: 'app://keydesk/..%2F..%2Fpackage.json',
    })
    expect(escape.status).toBe(404)
    expect(Buffer.from(escape.body).toString()).not.toContain('keydesk')
    expect(escape.headers['content-security-policy']).toBe(CSP)
  })

  test('refuses navigation away from the app and every new window, opening only documentation links outside', async () => {
    const before = shell.page.url()
    await shell.page.evaluate(() => {
      ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/phish'
    })
    await pwExpect.poll(() => shell.navigationsRefused).toContain('https://example.com/phish')
    expect(shell.page.url()).toBe(before)
    const w = shell.windowId
    expect(await shell.call('window-open', { windowId: w, url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(await shell.call('window-open', { windowId: w, url: 'https://cloudforet.io/docs/' })).toEqual({
      action: 'deny',
    })
    expect((await state(shell)).externalOpened).toEqual(['https://cloudforet.io/docs/'])
  })

  test('refuses a request from a sender that is not the app window, or from a page that is not the app', async () => {
    const stranger = await shell.call<{ ok: boolean; error?: { code: string } }>('invoke', {
      senderId: 999,
      frameUrl: 'app://keydesk/index.html',
      channel: 'accounts.list',
      input: {},
    })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    const [win] = await shell.call<{ webContentsId: number }[]>('windows')
    const elsewhere = await shell.call<{ ok: boolean; error?: { code: string } }>('invoke', {
      senderId: win?.webContentsId,
      frameUrl: 'https://evil.example/',
      channel: 'accounts.list',
      input: {},
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
  })

  test('runs the app end to end: list, create with a one-time reveal saved 0600 through the save dialog, disable', async () => {
    const { page } = shell
    const accounts = (await viaPreload(page, 'list', {})) as AccountView[]
    const spaceone = accounts.find((a) => a.label === 'Demo SpaceONE')
    if (!spaceone) throw new Error('the sandbox has no Demo SpaceONE')
    // A short window, so the disable settles while the test watches (the sandbox applies it after 3 s).
    await viaPreload(page, 'update', { id: spaceone.id, propagationWindowSec: 1 })

    await page
      .getByRole('navigation', { name: 'Accounts' })
      .getByRole('button', { name: /^Demo SpaceONE(?! \d)/ })
      .click()
    await pwExpect(page.getByRole('heading', { name: 'Demo SpaceONE', exact: true })).toBeVisible()
    await pwExpect(page.getByRole('row').nth(1)).toBeVisible()

    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    await page
      .getByRole('dialog', { name: 'Create a SpaceONE key' })
      .getByRole('button', { name: 'Create key' })
      .click()
    const dialog = page.getByRole('dialog', { name: /^New key api-key-/ })
    const keyId = /New key (api-key-\S+)/.exec(
      (await dialog.getAttribute('aria-label')) ?? (await dialog.locator('h2').first().innerText()),
    )?.[1]
    const part = dialog.getByRole('group', { name: 'API key', exact: true })
    await part.getByRole('button', { name: 'Show API key' }).click()
    const secret = (await part.locator('code').textContent()) ?? ''
    expect(secret).toMatch(/^eyJ/)

    const savedTo = join(tempDir(), 'api_key.json')
    await shell.call('save-path', { path: savedTo })
    await dialog.getByRole('button', { name: /Export API key \(JSON\)/ }).click()
    await pwExpect(dialog.getByText(`Saved to ${savedTo}`)).toBeVisible()
    expect(statSync(savedTo).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(savedTo, 'utf8'))).toMatchObject({ api_key: secret })
    await page.keyboard.press('Escape')
    await page.getByRole('alertdialog', { name: 'Close the secret?' }).getByRole('button', { name: 'Close' }).click()
    await pwExpect(dialog).toHaveCount(0)
    if (!keyId) throw new Error('no key id in the reveal dialog')

    await shell.call('blur', { windowId: shell.windowId })
    await page.getByRole('button', { name: `Actions for ${keyId}`, exact: true }).click()
    await page.getByRole('menuitem', { name: 'Disable…' }).click()
    await page
      .getByRole('alertdialog', { name: `Disable ${keyId}?` })
      .getByRole('button', { name: 'Disable' })
      .click()
    await pwExpect(row(page, keyId)).toContainText(/Disabling/)
    await pwExpect.poll(() => trayPending(shell)).toBe('1 change still propagating')
    await pwExpect
      .poll(async () => (await state(shell)).notifications.map((n) => `${n.title} ${n.body}`).join('\n'), {
        timeout: 30_000,
      })
      .toContain(keyId)
    expect(await trayPending(shell)).toBe('No changes propagating')
    // The credentials and the kept key went through keytar in the keychain helper, a utility process.
    expect((await state(shell)).utilityProcesses).toContainEqual({
      modulePath: join(import.meta.dirname, '../../out/main/vault-helper.js'),
      serviceName: 'KeyDesk keychain',
    })
    await pwExpect(row(page, keyId).getByText('Disabled', { exact: true })).toBeVisible()
  })

  test('has the standard menus and accelerators, a tray that opens the window, and a second launch focuses the first', async () => {
    const { appMenu, trays } = await state(shell)
    const roles = appMenu.flatMap((m) => [m.role, ...(m.submenu ?? []).map((i) => i.role)])
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'zoomIn', 'togglefullscreen']))
    expect(trays).toHaveLength(1)
    expect(trays[0]).toMatchObject({ tooltip: 'KeyDesk', imageMissing: false, destroyed: false })
    expect(trays[0]?.menu.map((i) => i.label)).toEqual(expect.arrayContaining(['Open KeyDesk', 'Quit KeyDesk']))

    await shell.call('minimize', { windowId: shell.windowId })
    await shell.call('tray-click', { label: 'Open KeyDesk' })
    expect((await windows(shell))[0]).toMatchObject({ focused: true, visible: true })
    await shell.call('blur', { windowId: shell.windowId })
    await shell.call('second-instance', { argv: ['keydesk'] })
    expect((await windows(shell))[0]).toMatchObject({ focused: true })
    expect(await windows(shell)).toHaveLength(1)
  })

  test('quit closes the core (the clipboard it filled is cleared), and the next start reopens where the window was', async () => {
    const { page } = shell
    await page
      .getByRole('navigation', { name: 'Accounts' })
      .getByRole('button', { name: /^Demo CloudMC(?! \d)/ })
      .click()
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    const form = page.getByRole('dialog', { name: 'Create a CloudMC key' })
    await form.getByLabel(/Name/).fill('shell quit')
    await form.getByRole('button', { name: 'Create key' }).click()
    const dialog = page.getByRole('dialog', { name: 'New key “shell quit”' })
    await dialog.getByRole('button', { name: 'Copy API key', exact: true }).click()
    await pwExpect(dialog.getByText(/Copied/)).toBeVisible()
    expect((await state(shell)).clipboard.length).toBeGreaterThan(20)

    const bounds = { x: 120, y: 80, width: 1100, height: 700 }
    await shell.call('move', { windowId: shell.windowId, bounds })
    void shell.call('quit').catch(() => undefined)
    expect(await shell.exited).toEqual({ code: 0, clipboard: '' })

    // The desktop app wrote its settings with electron-store; the browser host and the CLI read them with conf.
    expect(
      openSettings(userData, '0.1.0')
        .get('accounts')
        .map((a) => a.label),
    ).toContain('Demo SpaceONE')

    const again = await bootShell(browser, { userData })
    try {
      expect((await windows(again))[0]?.options).toMatchObject(bounds)
      const accounts = (await viaPreload(again.page, 'list', {})) as AccountView[]
      expect(accounts.map((a) => a.label)).toContain('Demo SpaceONE')
    } finally {
      await again.stop()
    }
  })
})

test('a second KeyDesk quits at once, leaving the first to come forward', async () => {
  const second = await bootShell(browser, { userData: tempDir(), env: { FAKE_ELECTRON_SECOND_INSTANCE: '1' } }).then(
    () => 'opened a window',
    (err: Error) => err.message,
  )
  expect(second).toBe('main process exited (0) before opening a window')
})

test('a window remembered on a display that is gone opens at the default size instead', async () => {
  const userData = tempDir()
  writeFileSync(
    join(userData, 'window-state.json'),
    JSON.stringify({ bounds: { x: 4000, y: 200, width: 1000, height: 700 }, maximized: false }),
  )
  const shell = await bootShell(browser, { userData })
  try {
    const [win] = await windows(shell)
    expect(win?.options).toMatchObject({ width: 1280, height: 800 })
    expect(win?.options.x).toBeUndefined()
  } finally {
    await shell.stop()
  }
})
