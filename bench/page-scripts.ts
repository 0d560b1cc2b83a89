// Scripts that run inside the page (plain JavaScript, since they are sent as text). Each leaves its numbers on
// window.__bench in the page's own clock (performance.now(), ms since navigation start).

/** The first body row of the key table: aria-rowindex 1 is the header. */
const FIRST_ROW = '[role="row"][aria-rowindex="2"]'

/** The first screen with accounts: the key list's search box and its first row. */
export const LIST_SHOWN = ['input[type="search"]', FIRST_ROW]
/** The first screen without accounts: the empty state's heading (src/renderer/src/features/accounts/EmptyState.tsx). */
export const EMPTY_SHOWN = ['#empty-title']

/**
 * Installed before the app's scripts. Records when every one of `selectors` matches (inDom) and when the frame holding
 * them has been painted (painted): requestAnimationFrame, then a task, which runs once that frame is out.
 */
export const paintProbe = (selectors: readonly string[]): string => `(() => {
  const bench = (window.__bench = window.__bench || {})
  const selectors = ${JSON.stringify(selectors)}
  let seen = false
  const check = () => {
    if (seen || !selectors.every((s) => document.querySelector(s))) return
    seen = true
    bench.inDom = performance.now()
    requestAnimationFrame(() => setTimeout(() => { bench.painted = performance.now() }, 0))
    observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
})()`

/** The renderer's mark when an account's keys have arrived and been parsed (src/renderer/src/store/keys.ts). */
export const ARRIVAL_OF = (accountId: string): string =>
  `performance.getEntriesByName(${JSON.stringify(`keydesk:keys-listed:${accountId}`)}, 'mark')[0]?.startTime`

/**
 * Installed once the list is shown. For each input event: the time to the next painted frame (keystrokes), and, when
 * the keystroke changes how many rows the table has (aria-rowcount), the time until the frame with the new rows is
 * painted (results).
 */
export const KEYSTROKE_PROBE = `(() => {
  const bench = (window.__bench = window.__bench || {})
  bench.keystrokes = []
  bench.results = []
  let t0 = null
  document.addEventListener('input', () => {
    const start = performance.now()
    t0 = start
    requestAnimationFrame(() => setTimeout(() => bench.keystrokes.push(performance.now() - start), 0))
  }, true)
  new MutationObserver(() => {
    if (t0 === null) return
    const start = t0
    t0 = null
    requestAnimationFrame(() => setTimeout(() => bench.results.push(performance.now() - start), 0))
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] })
})()`

export const ROW_COUNT = `document.querySelectorAll('[role="row"]').length`
