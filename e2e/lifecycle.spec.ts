// Enable, disable, rename, delete, bulk changes, rollback and rotation through the UI, against the real browser host
// and the sandbox.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import type { KeyList } from '../src/shared/api'
import type { AccountView, CreatedKey } from '../src/shared/model'
import { startSandbox, type Sandbox } from '../src/sandbox'
import { hostWithSandbox, openAccount, sandboxConfig } from './fixtures'
import { launchHost, type RunningHost } from './host'

const row = (page: Page, text: string): Locator => page.getByRole('row').filter({ hasText: text })

async function act(page: Page, keyLabel: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${keyLabel}`, exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

test.describe('lifecycle actions on every provider', () => {
  let sandbox: Sandbox
  let host: RunningHost
  let accounts: readonly AccountView[]
  const byLabel = (label: string): AccountView => {
    const a = accounts.find((x) => x.label === label)
    if (!a) throw new Error(`no account ${label}`)
    return a
  }
  const createKey = (label: string): Promise<CreatedKey> =>
    host.call<CreatedKey>('keys.create', { accountId: byLabel(label).id, requestId: crypto.randomUUID(), keep: false })

  test.beforeAll(async () => {
    ;({ sandbox, host, accounts } = await hostWithSandbox({
      seed: 'e2e-lifecycle',
      accountsPerProvider: 2,
      activationSeconds: 1,
      propagationSeconds: 1,
    }))
  })
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook wants from this pattern: none.
  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus) {
      console.log(`host log:\n${host.log().slice(-20_000)}`)
      console.log(`at ${new Date().toISOString()} propagation: ${JSON.stringify(await host.call('propagation.list'))}`)
    }
  })
  test.afterAll(async () => {
    await host?.stop()
    await sandbox?.close()
  })

  test('SpaceONE: disable shows the window and counts down, enable is at once, delete says what stays working', async ({
    page,
  }) => {
    const extra = await createKey('Demo SpaceONE')
    const id = extra.key.keyId
    const own = byLabel('Demo SpaceONE').facts.ownKeyId ?? ''
    await openAccount(page, host, 'Demo SpaceONE')

    await act(page, own, 'Disable…')
    const ownDialog = page.getByRole('alertdialog', { name: `Disable ${own}?` })
    await expect(ownDialog).toContainText('KeyDesk itself signs in with')
    await expect(ownDialog.getByRole('button', { name: 'Rotate first' })).toBeVisible()
    await ownDialog.getByRole('button', { name: 'Cancel' }).click()

    await act(page, id, 'Disable…')
    const dialog = page.getByRole('alertdialog', { name: `Disable ${id}?` })
    await expect(dialog).toContainText(
      "Apps using this key may keep working for up to 10 minutes (the account's window)",
    )
    await dialog.getByRole('button', { name: 'Disable' }).click()
    await expect(row(page, id)).toContainText(/Disabling — in force at/)
    await expect(row(page, id).locator('.state')).toHaveAttribute(
      'title',
      /may still authenticate on some servers until then\. In force everywhere at /,
    )
    await page.screenshot({ path: 'test-results/spaceone-propagating.png' })

    await act(page, id, 'Enable')
    await expect(row(page, id).getByText('Enabled', { exact: true })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: `Enabled ${id}` })).toBeVisible()

    await act(page, id, 'Delete…')
    const del = page.getByRole('alertdialog', { name: `Delete ${id}?` })
    await expect(del).toContainText('may keep working for up to 10 minutes')
    await del.getByRole('button', { name: 'Delete' }).click()
    await expect(row(page, id)).toContainText(/Deleting — in force at/)
  })

  test('CloudMC: rename is checked and applied, a failing service rolls the row back, delete removes it', async ({
    page,
  }) => {
    const extra = await createKey('Demo CloudMC')
    await openAccount(page, host, 'Demo CloudMC')
    const label = `${extra.key.name} (${extra.key.keyId})`
    await act(page, label, 'Rename…')
    const rename = page.getByRole('dialog', { name: 'Rename key' })
    await rename.getByLabel('Name').fill('   ')
    await rename.getByRole('button', { name: 'Rename' }).click()
    await expect(rename.getByText('Enter a name.')).toBeVisible()
    await rename.getByLabel('Name').fill('e2e renamed')
    await rename.getByRole('button', { name: 'Rename' }).click()
    // The row shows the guess at once; wait for the service's answer before turning faults on, or they catch it.
    await expect(page.getByRole('status').filter({ hasText: 'Renamed as “e2e renamed”' })).toBeVisible()
    await expect(row(page, extra.key.keyId)).toContainText('e2e renamed')

    await sandboxConfig(sandbox, { faultRate: 1, account: 'Demo CloudMC' })
    await act(page, `e2e renamed (${extra.key.keyId})`, 'Rename…')
    const refused = page.getByRole('dialog', { name: 'Rename key' })
    await refused.getByLabel('Name').fill('never applied')
    await refused.getByRole('button', { name: 'Rename' }).click()
    // Failed with 503s and broken connections, and the listing that would tell failed too: the dialog stays with the
    // typed name and says KeyDesk cannot tell (not "unchanged"), and the row is as it was.
    await expect(
      refused.getByText(/KeyDesk could not tell whether it was renamed; the list shows what the service reports now: /),
    ).toBeVisible({ timeout: 20_000 })
    await expect(refused.getByLabel('Name')).toHaveValue('never applied')
    await sandboxConfig(sandbox, { faultRate: 0, account: 'Demo CloudMC' })
    await refused.getByRole('button', { name: 'Cancel' }).click()
    await expect(row(page, extra.key.keyId)).toContainText('e2e renamed')
    await expect(row(page, extra.key.keyId)).not.toContainText('never applied')

    await act(page, `e2e renamed (${extra.key.keyId})`, 'Delete…')
    const del = page.getByRole('alertdialog', { name: `Delete “e2e renamed” (${extra.key.keyId})?` })
    await expect(del).toContainText('Apps using this key get HTTP 401 immediately')
    await expect(del).toContainText('KeyDesk loses access')
    await del.getByRole('button', { name: 'Delete' }).click()
    await expect(row(page, extra.key.keyId)).toHaveCount(0)
  })

  test('Onqlave: delete unlocks only on the exact key id, then the key is deleted', async ({ page }) => {
    const account = byLabel('Demo Onqlave')
    const key = (await host.call<KeyList>('keys.list', { accountId: account.id })).keys.find(
      (k) => k.state === 'enabled',
    )
    if (!key) throw new Error('no Onqlave key')
    await openAccount(page, host, 'Demo Onqlave')
    await act(page, `${key.name} (${key.keyId})`, 'Delete…')
    const del = page.getByRole('alertdialog')
    const button = del.getByRole('button', { name: 'Delete' })
    await expect(button).toBeDisabled()
    await del.getByLabel(/Type the key id/).fill(key.keyId.slice(0, -1))
    await expect(button).toBeDisabled()
    await del.getByLabel(/Type the key id/).fill(key.keyId)
    await button.click()
    await expect(row(page, key.keyId)).toContainText(/Deleted/, { timeout: 20_000 })
  })

  test('bulk disable across two SpaceONE accounts: the summary first, then each key’s result; a fault rolls back', async ({
    page,
  }) => {
    const a = await createKey('Demo SpaceONE')
    const b = await createKey('Demo SpaceONE 2')
    await page.goto(host.openUrl)
    await page.getByRole('checkbox', { name: `Select ${a.key.keyId}` }).check()
    await page.getByRole('checkbox', { name: `Select ${b.key.keyId}` }).check()
    const bar = page.getByRole('region', { name: 'Selected keys' })
    await expect(bar).toContainText('2 keys selected in 2 accounts')
    await bar.getByRole('button', { name: 'Disable…' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog.getByRole('heading', { name: 'Disable 2 keys?' })).toBeVisible()
    await expect(dialog.getByRole('region', { name: 'Demo SpaceONE', exact: true })).toContainText(a.key.keyId)
    await expect(dialog.getByRole('region', { name: 'Demo SpaceONE 2' })).toContainText(b.key.keyId)
    await dialog.getByRole('button', { name: 'Disable 2 keys' }).click()
    const results = page.getByRole('list', { name: 'Results' })
    await expect(results.getByRole('listitem')).toHaveCount(2)
    await expect(results).toContainText(`${a.key.keyId} (Demo SpaceONE): Disabled`)
    await expect(results).toContainText(`${b.key.keyId} (Demo SpaceONE 2): Disabled`)
    await page.screenshot({ path: 'test-results/bulk-results.png' })
    await page.getByRole('button', { name: 'Close' }).click()
    await expect(bar).toHaveCount(0)

    await sandboxConfig(sandbox, { faultRate: 1, account: 'Demo SpaceONE 2' })
    await act(page, b.key.keyId, 'Enable')
    // 503s and broken connections, the listing that would tell too: KeyDesk says it cannot tell, not "unchanged".
    await expect(
      page.getByRole('alert').filter({ hasText: `KeyDesk could not tell whether ${b.key.keyId} was enabled` }),
    ).toBeVisible({ timeout: 20_000 })
    await sandboxConfig(sandbox, { faultRate: 0, account: 'Demo SpaceONE 2' })
    await expect(row(page, b.key.keyId)).toContainText(/Disabl/)
  })
})

test.describe('a rotation survives a restart', () => {
  let sandbox: Sandbox
  let host: RunningHost
  let dataDir: string
  test.beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 'e2e-rotate', propagationSeconds: 1, log: () => undefined })
    dataDir = mkdtempSync(join(tmpdir(), 'keydesk-e2e-rotate-'))
  })
  test.afterAll(async () => {
    await host?.stop()
    await sandbox?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('rotating the account’s own SpaceONE key, closing KeyDesk mid-way, and finishing after the restart', async ({
    page,
  }) => {
    // Our own data dir: a host launched without one deletes it when it stops.
    host = await launchHost({ dataDir })
    await host.call('accounts.import', {
      content: JSON.stringify({
        url: sandbox.url,
        accounts: sandbox.accounts.filter((a) => a.provider === 'spaceone'),
      }),
    })
    const [account] = await host.call<AccountView[]>('accounts.list')
    if (!account?.facts.ownKeyId) throw new Error('the SpaceONE seed is not an API key')
    const old = account.facts.ownKeyId
    await host.call('accounts.update', { id: account.id, propagationWindowSec: 3 })

    await openAccount(page, host, 'Demo SpaceONE')
    await act(page, old, 'Rotate…')
    const rotation = page.getByRole('dialog', { name: `Rotate ${old}` })
    await expect(rotation.locator('[aria-current="step"]')).toContainText('Create the new key')
    await rotation.getByRole('button', { name: 'Create key' }).click()
    const reveal = page.getByRole('dialog', { name: /^New key/ })
    await expect(reveal).toContainText('Next: put the new key wherever the old one is used')
    await page.keyboard.press('Escape')
    await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click()

    await expect(rotation.locator('[aria-current="step"]')).toContainText('Switch your apps')
    await expect(rotation).toContainText('KeyDesk already signs in with')
    await rotation.getByRole('button', { name: 'My apps use the new key — continue' }).click()
    await rotation.getByRole('button', { name: `Disable ${old}` }).click()
    const confirmDisable = page.getByRole('alertdialog', { name: `Disable ${old}?` })
    await confirmDisable.getByRole('button', { name: 'Disable', exact: true }).click()
    await expect(rotation.locator('[aria-current="step"]')).toContainText('Wait for the disable')
    await page.screenshot({ path: 'test-results/rotation-in-progress.png' })
    await rotation.getByRole('button', { name: 'Close' }).last().click()
    await expect(page.getByRole('region', { name: 'Rotations in progress' })).toContainText(old)

    await host.stop()
    host = await launchHost({ dataDir })
    await page.goto(host.openUrl)
    const banner = page.getByRole('region', { name: 'Rotations in progress' })
    await expect(banner).toContainText(`Rotating ${old} in Demo SpaceONE — next: wait for the disable to take effect`)
    await banner.getByRole('button', { name: `Resume rotating ${old}` }).click()
    const resumed = page.getByRole('dialog', { name: `Rotate ${old}` })
    await expect(resumed.getByRole('timer')).toContainText(/in force everywhere/, { timeout: 20_000 })
    await resumed.getByRole('button', { name: 'Continue' }).click()
    await resumed.getByRole('button', { name: `Delete ${old}…` }).click()
    await page
      .getByRole('alertdialog', { name: `Delete ${old}?` })
      .getByRole('button', { name: 'Delete' })
      .click()
    await expect(resumed.locator('[aria-current="step"]')).toHaveCount(0)
    await expect(resumed).toContainText(/replaces/)
    await resumed.getByRole('button', { name: 'Finish' }).click()
    await expect(banner).toHaveCount(0)
    const keys = await host.call<KeyList>('keys.list', { accountId: account.id })
    expect(keys.keys.filter((k) => k.state !== 'deleted').map((k) => k.keyId)).not.toContain(old)
  })
})
