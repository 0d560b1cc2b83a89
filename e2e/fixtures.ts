// What several specs share: a browser host with every sandbox account imported, sandbox controls, opening an account,
// and reading an export the host saved.
import { statSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { AccountView } from '../src/shared/model'
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox'
import { credentialSecrets, registerSecret } from '../tests/support/secret-registry'
import { launchHost, type RunningHost } from './host'

export interface HostWithSandbox {
  readonly sandbox: Sandbox
  readonly host: RunningHost
  readonly accounts: readonly AccountView[]
  stop(): Promise<void>
}

export async function hostWithSandbox(options: SandboxOptions): Promise<HostWithSandbox> {
  const sandbox = await startSandbox({ port: 0, log: () => undefined, ...options })
  const host = await launchHost()
  registerSecret(...sandbox.accounts.flatMap((a) => credentialSecrets(a.credentials)))
  await host.call('accounts.import', { content: JSON.stringify({ url: sandbox.url, accounts: sandbox.accounts }) })
  const accounts = await host.call<AccountView[]>('accounts.list')
  return {
    sandbox,
    host,
    accounts,
    stop: async () => {
      await host.stop()
      await sandbox.close()
    },
  }
}

/** Changes the sandbox at run time (faults, latency), for every account or one account by label. */
export async function sandboxConfig(sandbox: Sandbox, body: object): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Sandbox-Token': sandbox.controlToken },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(200)
}

export async function openAccount(page: Page, host: RunningHost, label: string): Promise<void> {
  await page.goto(host.openUrl)
  await page
    .getByRole('navigation', { name: 'Accounts' })
    .getByRole('button', { name: new RegExp(`^${label}(?! \\d)`) })
    .click()
  await expect(page.getByRole('heading', { name: label, exact: true })).toBeVisible()
}

/** The host writes an export itself (0600, in its export folder) and the page says where; nothing is downloaded. */
export async function saved(button: Locator): Promise<{ name: string; content: string }> {
  const status = button.locator('xpath=..').getByRole('status')
  await button.click()
  await expect(status).toContainText('Saved to ')
  const path = ((await status.textContent()) ?? '').replace(/^.*Saved to /, '').trim()
  expect(statSync(path).mode & 0o777).toBe(0o600)
  return { name: basename(path), content: readFileSync(path, 'utf8') }
}
