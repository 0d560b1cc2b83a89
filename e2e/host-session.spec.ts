// The browser host's launch URL works once: in Chromium, a second browser (or the same one later) gets nothing from
// a spent URL, and a tab left open across a host restart says exactly what to do.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { launchHost } from './host'

test('a spent launch URL opens nothing, in another browser or the same one', async ({ page, browser }) => {
  const host = await launchHost()
  try {
    const url = host.openUrl
    await page.goto(url)
    await expect(page.getByRole('heading', { name: 'KeyDesk', exact: true })).toBeVisible()
    expect(page.url()).not.toContain('/launch/')

    let gotIn = 0
    const attempts = 5
    for (let i = 0; i < attempts; i++) {
      const other = await browser.newContext()
      const p = await other.newPage()
      const res = await p.goto(url)
      if (res?.status() !== 403) gotIn++
      await expect(p.getByRole('heading', { level: 1 })).toContainText('already used or has expired')
      const api = await p.request.post(`${new URL(url).origin}/api/vault.status`, { data: {} })
      if (api.status() !== 403) gotIn++
      await other.close()
    }
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/figures-host-session.json', JSON.stringify({ spentUrlReuses: attempts * 2, gotIn }))
    expect(gotIn).toBe(0)
  } finally {
    await host.stop()
  }
})

test('a tab left open across a host restart says exactly what to do', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'keydesk-restart-'))
  const first = await launchHost({ dataDir })
  const url = first.openUrl
  const port = new URL(url).port
  await page.goto(url)
  await expect(page.getByRole('heading', { name: 'KeyDesk', exact: true })).toBeVisible()
  await first.stop()
  const second = await launchHost({ dataDir, args: ['--port', port] })
  try {
    await page.reload()
    await expect(page.getByRole('alert').first()).toContainText(
      "This tab's KeyDesk session has ended (the browser host was restarted). In the terminal, run `npm run web -- --open`",
    )
  } finally {
    await second.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
