// The user's steps for each key action, through the app's own UI (as in e2e/lifecycle.spec.ts and e2e/create.spec.ts),
// so row 11 counts what the renderer's actions and the core send together. Each step returns once the UI has shown
// the outcome; the caller then waits for the services to go quiet.
import type { Locator, Page } from '@playwright/test'
import type { KeyRecord, ProviderId } from '../src/shared/model'

export type Action = 'create' | 'disable' | 'enable' | 'rename' | 'delete'

const keyLabel = (k: KeyRecord): string => (k.name && k.name !== k.keyId ? `${k.name} (${k.keyId})` : k.keyId)

export async function openAccount(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Accounts' })
    .getByRole('button', { name: new RegExp(`^${label}(?! \\d)`) })
    .click()
  await page.getByRole('heading', { name: label, exact: true }).waitFor()
}

function toast(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text }).first()
}

/** The item of the key's action menu, or null when the provider does not offer it (the menu is closed again). */
async function menuItem(page: Page, key: KeyRecord, item: RegExp): Promise<Locator | null> {
  await page.getByRole('button', { name: `Actions for ${keyLabel(key)}`, exact: true }).click()
  const found = page.getByRole('menuitem', { name: item })
  if ((await found.count()) === 0) {
    await page.keyboard.press('Escape')
    return null
  }
  return found.first()
}

/** Runs one lifecycle action on `key`; false when the provider's menu does not offer it. */
export async function lifecycle(page: Page, key: KeyRecord, action: Exclude<Action, 'create'>): Promise<boolean> {
  const item = await menuItem(
    page,
    key,
    { disable: /^Disable/, enable: /^Enable/, rename: /^Rename/, delete: /^Delete/ }[action],
  )
  if (!item) return false
  const newName = `${key.name.slice(0, 40)} renamed`
  await item.click()
  switch (action) {
    case 'enable':
      break
    case 'disable':
      await page.getByRole('alertdialog').getByRole('button', { name: 'Disable', exact: true }).click()
      break
    case 'rename': {
      const dialog = page.getByRole('dialog', { name: 'Rename key' })
      await dialog.getByLabel('Name').fill(newName)
      await dialog.getByRole('button', { name: 'Rename', exact: true }).click()
      break
    }
    case 'delete': {
      const dialog = page.getByRole('alertdialog')
      const typed = dialog.getByLabel(/Type the key id/)
      if ((await typed.count()) > 0) await typed.fill(key.keyId)
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
      break
    }
  }
  // The toast of this action on this key (an earlier action's toast may still be on screen).
  const done = {
    enable: `Enabled ${keyLabel(key)}`,
    disable: `Disabled ${keyLabel(key)}`,
    rename: `Renamed as “${newName}”`,
    delete: `Deleted ${keyLabel(key)}`,
  }[action]
  await toast(page, done).waitFor()
  return true
}

/** The create form's required choices of each provider. */
const CHOICES: Record<ProviderId, readonly string[]> = {
  spaceone: [],
  cloudmc: [],
  onqlave: ['Application', 'Arx'],
  'spaceone-apps': ['Role'],
}

/** Opens the create dialog and fills it; returns the button that creates, so the caller can count from its click. */
export async function prepareCreate(page: Page, provider: ProviderId): Promise<Locator> {
  await page.getByRole('button', { name: 'Create key', exact: true }).click()
  const form = page.getByRole('dialog', { name: /^Create an? / })
  await form.waitFor()
  // Choices (Onqlave's applications and Arx, Cloudforet's roles) load after the form opens.
  await form.getByText('Loading the choices for this key…').waitFor({ state: 'detached' })
  const name = form.getByLabel(/^Name/)
  if ((await name.count()) > 0) await name.fill('bench key')
  for (const label of CHOICES[provider]) await form.getByLabel(label, { exact: true }).selectOption({ index: 1 })
  const review = form.getByRole('button', { name: 'Review', exact: true })
  if ((await review.count()) > 0) await review.click()
  return form.getByRole('button', { name: 'Create key', exact: true })
}

/** After the create click: waits for the one-time reveal, then closes it the way a user does (Escape, confirm). */
export async function finishCreate(page: Page, limitMs: number): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /^New key/ })
  await dialog.waitFor({ timeout: limitMs })
  await page.keyboard.press('Escape')
  await page.getByRole('alertdialog', { name: 'Close the secret?' }).getByRole('button', { name: 'Close' }).click()
  await dialog.waitFor({ state: 'detached' })
}
