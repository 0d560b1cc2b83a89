// Cloudforet 2.x apps through the UI, against the real browser host and the sandbox's /spaceone2: the one
// SpaceONE / Cloudforet choice says which version it found, create with reveal and both console exports,
// regenerate, disable with the window, and KeyDesk's own expiry reminders.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { parse as parseYaml } from 'yaml'
import type { KeyList } from '../src/shared/api'
import type { AccountView, CreatedKey, KeyRecord } from '../src/shared/model'
import type { Sandbox } from '../src/sandbox'
import { registerSecret } from '../tests/support/secret-registry'
import { hostWithSandbox, openAccount, saved } from './fixtures'
import type { RunningHost } from './host'

let sandbox: Sandbox
let host: RunningHost
let accounts: readonly AccountView[]

test.beforeAll(async () => {
  ;({ sandbox, host, accounts } = await hostWithSandbox({ seed: 'e2e-cloudforet', propagationSeconds: 1 }))
})
test.afterAll(async () => {
  await host?.stop()
  await sandbox?.close()
})

const CF = 'Demo Cloudforet'
const row = (page: Page, text: string): Locator => page.getByRole('row').filter({ hasText: text })
const seeded = (provider: AccountView['provider']) => {
  const a = sandbox.accounts.find((x) => x.provider === provider)
  if (!a) throw new Error(`no ${provider} account in the sandbox`)
  return { endpoint: a.endpoint, token: (a.credentials as { token: string }).token }
}

const cfAccount = (): AccountView => {
  const a = accounts.find((x) => x.label === CF)
  if (!a) throw new Error(`no ${CF} account`)
  return a
}
async function app(name: string): Promise<KeyRecord> {
  const { keys } = await host.call<KeyList>('keys.list', { accountId: cfAccount().id })
  const k = keys.find((x) => x.name === name)
  if (!k) throw new Error(`no app ${name}`)
  return k
}

