// Adding one account of each provider through the UI, against the sandbox over real HTTP, and finding them after a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startSandbox, type Sandbox, type SandboxAccount } from '../src/sandbox'
import { launchHost, type RunningHost } from './host'

let sandbox: Sandbox
let host: RunningHost
let dataDir: string

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'e2e-accounts', log: () => undefined })
  dataDir = mkdtempSync(join(tmpdir(), 'keydesk-e2e-accounts-'))
  host = await launchHost({ dataDir })
})
test.afterAll(async () => {
  await host?.stop()
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const of = (provider: SandboxAccount['provider']): SandboxAccount => {
  const a = sandbox.accounts.find((x) => x.provider === provider)
  if (!a) throw new Error(`the sandbox has no ${provider} account`)
  return a
}
const cred = (a: SandboxAccount, field: string): string => (a.credentials as Record<string, string>)[field] ?? ''

async function openAddDialog(page: Page): Promise<ReturnType<Page['getByRole']>> {
  const add = page.getByRole('button', { name: /Add account/ }).first()
  await add.click()
  const dialog = page.getByRole('dialog', { name: 'Add account' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('one account of each provider can be added through the UI and is still there after a restart', async ({
  page,
}) => {
  await page.goto(host.openUrl)
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible()

  // SpaceONE: test the connection first, then save.
  let dialog = await openAddDialog(page)
  const space = of('spaceone')
  await dialog.getByLabel('Label').fill('E2E SpaceONE')
  await dialog.getByLabel('Console API endpoint').fill(space.endpoint)
  await dialog.getByLabel('API key, client secret or access token (JWT)').fill(cred(space, 'token'))
  await expect(dialog.getByLabel('API key, client secret or access token (JWT)')).toHaveAttribute('type', 'password')
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'Connection works' })).toBeVisible()
  await page.screenshot({ path: 'test-results/add-account-tested.png' })
  await dialog.getByRole('button', { name: 'Save account' }).click()
  await expect(dialog).toBeHidden()
  const sidebar = page.getByRole('navigation', { name: 'Accounts' })
  await expect(sidebar.getByRole('button', { name: /^E2E SpaceONE/ })).toBeVisible()

  // CloudMC: a wrong credential is refused with the service's words; the right one saves.
  dialog = await openAddDialog(page)
  const cloud = of('cloudmc')
  await dialog.getByRole('radio', { name: /CloudMC/ }).check()
  await dialog.getByLabel('Label').fill('E2E CloudMC')
  await dialog.getByLabel('API endpoint').fill(cloud.endpoint)
  await dialog.getByLabel('API key', { exact: true }).fill('not-a-real-key')
  await dialog.getByRole('button', { name: 'Test connection' }).click()
  await expect(dialog.getByRole('alert')).toBeVisible()
  await dialog.getByLabel('API key', { exact: true }).fill(cred(cloud, 'apiKey'))
  await dialog.getByRole('button', { name: 'Save account' }).click()
  await expect(dialog).toBeHidden()
  await expect(sidebar.getByRole('button', { name: /^E2E CloudMC/ })).toBeVisible()

  // Onqlave: the base URL default is replaced by the sandbox's.
  dialog = await openAddDialog(page)
  const onq = of('onqlave')
  await dialog.getByRole('radio', { name: /Onqlave/ }).check()
  await expect(dialog.getByLabel('Base URL')).toHaveValue('https://api.onqlave.com')
  await dialog.getByLabel('Label').fill('E2E Onqlave')
  await dialog.getByLabel('Base URL').fill(onq.endpoint)
  await dialog.getByLabel('Tenant id').fill(cred(onq, 'tenantId'))
  await dialog.getByLabel('Auth token').fill(cred(onq, 'token'))
  await dialog.getByRole('button', { name: 'Save account' }).click()
  await expect(dialog).toBeHidden()
  await expect(sidebar.getByRole('button', { name: /^E2E Onqlave/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'E2E Onqlave' })).toBeVisible()

  for (const label of ['E2E SpaceONE', 'E2E CloudMC', 'E2E Onqlave']) {
    await expect(sidebar.getByRole('button', { name: new RegExp(`^${label}.*OK`) })).toBeVisible()
  }

  await host.stop()
  host = await launchHost({ dataDir })
  await page.goto(host.openUrl)
  for (const label of ['E2E SpaceONE', 'E2E CloudMC', 'E2E Onqlave']) {
    await expect(sidebar.getByRole('button', { name: new RegExp(`^${label}`) })).toBeVisible()
  }
  // The credentials came back from the keychain: every account lists its keys again.
  await expect(page.getByRole('grid', { name: 'Keys of all accounts' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  for (const provider of ['SpaceONE', 'CloudMC', 'Onqlave']) {
    await expect(page.getByRole('gridcell', { name: new RegExp(`· ${provider}`) }).first()).toBeVisible()
  }
  await page.screenshot({ path: 'test-results/accounts-after-restart.png' })
})
