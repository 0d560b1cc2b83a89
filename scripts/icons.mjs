// npm run icons: renders resources/icon.svg with Chromium (the one Playwright drives in the tests) into every size
// the installers need, then packs .ico (Windows) and .icns (macOS) with png2icons. The outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import png2icons from 'png2icons'

const dir = join(import.meta.dirname, '../resources')
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8')
/** The tray's template image on macOS: the mark alone, in black on transparent, which macOS recolours. */
const TEMPLATE = '#background{display:none} #mark,#mark *{fill:#000}'

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage()
async function render(size, css = '') {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<style>html,body{margin:0;background:transparent} svg{display:block;width:${size}px;height:${size}px} ${css}</style>${svg}`,
  )
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
}

// Linux: one PNG per size, named as electron-builder expects of an icon folder.
mkdirSync(join(dir, 'icons'), { recursive: true })
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  writeFileSync(join(dir, 'icons', `${size}x${size}.png`), await render(size))
}
const big = await render(1024)
writeFileSync(join(dir, 'icon.png'), big)
// Tray: coloured on Linux and Windows; a template image (1x and 2x) for the macOS menu bar.
writeFileSync(join(dir, 'tray.png'), await render(32))
writeFileSync(join(dir, 'trayTemplate.png'), await render(16, TEMPLATE))
writeFileSync(join(dir, 'trayTemplate@2x.png'), await render(32, TEMPLATE))
await browser.close()

// png2icons scales the 1024 px image down to each size the formats hold (ICO 16–256, ICNS 16–1024).
const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, true, true)
const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0)
if (!ico || !icns) throw new Error('png2icons could not convert resources/icon.png')
writeFileSync(join(dir, 'icon.ico'), ico)
writeFileSync(join(dir, 'icon.icns'), icns)
console.log('icons written to resources/')
