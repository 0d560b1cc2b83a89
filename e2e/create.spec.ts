// Creating keys through the UI against the real browser host and the sandbox: reveal, copy, download, and the
// secret leaving the page when the dialog closes.
import { execFileSync } from 'node:child_process'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { parse as parseYaml } from 'yaml'
import type { Sandbox } from '../src/sandbox'
import { registerSecret } from '../tests/support/secret-registry'
import { hostWithSandbox, openAccount, saved } from './fixtures'
import type { RunningHost } from './host'

let sandbox: Sandbox
let host: RunningHost

test.beforeAll(async () => {
  ;({ sandbox, host } = await hostWithSandbox({ seed: 'e2e-create', activationSeconds: 3, propagationSeconds: 1 }))
})
test.afterAll(async () => {
  await host?.stop()
  await sandbox?.close()
})

/** The toolbar's button; while a dialog is open, the rest of the page is hidden from the accessibility tree. */
const createButton = (page: Page): Locator => page.getByRole('button', { name: 'Create key', exact: true })

/** Reads a masked part by showing it, then hides it again. */
async function reveal(dialog: Locator, label: string): Promise<string> {
  const part = dialog.getByRole('group', { name: label, exact: true })
  await part.getByRole('button', { name: `Show ${label}` }).click()
  const value = (await part.locator('code').textContent()) ?? ''
  registerSecret(value)
  await part.getByRole('button', { name: `Hide ${label}` }).click()
  return value
}

/** Escape asks first; confirming closes. Then nothing of the secret may remain in the page. */
async function closeAndCheckGone(page: Page, dialog: Locator, secrets: readonly string[]): Promise<void> {
  await page.keyboard.press('Escape')
  const confirm = page.getByRole('alertdialog', { name: 'Close the secret?' })
  await expect(confirm).toContainText('You will not be able to see this secret again')
  await confirm.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  const html = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { outerHTML: string } } }).document.documentElement
        .outerHTML,
  )
  const text = await page.locator('body').innerText()
  for (const s of secrets) {
    expect(s.length).toBeGreaterThan(10)
    expect(html).not.toContain(s)
    expect(text).not.toContain(s)
  }
}

test('SpaceONE: create, reveal, copy, download both files, try, and close', async ({ page }) => {
  await openAccount(page, host, 'Demo SpaceONE')
  await expect(page.getByText('1 of 2 keys', { exact: true })).toBeVisible()
  await createButton(page).click()
  const form = page.getByRole('dialog', { name: 'Create a SpaceONE key' })
  await expect(form.getByLabel('Keep in keychain')).toBeChecked()
  await form.getByRole('button', { name: 'Create key' }).click()

  const dialog = page.getByRole('dialog', { name: /^New key api-key-/ })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('group', { name: 'API key', exact: true }).locator('code')).toHaveText(
    '••••••••••••••••',
  )
  await page.screenshot({ path: 'test-results/reveal-spaceone.png' })
  const secret = await reveal(dialog, 'API key')
  expect(secret).toMatch(/^eyJ/)
  expect(await page.content()).not.toContain(secret)

  await dialog.getByRole('button', { name: 'Copy API key', exact: true }).click()
  await expect(dialog.getByText('Copied — clears in 30 s')).toBeVisible()
  // The real system clipboard (xclip on the virtual display npm test runs the e2e specs on) holds it.
  expect(execFileSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8' })).toBe(secret)

  const json = await saved(dialog.getByRole('button', { name: /Export API key \(JSON\)/ }))
  expect(json.name).toBe('api_key')
  expect(json.content).not.toContain('\n')
  expect(JSON.parse(json.content)).toMatchObject({ api_key: secret, state: 'ENABLED', last_accessed_at: '' })
  const yaml = await saved(dialog.getByRole('button', { name: /Export spacectl config/ }))
  expect(yaml.name).toBe('spacectl_config')
  const config = parseYaml(yaml.content) as { api_key: string; endpoints: Record<string, string> }
  expect(config.api_key).toBe(secret)
  expect(Object.keys(config.endpoints)).toContain('identity')

  await dialog.getByRole('button', { name: 'Try it' }).click()
  await expect(dialog.getByText(/Works:/)).toBeVisible()
  await expect(dialog.getByText(/Kept in your keychain/)).toBeVisible()
  await closeAndCheckGone(page, dialog, [secret])

  await expect(page.getByText('2 of 2 keys — delete or rotate one first')).toBeVisible()
  await expect(createButton(page)).toBeDisabled()
})

test('CloudMC: a named key, its secret and file, then gone from the page', async ({ page }) => {
  await openAccount(page, host, 'Demo CloudMC')
  await createButton(page).click()
  const form = page.getByRole('dialog', { name: 'Create a CloudMC key' })
  await form.getByLabel(/Name/).fill('bad\u0007name')
  await form.getByRole('button', { name: 'Create key' }).click()
  await expect(form.getByText(/printable characters only/)).toBeVisible()
  await form.getByLabel(/Name/).fill('e2e ci-runner')
  await form.getByRole('button', { name: 'Create key' }).click()

  const dialog = page.getByRole('dialog', { name: 'New key “e2e ci-runner”' })
  await expect(dialog).toBeVisible()
  await page.screenshot({ path: 'test-results/reveal-cloudmc.png' })
  const secret = await reveal(dialog, 'API key')
  const file = await saved(dialog.getByRole('button', { name: /Export API key \(JSON\)/ }))
  expect(file.name).toBe('cloudmc_api_key.json')
  expect(JSON.parse(file.content)).toMatchObject({ name: 'e2e ci-runner', api_key: secret })
  await dialog.getByRole('button', { name: 'Copy API key', exact: true }).click()
  await expect(dialog.getByText('Copied — clears in 30 s')).toBeVisible()
  await closeAndCheckGone(page, dialog, [secret])
  await expect(page.getByRole('row').filter({ hasText: 'e2e ci-runner' })).toBeVisible()
})

test('Onqlave: application and Arx, review, visible activation, then the SDK credentials file', async ({ page }) => {
  await openAccount(page, host, 'Demo Onqlave')
  await createButton(page).click()
  const form = page.getByRole('dialog', { name: 'Create an Onqlave key' })
  await form.getByLabel('Application').selectOption({ label: 'billing (server)' })
  await form.getByLabel('Arx').selectOption({ label: 'sandbox-arx (aes-gcm-256)' })
  await form.getByRole('button', { name: 'Review' }).click()
  await expect(form.getByRole('region', { name: 'Review' })).toContainText('sandbox-arx')
  await form.getByRole('button', { name: 'Create key' }).click()
  await expect(form.locator('[aria-current="step"]')).toHaveText(/Waiting for Onqlave to activate it/)
  await page.screenshot({ path: 'test-results/onqlave-activating.png' })

  const dialog = page.getByRole('dialog', { name: /^New key/ })
  await expect(dialog).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: 'test-results/reveal-onqlave.png' })
  const signing = await reveal(dialog, 'Server signing key')
  const secretKey = await reveal(dialog, 'Server secret key')
  const file = await saved(dialog.getByRole('button', { name: /Export SDK credentials/ }))
  expect(file.name).toBe('credentials.json')
  const creds = JSON.parse(file.content) as Record<string, string>
  expect(creds).toMatchObject({ server_signing_key: signing, server_secret_key: secretKey })
  expect(creds.arx_url).toMatch(new RegExp(`^${sandbox.url}/cluster--`))
  await dialog.getByRole('button', { name: 'Try it' }).click()
  await expect(dialog.getByText(/Works:/)).toBeVisible()
  await closeAndCheckGone(page, dialog, [signing, secretKey])
})
