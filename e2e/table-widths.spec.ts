// The key list reads at 1024, 1440 and 1920 px: nothing scrolls sideways, ids and account labels are whole from
// 1440 px, a cut value shows whole under the pointer and in the line under the list, and a column resizes by
// keyboard and by dragging its edge, and keeps its width in the settings.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { hostWithSandbox, type HostWithSandbox } from './fixtures'

/** What these tests measure of an element (the e2e project is typed for Node, without the DOM). */
interface Box {
  readonly scrollWidth: number
  readonly clientWidth: number
}

let env: HostWithSandbox
test.beforeAll(async () => {
  env = await hostWithSandbox({ seed: 'e2e-widths', accountsPerProvider: 2, keysPerAccount: 3 })
})
test.afterAll(async () => {
  await env?.stop()
})

const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Keys of all accounts' })
const rows = (page: Page): Locator => grid(page).locator('[role="row"]:not([aria-rowindex="1"])')

/** How many px of each matching element's text its box cuts off, the largest. */
const cutBy = (cells: Locator): Promise<number> =>
  cells.evaluateAll((els: Box[]) => Math.max(0, ...els.map((e) => e.scrollWidth - e.clientWidth)))

async function open(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 })
  await page.goto(env.host.openUrl)
  await expect(rows(page).first()).toBeVisible()
}

for (const width of [1024, 1440, 1920]) {
  test(`at ${width} px the list needs no sideways scrolling and keeps its actions on screen`, async ({ page }) => {
    await open(page, width)
    await page.screenshot({ path: `test-results/screenshots/list-widths-${width}.png` })
    expect(await grid(page).evaluate((g: Box) => g.scrollWidth - g.clientWidth)).toBeLessThanOrEqual(1)
    const actions = rows(page)
      .first()
      .getByRole('button', { name: /^Actions for / })
    const box = await actions.boundingBox()
    expect(box && box.x + box.width).toBeLessThanOrEqual(width)
    if (width >= 1440) {
      expect(await cutBy(grid(page).locator('.cell-keyId .whole'))).toBe(0)
      expect(await cutBy(grid(page).locator('.cell-account .whole'))).toBe(0)
    }
    if (width === 1024) await expect(page.getByRole('columnheader', { name: 'Age' })).toHaveCount(0)
    if (width === 1920) await expect(page.getByRole('columnheader', { name: 'Age' })).toHaveCount(1)
  })
}

test('a cut value shows whole under the pointer and while its row has the keyboard', async ({ page }) => {
  await open(page, 1440)
  // Narrowed from the keyboard until the ids are cut.
  const header = page.getByRole('columnheader', { name: /^Key id/ }).getByRole('button')
  await header.focus()
  for (let i = 0; i < 12; i++) await page.keyboard.press('Alt+ArrowLeft')
  await page.screenshot({ path: 'test-results/screenshots/list-narrowed-key-id-1440.png' })
  const cut = grid(page).locator('.cell-keyId .whole')
  const index = await cut.evaluateAll((els: Box[]) => els.findIndex((e) => e.scrollWidth > e.clientWidth))
  expect(index, 'some key id is cut').toBeGreaterThanOrEqual(0)
  const value = cut.nth(index)
  const text = (await value.textContent()) ?? ''
  await value.hover()
  expect(await value.evaluate((e: Box) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0)

  await grid(page).focus()
  await page.keyboard.press('Home')
  const line = page.getByTestId('full-values')
  await expect(line).toBeVisible()
  for (let i = 0; i < 12 && !((await line.textContent()) ?? '').includes(text); i++)
    await page.keyboard.press('ArrowDown')
  await expect(line).toContainText(text)
})

test("dragging a column's edge widens it", async ({ page }) => {
  await open(page, 1920)
  const header = page.getByRole('columnheader', { name: /^Key id/ })
  const before = (await header.boundingBox())?.width ?? 0
  const edge = header.locator('.col-resize')
  const box = await edge.boundingBox()
  if (!box) throw new Error('no resize edge on Key id')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 5 })
  await page.mouse.up()
  const after = (await header.boundingBox())?.width ?? 0
  expect(after - before).toBeGreaterThan(60)
  expect(await grid(page).evaluate((g: Box) => g.scrollWidth - g.clientWidth)).toBeLessThanOrEqual(1)
  // Kept in the settings file once the drag rests, so a window opened later has it.
  await expect
    .poll(async () => (await env.host.call<{ columnWidths?: { keyId?: number } }>('settings.get')).columnWidths?.keyId)
    .toBe(Math.round(after))
  const later = await page.context().newPage()
  await open(later, 1920)
  const again = (await later.getByRole('columnheader', { name: /^Key id/ }).boundingBox())?.width ?? 0
  expect(Math.abs(again - after)).toBeLessThanOrEqual(1)
})
