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
  // Nothing it asks for is missing: a 404 (the favicon was one) is an error in the console of every load.
  const failed: string[] = []
  page.on('response', (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`)))
  await page.goto(host.openUrl)
  await expect(page.getByRole('heading', { name: 'KeyDesk' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Keychain/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try KeyDesk with demo services' })).toBeVisible()
  expect(page.url()).not.toContain('/launch/')
  await page.screenshot({ path: 'test-results/first-screen.png' })
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /\.svg$/)
  const icon = await page.request.get(
    new URL((await page.locator('link[rel="icon"]').getAttribute('href')) ?? '', page.url()).href,
  )
  expect(icon.headers()['content-type']).toBe('image/svg+xml')
  expect(failed).toEqual([])
})

test('the page without a session says how to get one', async ({ page }) => {
  await page.goto(new URL(host.openUrl).origin)
  await expect(page.getByRole('alert').first()).toContainText('npm run web -- --open')
})
