// The key list across all accounts against the real browser host and the sandbox: demo mode, three providers,
// one failing account, search and filters, 10,000 keys, and both themes.
import { expect, test, type Page } from '@playwright/test'
import type { KeyList } from '../src/shared/api'
import type { AccountView } from '../src/shared/model'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { hostWithSandbox, sandboxConfig } from './fixtures'
import { launchHost, type RunningHost } from './host'
import { msToPaint } from './paint-timing'

/** The part of a scrolling element these tests move (the e2e project is typed for Node, without the DOM). */
interface Scroller {
  scrollTop: number
  readonly scrollHeight: number
}

const table = (page: Page, name = 'Keys of all accounts') => page.getByRole('grid', { name })
const bodyRows = (page: Page, name?: string) => table(page, name).locator('[role="row"]:not([aria-rowindex="1"])')

test.describe('demo mode', () => {
  let host: RunningHost
  test.beforeAll(async () => {
    host = await launchHost()
  })
  test.afterAll(async () => {
    await host?.stop()
  })

  test('the empty state starts demo services and then shows their keys', async ({ page }) => {
    await page.goto(host.openUrl)
    await page.getByRole('button', { name: 'Try KeyDesk with demo services' }).click()
    await expect(page.getByRole('button', { name: 'Starting demo services…' }).or(table(page))).toBeVisible()
    const sidebar = page.getByRole('navigation', { name: 'Accounts' })
    // SpaceONE 1.x, Cloudforet 2.x, CloudMC and Onqlave.
    await expect(sidebar.getByText('Demo', { exact: true })).toHaveCount(4, { timeout: 30_000 })
    await expect(bodyRows(page).first()).toBeVisible({ timeout: 20_000 })
    for (const provider of ['SpaceONE', 'Cloudforet', 'CloudMC', 'Onqlave']) {
      await expect(page.getByRole('gridcell', { name: new RegExp(`· ${provider}`) }).first()).toBeVisible()
    }
  })
})

test.describe('a list of three providers', () => {
  let sandbox: Sandbox
  let host: RunningHost
  let accounts: readonly AccountView[]
  test.beforeAll(async () => {
    ;({ sandbox, host, accounts } = await hostWithSandbox({ seed: 'e2e-keylist', keysPerAccount: 4 }))
  })
  test.afterAll(async () => {
    await host?.stop()
    await sandbox?.close()
  })
  const idOf = (provider: string): string => accounts.find((a) => a.provider === provider)?.id ?? ''

  test('lists the keys of every account with provider, state and age, in light and dark', async ({ page }) => {
    const space = await host.call<KeyList>('keys.list', { accountId: idOf('spaceone') })
    const own = accounts.find((a) => a.provider === 'spaceone')?.facts.ownKeyId
    const victim = space.keys.find((k) => k.state === 'enabled' && k.keyId !== own)
    if (victim) await host.call('keys.disable', { accountId: idOf('spaceone'), keyId: victim.keyId })

    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(host.openUrl)
    await expect(bodyRows(page).first()).toBeVisible()
    for (const provider of ['SpaceONE', 'CloudMC', 'Onqlave']) {
      await expect(page.getByRole('gridcell', { name: new RegExp(`· ${provider}`) }).first()).toBeVisible()
    }
    await expect(page.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending')
    if (victim) await expect(page.getByText(/Disabling — in force at /)).toBeVisible()
    await page.screenshot({ path: 'test-results/list-light.png' })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: 'test-results/list-dark.png' })
    await page.emulateMedia({ colorScheme: 'light' })

    await page
      .getByRole('navigation', { name: 'Accounts' })
      .getByRole('button', { name: /^Demo SpaceONE/ })
      .click()
    await expect(page.getByRole('heading', { name: 'Demo SpaceONE' })).toBeVisible()
    await expect(page.getByText(/\d of 2 keys/).first()).toBeVisible()
    await page.getByText('Service endpoints').click()
    await expect(page.getByRole('list', { name: 'Endpoints' })).toBeVisible()
    await page.screenshot({ path: 'test-results/list-account.png' })

    // A key's details open from its name and close with Escape, keyboard only.
    await table(page, 'Keys of Demo SpaceONE').getByRole('button', { name: own, exact: true }).focus()
    await page.keyboard.press('Enter')
    const detail = page.getByRole('complementary', { name: own ?? '' })
    await expect(detail).toBeVisible()
    await expect(detail).toContainText('KeyDesk signs in to Demo SpaceONE with this key')
    await page.keyboard.press('Escape')
    await expect(detail).toBeHidden()
  })

  test('searches and filters, and remembers the choice', async ({ page }) => {
    const cloud = await host.call<KeyList>('keys.list', { accountId: idOf('cloudmc') })
    const target = cloud.keys[0]
    if (!target) throw new Error('the sandbox gave the CloudMC account no keys')
    let all = 0
    for (const a of accounts) all += (await host.call<KeyList>('keys.list', { accountId: a.id })).keys.length
    await page.goto(host.openUrl)
    await expect(page.getByText(`${all} keys`, { exact: true })).toBeVisible()
    await expect(bodyRows(page)).toHaveCount(all)

    await page.getByRole('searchbox', { name: /Search keys/ }).fill(target.name)
    await expect(bodyRows(page)).toHaveCount(1)
    await expect(page.getByText(new RegExp(`1 of ${all} keys`))).toBeVisible()
    await page.getByRole('searchbox', { name: /Search keys/ }).fill('Demo Onqlave')
    await expect(bodyRows(page).first()).toBeVisible()
    for (const cell of await page.getByRole('gridcell', { name: /· (SpaceONE|CloudMC)/ }).all())
      await expect(cell).toBeHidden()
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await expect(bodyRows(page)).toHaveCount(all)

    await page.getByText('Provider: all').click()
    await page.getByRole('checkbox', { name: 'Onqlave' }).check()
    await expect(page.getByRole('gridcell', { name: /· CloudMC/ })).toHaveCount(0)
    await expect(page.getByRole('gridcell', { name: /· Onqlave/ }).first()).toBeVisible()
    await page.getByText('Provider (1)').click()
    await page.getByText('State: all').click()
    await page.getByRole('checkbox', { name: 'Deleted' }).check()
    await expect(page.getByText(/No keys match|of \d+ keys/).first()).toBeVisible()

    // The choice was saved in preferences: a reload keeps it.
    await page.waitForTimeout(300)
    await page.reload()
    await expect(page.getByText('Provider (1)')).toBeVisible()
    await expect(page.getByText('State (1)')).toBeVisible()
    await page.getByRole('button', { name: 'Clear filters' }).first().click()
    await expect(bodyRows(page)).toHaveCount(all)
  })

  test('one failing account shows its own error and Retry while the others still list', async ({ page }) => {
    await page.goto(host.openUrl)
    await expect(page.getByRole('gridcell', { name: /· CloudMC/ }).first()).toBeVisible()
    await sandboxConfig(sandbox, { faultRate: 1, account: 'Demo CloudMC' })
    await page.getByRole('button', { name: 'Refresh all' }).click()
    const failure = page.getByRole('alert').filter({ hasText: 'Demo CloudMC:' })
    await expect(failure).toBeVisible({ timeout: 30_000 })
    await expect(failure).toContainText(/Showing the keys from/)
    await expect(page.getByRole('gridcell', { name: /· SpaceONE/ }).first()).toBeVisible()
    await expect(page.getByRole('gridcell', { name: /· Onqlave/ }).first()).toBeVisible()
    await page.screenshot({ path: 'test-results/list-one-failing.png' })

    await sandboxConfig(sandbox, { faultRate: 0, account: 'Demo CloudMC' })
    await failure.getByRole('button', { name: 'Retry' }).click()
    await expect(failure).toBeHidden({ timeout: 30_000 })
  })
})

