// Scripts that run inside the page (plain JavaScript, since they are sent as text). Each leaves its numbers on
// window.__bench in the page's own clock (performance.now(), ms since navigation start).

/** The first body row of the key table: aria-rowindex 1 is the header. */
const FIRST_ROW = '[role="row"][aria-rowindex="2"]'

/**
 * Installed before the app's scripts. Records when the first key row is in the DOM and when the frame holding it has
 * been painted (requestAnimationFrame, then a task: the callback after rAF runs once the frame is out), and the same
 * for the first screen: the search box of the key list together with a key row.
 */
export const PAINT_PROBE = `(() => {
  const bench = (window.__bench = window.__bench || {})
  const afterPaint = (name) => requestAnimationFrame(() => setTimeout(() => { bench[name] = performance.now() }, 0))
  let seen = false
  const check = () => {
    if (seen) return
    if (document.querySelector('${FIRST_ROW}') && document.querySelector('input[type="search"]')) {
      seen = true
      bench.rowsInDom = performance.now()
      afterPaint('rowsPainted')
      observer.disconnect()
    }
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
})()`

/** The renderer's mark when an account's keys have arrived and been parsed (src/renderer/src/store/keys.ts). */
export const ARRIVAL_OF = (accountId: string): string =>
  `performance.getEntriesByName(${JSON.stringify(`keydesk:keys-listed:${accountId}`)}, 'mark')[0]?.startTime`

/** Installed once the list is shown: each input event's time to the painted frame that follows it. */
export const KEYSTROKE_PROBE = `(() => {
  const bench = (window.__bench = window.__bench || {})
  bench.keystrokes = []
  document.addEventListener('input', () => {
    const t0 = performance.now()
    requestAnimationFrame(() => setTimeout(() => bench.keystrokes.push(performance.now() - t0), 0))
  }, true)
})()`

export const ROW_COUNT = `document.querySelectorAll('[role="row"]').length`
