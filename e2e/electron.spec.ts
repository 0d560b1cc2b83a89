import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/** Never require('electron') here: in plain Node that tries to download the binary. */
function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

const exe = electronBinary()

test('the Electron app shows the first screen', async () => {
  test.skip(!exe, 'Electron binary not installed (no download possible on this machine)')
  const app = await electron.launch({ executablePath: exe!, args: ['.'] })
  const page = await app.firstWindow()
  await expect(page.getByRole('heading', { name: 'KeyDesk' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible()
  await app.close()
})