/** Runs an item of an app's action menu; its button is named after "name (id)". */
async function act(page: Page, k: KeyRecord, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${k.name} (${k.keyId})`, exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

async function closeReveal(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.press('Escape')
  await page.getByRole('alertdialog', { name: 'Close the secret?' }).getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
}

// First in the file: a reminder is given once per threshold, by the first listing, to the windows open then.
test('expiry reminders: a notification, a badge across accounts, the filter, and one click into rotation', async ({
  page,
}) => {
  await page.goto(host.openUrl)
  const badge = page.getByRole('button', { name: /\d+ expiring or expired/ })
  await expect(badge).toBeVisible()
  await page.getByRole('button', { name: /^Notifications/ }).click()
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(/report-bot expires in 6 days/)
  await page.keyboard.press('Escape')

  await badge.click()
  await expect(row(page, 'report-bot').getByRole('button', { name: /^expiring : Expires in 6 days/ })).toBeVisible()
  await expect(row(page, 'nightly-export').getByRole('button', { name: /^expired : Expired/ })).toBeVisible()
  await expect(row(page, 'ci-platform')).toHaveCount(0)

  const bot = await app('report-bot')
  await row(page, 'report-bot')
    .getByRole('button', { name: /^expiring/ })
    .click()
  const rotate = page.getByRole('dialog', { name: `Rotate ${bot.keyId}` })
  await expect(rotate).toBeVisible()
  // The filter is a saved preference: clear it for the tests after this one.
  await page.keyboard.press('Escape')
  await expect(rotate).toHaveCount(0)
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(row(page, 'ci-platform')).toHaveCount(1)
})

test('one SpaceONE / Cloudforet choice tells 2.x from 1.x and says which it found', async ({ page }) => {
  await page.goto(host.openUrl)
  await page.getByRole('button', { name: '+ Add account' }).click()
  const form = page.getByRole('dialog', { name: 'Add account' })
  await expect(form.getByRole('radio', { name: /Cloudforet/ })).toHaveCount(1)
  await form.getByRole('radio', { name: /SpaceONE \/ Cloudforet/ }).check()
  for (const [provider, found] of [
    ['spaceone-apps', /Connection works: Cloudforet 2\.x: /],
    ['spaceone', /Connection works: SpaceONE 1\.x: /],
  ] as const) {
    const { endpoint, token } = seeded(provider)
    await form.getByLabel('Console API endpoint').fill(endpoint)
    await form.getByLabel('API key, client secret or access token (JWT)').fill(token)
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('status').filter({ hasText: 'Connection works' })).toContainText(found)
  }
})

test('create an app with a role and an expiry: the secret once, and both console exports', async ({ page }) => {
  await openAccount(page, host, CF)
  await page.getByRole('button', { name: 'Create key', exact: true }).click()
  const form = page.getByRole('dialog', { name: 'Create a Cloudforet key' })
  await form.getByLabel('Name').fill('e2e-deploy')
  await form.getByLabel('Role').selectOption('managed-domain-admin')
  const expires = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10)
  await form.getByLabel('Expires').fill(expires)
  await form.getByRole('button', { name: 'Create key' }).click()

  const dialog = page.getByRole('dialog', { name: 'New key “e2e-deploy”' })
  await expect(dialog).toBeVisible()
  const part = dialog.getByRole('group', { name: 'Client secret', exact: true })
  await expect(part.locator('code')).toHaveText('••••••••••••••••')
  await part.getByRole('button', { name: 'Show Client secret' }).click()
  const secret = (await part.locator('code').textContent()) ?? ''
  registerSecret(secret)
  expect(secret).toMatch(/^eyJ/)

  const json = await saved(dialog.getByRole('button', { name: /Export Client secret \(JSON\)/ }))
  expect(json.name).toBe('client_secret')
  expect(JSON.parse(json.content)).toMatchObject({ client_secret: secret, name: 'e2e-deploy' })
  const yaml = await saved(dialog.getByRole('button', { name: /Export spacectl config/ }))
  expect(yaml.name).toBe('spacectl_config')
  const config = parseYaml(yaml.content) as { token: string; endpoints: unknown }
  expect(config.token).toBe(secret)
  expect(config).toHaveProperty('endpoints')
  await closeReveal(page, dialog)
  await expect(row(page, 'e2e-deploy')).toContainText(expires)
})

test('regenerate asks first, shows the new secret once, and the old one retires over the window', async ({ page }) => {
  await openAccount(page, host, CF)
  await act(page, await app('keydesk'), 'Regenerate secret…')
  const ask = page.getByRole('alertdialog', { name: 'Regenerate the secret of “keydesk”?' })
  await expect(ask).toContainText('KeyDesk itself signs in with for Demo Cloudforet')
  await ask.getByRole('button', { name: 'Cancel' }).click()

  const ci = await app('ci-platform')
  await act(page, ci, 'Regenerate secret…')
  const confirm = page.getByRole('alertdialog', { name: 'Regenerate the secret of “ci-platform”?' })
  await expect(confirm).toContainText("up to 10 minutes (the account's window)")
  await confirm.getByRole('button', { name: 'Regenerate' }).click()
  const dialog = page.getByRole('dialog', { name: 'New key “ci-platform”' })
  await expect(dialog.getByText(/this is the only time KeyDesk can show this secret/)).toBeVisible()
  const part = dialog.getByRole('group', { name: 'Client secret', exact: true })
  await part.getByRole('button', { name: 'Show Client secret' }).click()
  registerSecret((await part.locator('code').textContent()) ?? '')
  await closeReveal(page, dialog)
  await expect(row(page, ci.keyId)).toContainText(/Retiring old secret — in force at/)
})

test('disable shows the window the old secret may still work for', async ({ page }) => {
  const made = await host.call<CreatedKey>('keys.create', {
    accountId: cfAccount().id,
    requestId: crypto.randomUUID(),
    keep: false,
    name: 'e2e-disable',
    roleId: 'managed-domain-admin',
  })
  await host.call('secrets.release', { handle: made.handle })
  await openAccount(page, host, CF)
  await act(page, made.key, 'Disable…')
  const dialog = page.getByRole('alertdialog', { name: `Disable ${made.key.keyId}?` })
  await expect(dialog).toContainText("may keep working for up to 10 minutes (the account's window)")
  await dialog.getByRole('button', { name: 'Disable' }).click()
  await expect(row(page, made.key.keyId)).toContainText(/Disabling — in force at/)
})
