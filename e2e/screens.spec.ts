// Every screen and dialog at 1024, 1440 and 1920 px in light and dark: a screenshot to look at, and axe-core with
// no serious or critical violation. Screenshots land in test-results/screenshots (never committed).
import { mkdirSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { AccountView } from '../src/shared/model'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { credentialSecrets, registerSecret } from '../tests/support/secret-registry'
import { launchHost, type RunningHost } from './host'
import { escape, screens, sidebar } from './screen-list'

const OUT = 'test-results/screenshots'
const WIDTHS = [1024, 1440, 1920] as const
const THEMES = ['light', 'dark'] as const
/** axe runs once per screen and theme, at this width: its rules do not depend on the width. */
const AXE_WIDTH = 1440

interface AxeFinding {
  readonly screen: string
  readonly theme: string
  readonly id: string
  readonly impact: string
  readonly nodes: number
  readonly help: string
  readonly targets: readonly string[]
}

// A screen that cannot be opened fails fast instead of waiting out the whole test.
test.use({ actionTimeout: 5_000, navigationTimeout: 15_000 })
test.describe.configure({ timeout: 10 * 60_000 })

let sandbox: Sandbox
let host: RunningHost

async function importSandbox(): Promise<readonly AccountView[]> {
  await host.call('accounts.import', { content: JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts }) })
  return host.call<AccountView[]>('accounts.list')
}

async function setTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await host.call('settings.set', { theme })
  // A reload, not goto: the launch URL differs from the page's only in its hash, which would not reload.
  await page.reload()
  await expect(sidebar(page)).toBeVisible()
}

async function axe(page: Page, screen: string, theme: string): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      screen,
      theme,
      id: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.length,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }))
}

/** The page scrolls sideways when its content is wider than the window: nothing should need that. */
const sideways = (page: Page): Promise<number> =>
  page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  sandbox = await startSandbox({ port: 0, seed: 'e2e-screens', accountsPerProvider: 2, log: () => undefined })
  registerSecret(...sandbox.accounts.flatMap((a) => credentialSecrets(a.credentials)))
  host = await launchHost()
})
test.afterAll(async () => {
  await host?.stop()
  await sandbox?.close()
})

test('every screen and dialog, at three widths in light and dark, has no serious or critical axe violation', async ({
  page,
}) => {
  const findings: AxeFinding[] = []
  const failures: string[] = []

  // The first screen before any account: once per theme.
  for (const theme of THEMES) {
    await host.call('settings.set', { theme })
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(host.openUrl)
      await page.reload()
      await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible()
      await page.screenshot({ path: `${OUT}/empty-${theme}-${width}.png` })
      if (width === AXE_WIDTH) findings.push(...(await axe(page, 'empty', theme)))
    }
  }

  const accounts = await importSandbox()
  expect(accounts.map((a) => a.label)).toContain('Demo Onqlave')
  const all = screens(host)
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 1024 ? 768 : 900 })
      await setTheme(page, theme)
      for (const screen of all) {
        try {
          const shown = await screen.open(page)
          await expect(shown).toBeVisible({ timeout: 5_000 })
          await page.screenshot({ path: `${OUT}/${screen.name}-${theme}-${width}.png` })
          if ((await sideways(page)) > 0) failures.push(`${screen.name} ${theme} ${width}: the page scrolls sideways`)
          if (width === AXE_WIDTH) findings.push(...(await axe(page, screen.name, theme)))
          await (screen.close ?? escape)(page, shown)
        } catch (err) {
          failures.push(
            `${screen.name} ${theme} ${width}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
          )
          await page.screenshot({ path: `${OUT}/FAILED-${screen.name}-${theme}-${width}.png` })
          await page.reload()
        }
      }
    }
  }
  writeFileSync(`${OUT}/axe.json`, `${JSON.stringify(findings, null, 2)}\n`)
  expect(failures, 'screens that could not be opened').toEqual([])
  expect(findings, 'serious or critical axe violations (details in test-results/screenshots/axe.json)').toEqual([])
})

test('a change that settles reaches the notification list, offered as a system notification first', async ({
  page,
}) => {
  // Runs alone too: then the accounts the first test imports are not there yet.
  let list: readonly AccountView[] = await host.call<AccountView[]>('accounts.list')
  if (list.length === 0) list = await importSandbox()
  const other = list.find((a) => a.label === 'Demo Onqlave 2')
  if (!other) throw new Error('no Demo Onqlave 2')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(host.openUrl)
  await setTheme(page, 'light')
  const { keys } = await host.call<{ keys: { keyId: string }[] }>('keys.list', { accountId: other.id })
  const keyId = keys[0]?.keyId ?? ''
  await host.call('keys.delete', { accountId: other.id, keyId })

  // While the delete propagates, the browser host offers system notifications; it asks only on a click.
  const offer = page.getByRole('region', { name: 'System notifications' })
  await expect(offer).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: `${OUT}/notifications-offer-light-1440.png` })
  await offer.getByRole('button', { name: 'Not now' }).click()

  const bell = page.getByRole('button', { name: /^Notifications/ })
  await expect(bell).toContainText('1 new', { timeout: 30_000 })
  const findings: AxeFinding[] = []
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      // The list lives in this page's memory: switch the theme in place rather than reload.
      if (theme === 'dark' && width === WIDTHS[0]) {
        await page.getByRole('button', { name: 'Theme: light' }).click()
        await expect(page.getByRole('button', { name: 'Theme: dark' })).toBeVisible()
      }
      await bell.click()
      const panel = page.getByRole('region', { name: 'Notifications' })
      await expect(panel).toContainText(keyId)
      await page.screenshot({ path: `${OUT}/notifications-${theme}-${width}.png` })
      if (width === AXE_WIDTH) findings.push(...(await axe(page, 'notifications', theme)))
      await page.keyboard.press('Escape')
      await expect(panel).toBeHidden()
      await expect(bell).toBeFocused()
    }
  }
  expect(findings).toEqual([])
})
