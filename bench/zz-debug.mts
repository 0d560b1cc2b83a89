export {}
import { Fixtures } from './fixtures'
import { freshPage, closeBrowser } from './browser'
import { PAINT_PROBE } from './page-scripts'
import { stopAll } from './procs'
const fx = new Fixtures()
try {
  const list = await fx.listHost(100)
  const page = await freshPage(PAINT_PROBE)
  page.on('console', (m) => console.log('console', m.text()))
  page.on('pageerror', (e) => console.log('pageerror', e.message))
  await page.goto(list.host.openUrl)
  await page.waitForTimeout(4000)
  console.log(await page.evaluate(`JSON.stringify({ bench: window.__bench, rows: document.querySelectorAll('[role=row]').length, r2: !!document.querySelector('[role="row"][aria-rowindex="2"]'), search: !!document.querySelector('input[type="search"]'), text: document.body.innerText.slice(0, 500) })`))
  await page.screenshot({ path: '/tmp/kdb/shot.png' })
} finally { await fx.close(); await closeBrowser(); await stopAll() }