test.describe('10,000 keys', () => {
  let sandbox: Sandbox
  let host: RunningHost
  test.beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'e2e-10k', keysPerAccount: 10_000, log: () => undefined })
    host = await launchHost()
    const big = sandbox.accounts.filter((a) => a.provider === 'cloudmc')
    await host.call('accounts.import', { content: JSON.stringify({ url: sandbox.url, accounts: big }) })
  })
  test.afterAll(async () => {
    await host?.stop()
    await sandbox?.close()
  })

  test('scrolls and filters with a small DOM, and reports how long listing takes', async ({ page }) => {
    await page.goto(host.openUrl)
    // From navigation start to the first rows painted: boot, the full 10,000-key listing over HTTP, and render.
    const openToRows = await msToPaint(page, { until: '[role="row"][aria-rowindex="2"]' })
    await expect(page.getByText('10000 keys')).toBeVisible()
    expect(await bodyRows(page).count()).toBeLessThan(100)
    // From the click on the account to its rows painted (its keys are already loaded).
    const clickToRows = await msToPaint(page, {
      click: { selector: 'nav button.account', text: 'Demo CloudMC' },
      until: '[role="grid"][aria-label="Keys of Demo CloudMC"] [role="row"][aria-rowindex="2"]',
    })
    // From a click on Refresh to a fresh 10,000-key listing fetched, applied and painted.
    const refreshToRows = await msToPaint(page, {
      click: { selector: '.account-header button', text: 'Refresh' },
      busy: '.key-list[aria-busy="true"]',
      until: '[role="grid"][aria-label="Keys of Demo CloudMC"] [role="row"][aria-rowindex="2"]',
    })
    test.info().annotations.push({
      type: 'timing',
      description: `10k keys: open→rows ${Math.round(openToRows)} ms; click account→rows ${Math.round(clickToRows)} ms; refresh→rows ${Math.round(refreshToRows)} ms`,
    })
    console.log(
      `10k keys: open→rows ${Math.round(openToRows)} ms; click account→rows ${Math.round(clickToRows)} ms; refresh→rows ${Math.round(refreshToRows)} ms`,
    )

    const t = table(page, 'Keys of Demo CloudMC')
    await t.evaluate((el: Scroller) => {
      el.scrollTop = el.scrollHeight / 2
    })
    await expect(t.locator('[role="row"][aria-rowindex="5000"]')).toBeAttached()
    expect(await bodyRows(page, 'Keys of Demo CloudMC').count()).toBeLessThan(100)
    await t.evaluate((el: Scroller) => {
      el.scrollTop = el.scrollHeight
    })
    await expect(t.locator('[role="row"][aria-rowindex="10001"]')).toBeAttached()
    expect(await bodyRows(page, 'Keys of Demo CloudMC').count()).toBeLessThan(100)

    const firstName = await bodyRows(page, 'Keys of Demo CloudMC').first().locator('button.name').textContent()
    await page.getByRole('searchbox', { name: /Search keys/ }).fill(firstName ?? '')
    await expect(page.getByText(/^\d+ of 10000 keys$/)).toBeVisible()
    expect(await bodyRows(page, 'Keys of Demo CloudMC').count()).toBeLessThan(100)
    await page.getByRole('searchbox', { name: /Search keys/ }).fill('')
    await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click()
    await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending')
    expect(await bodyRows(page, 'Keys of Demo CloudMC').count()).toBeLessThan(100)
  })
})
