// The screens the screenshot suite opens: each from the account list, and back to it. Selectors follow the key list's
// grid (rows by aria-rowindex, nothing inside a row tabbable) and the app's accessible names.
import { expect, type Locator, type Page } from '@playwright/test'
import type { RunningHost } from './host'

export interface Screen {
  readonly name: string
  /** Opens the screen from the account list and returns what must be visible before the picture. */
  open(page: Page): Promise<Locator>
  /** Back to the account list. Default: Escape. */
  close?(page: Page, shown: Locator): Promise<void>
}

export const sidebar = (page: Page): Locator => page.getByRole('navigation', { name: 'Accounts' })
const dialog = (page: Page): Locator => page.getByRole('dialog').or(page.getByRole('alertdialog')).last()
const grid = (page: Page): Locator => page.getByRole('grid').first()
const bodyRows = (page: Page): Locator => grid(page).locator('[role="row"]:not([aria-rowindex="1"])')

export async function showAccount(page: Page, label: string): Promise<void> {
  await sidebar(page)
    .getByRole('button', { name: new RegExp(`^${label}(?! \\d)`) })
    .first()
    .click()
  await expect(page.getByRole('heading', { name: label, exact: true })).toBeVisible()
  await expect(bodyRows(page).first()).toBeVisible()
}

async function keyMenu(page: Page, item: RegExp): Promise<Locator> {
  await bodyRows(page)
    .getByRole('button', { name: /^Actions for / })
    .first()
    .click()
  await page.getByRole('menuitem', { name: item }).first().click()
  const shown = dialog(page)
  await expect(shown).toBeVisible()
  return shown
}

async function accountMenu(page: Page, label: string, item: RegExp): Promise<Locator> {
  await showAccount(page, label)
  await page
    .getByRole('main')
    .getByRole('button', { name: `Actions for ${label}`, exact: true })
    .click()
  await page.getByRole('menuitem', { name: item }).click()
  const shown = dialog(page)
  await expect(shown).toBeVisible()
  return shown
}

export async function escape(page: Page, shown: Locator): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(shown).toBeHidden()
}

async function createKey(page: Page, label: string): Promise<Locator> {
  await showAccount(page, label)
  await page.getByRole('button', { name: /^Create key/ }).click()
  return dialog(page)
}

const topButton = (page: Page, name: RegExp | string): Promise<void> =>
  page.getByRole('banner').getByRole('button', { name }).click()

export function screens(host: RunningHost): readonly Screen[] {
  return [
    {
      name: 'list-all-accounts',
      open: async (page) => {
        await sidebar(page)
          .getByRole('button', { name: /^All accounts/ })
          .click()
        await expect(bodyRows(page).first()).toBeVisible()
        return page.getByRole('heading', { name: 'All accounts' })
      },
      close: async () => undefined,
    },
    {
      name: 'list-onqlave',
      open: async (page) => {
        await showAccount(page, 'Demo Onqlave')
        return grid(page)
      },
      close: async () => undefined,
    },
    {
      name: 'endpoints-onqlave',
      open: async (page) => {
        await showAccount(page, 'Demo Onqlave')
        await page.getByText('Service endpoints').click()
        const list = page.getByRole('list', { name: 'Endpoints' })
        await expect(list).toContainText('Management API')
        await expect(list).toContainText('Arx sandbox-arx')
        await expect(page.getByRole('link', { name: 'Onqlave API documentation' })).toBeVisible()
        return list
      },
      close: async (page) => {
        await page.getByText('Service endpoints').click()
      },
    },
    {
      name: 'key-detail',
      open: async (page) => {
        await bodyRows(page).first().locator('.cell-name button').click()
        return page.locator('aside.detail')
      },
    },
    {
      name: 'add-account',
      open: async (page) => {
        await sidebar(page)
          .getByRole('button', { name: /Add account/ })
          .click()
        return page.getByRole('dialog', { name: 'Add account' })
      },
    },
    {
      name: 'settings',
      open: async (page) => {
        await topButton(page, /Settings/)
        return page.getByRole('dialog', { name: 'Settings' })
      },
    },
    {
      name: 'repair',
      open: async (page) => {
        await topButton(page, 'Repair')
        return page.getByRole('dialog', { name: 'Repair' })
      },
    },
    {
      name: 'activity',
      open: async (page) => {
        await topButton(page, /Activity/)
        return page.getByRole('dialog', { name: 'Activity' })
      },
    },
    {
      name: 'palette',
      open: async (page) => {
        await page.keyboard.press('Control+k')
        return page.getByRole('combobox', { name: 'Find a command' })
      },
    },
    {
      name: 'shortcuts',
      open: async (page) => {
        await grid(page).focus()
        await page.keyboard.press('?')
        return dialog(page)
      },
    },
    { name: 'create-key-onqlave', open: (page) => createKey(page, 'Demo Onqlave') },
    { name: 'create-key-spaceone', open: (page) => createKey(page, 'Demo SpaceONE') },
    {
      name: 'disable-spaceone',
      open: async (page) => {
        await showAccount(page, 'Demo SpaceONE')
        return keyMenu(page, /^Disable/)
      },
    },
    {
      name: 'rotate-spaceone',
      open: async (page) => {
        await showAccount(page, 'Demo SpaceONE')
        return keyMenu(page, /^Rotate/)
      },
      close: async (page, shown) => {
        await escape(page, shown)
        // Opening the dialog may have started a rotation: stop it, so every picture starts from the same list.
        for (const r of await host.call<{ id: string }[]>('rotation.list'))
          await host.call('rotation.cancel', { id: r.id })
        await page.reload()
      },
    },
    {
      name: 'delete-onqlave',
      open: async (page) => {
        await showAccount(page, 'Demo Onqlave')
        return keyMenu(page, /^Delete/)
      },
    },
    {
      name: 'rename-cloudmc',
      open: async (page) => {
        await showAccount(page, 'Demo CloudMC')
        return keyMenu(page, /^Rename/)
      },
    },
    { name: 'edit-account', open: (page) => accountMenu(page, 'Demo CloudMC', /^Edit/) },
    { name: 'credential', open: (page) => accountMenu(page, 'Demo CloudMC', /credential/i) },
    { name: 'timing', open: (page) => accountMenu(page, 'Demo SpaceONE', /propagation/i) },
    { name: 'remove-account', open: (page) => accountMenu(page, 'Demo CloudMC', /^Remove/) },
    {
      name: 'bulk-disable',
      open: async (page) => {
        await showAccount(page, 'Demo SpaceONE')
        await bodyRows(page)
          .getByRole('checkbox', { name: /^Select / })
          .first()
          .check()
        await page
          .getByRole('region', { name: 'Selected keys' })
          .getByRole('button', { name: /^Disable/ })
          .click()
        return dialog(page)
      },
      close: async (page, shown) => {
        await escape(page, shown)
        await page.getByRole('button', { name: 'Clear selection' }).click()
      },
    },
    {
      name: 'reveal-cloudmc',
      open: async (page) => {
        const create = await createKey(page, 'Demo CloudMC')
        await create
          .getByRole('button', { name: /^Create/ })
          .last()
          .click()
        const reveal = page.getByRole('dialog', { name: /^New key/ })
        await expect(reveal).toBeVisible()
        return reveal
      },
      close: async (page, shown) => {
        await shown.getByRole('button', { name: 'Done' }).click()
        const confirm = page.getByRole('alertdialog', { name: 'Close the secret?' })
        await expect(confirm).toBeVisible()
        await confirm.getByRole('button', { name: 'Close', exact: true }).click()
        await expect(shown).toBeHidden()
      },
    },
  ]
}
