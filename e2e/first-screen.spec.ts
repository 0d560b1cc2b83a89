import { expect, test } from '@playwright/test'
import { launchHost, type RunningHost } from './host'

let host: RunningHost
test.beforeAll(async () => {
  host = await launchHost()
})
test.afterAll(async () => {
  await host.stop()
})

test('the first screen shows the product, the keychain status and the empty state', async ({ page }) => {
  await page.goto(host.openUrl)
  await expect(page.getByRole('heading', { name: 'KeyDesk' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Keychain/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try KeyDesk with demo services' })).toBeVisible()
  expect(page.url()).not.toContain('token=')
  await page.screenshot({ path: 'test-results/first-screen.png' })
})

test('the page refuses to work without the launch token', async ({ page }) => {
  await page.goto(host.openUrl.replace(/#token=.*/, ''))
  await expect(page.getByRole('alert')).toContainText(/refused|token/i)
})
