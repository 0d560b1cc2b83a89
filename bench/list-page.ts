// Opening the app on a host whose one account holds a known number of keys, and timing its first rows.
import type { Page } from '@playwright/test'
import { DEFAULT_PREFERENCES } from '../src/main/core/settings'
import { paintedAt, closePage, freshPage } from './browser'
import type { ListHost } from './fixtures'
import { ARRIVAL_OF, LIST_SHOWN, paintProbe } from './page-scripts'

export interface ListPaint {
  /** ms from the keys' arrival in the renderer to the painted frame with the first rows. */
  readonly arrivalToPaint: number
}

/**
 * Opens the app with the list unfiltered (a search typed by an earlier row persists in the host's settings), waits for
 * the first painted rows, and hands the page to `use` before closing it.
 */
export async function withListPage<T>(list: ListHost, use: (page: Page, paint: ListPaint) => Promise<T>): Promise<T> {
  await list.host.call('settings.set', { list: DEFAULT_PREFERENCES.list })
  const page = await freshPage(paintProbe(LIST_SHOWN))
  try {
    await page.goto(list.host.openUrl)
    const painted = await paintedAt(page)
    const arrival = await page.evaluate(ARRIVAL_OF(list.accountId))
    if (typeof arrival !== 'number') throw new Error('the renderer set no keydesk:keys-listed mark')
    return await use(page, { arrivalToPaint: painted - arrival })
  } finally {
    await closePage(page)
  }
}
