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
 * window.__bench.shown resolves with `painted`, so the bench waits by awaiting it once rather than by polling the page
 * while it loads (each poll is work on the page's main thread, and a longer load would take more of them).
 */
export const paintProbe = (selectors: readonly string[]): string => `(() => {
  const bench = (window.__bench = window.__bench || {})
  const selectors = ${JSON.stringify(selectors)}
  let seen = false
  let shown
  bench.shown = new Promise((resolve) => { shown = resolve })
  const check = () => {
    if (seen || !selectors.every((s) => document.querySelector(s))) return
    seen = true
    bench.inDom = performance.now()
    requestAnimationFrame(() => setTimeout(() => { bench.painted = performance.now(); shown(bench.painted) }, 0))
    observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { childList: true, subtree: true })
})()`

/** The renderer's mark when an account's keys have arrived and been parsed (src/renderer/src/store/keys.ts). */
export const ARRIVAL_OF = (accountId: string): string =>
  `performance.getEntriesByName(${JSON.stringify(`keydesk:keys-listed:${accountId}`)}, 'mark')[0]?.startTime`

/**
 * Installed once the list is shown. expectRows(counts) arms it for one typed query: counts[i] is how many keys match
 * the first i + 1 characters. For each input event, `keystrokes` gets the time to the next painted frame (the echo)
 * and `rows` the time until the table holds the matching rows (aria-rowcount, header included) and that frame has been
 * painted. A keystroke whose rows were never shown before the next one arrived is kept as `superseded`, with the time
 * it waited (a lower bound), so slow keystrokes cannot drop out of the figure.
 */
export const KEYSTROKE_PROBE = `(() => {
  const bench = (window.__bench = window.__bench || {})
  bench.keystrokes = []
  bench.rows = []
  bench.superseded = []
  let counts = []
  let pending = null
  bench.expectRows = (c) => { counts = c; pending = null }
  const table = () => document.querySelector('[role="grid"][aria-rowcount]')
  const check = () => {
    const p = pending
    if (!p || p.seen) return
    const t = table()
    if (!t || Number(t.getAttribute('aria-rowcount')) !== p.want) return
    p.seen = true
    requestAnimationFrame(() => setTimeout(() => {
      bench.rows.push(performance.now() - p.t0)
      if (pending === p) pending = null
    }, 0))
  }
  document.addEventListener('input', (e) => {
    const start = performance.now()
    requestAnimationFrame(() => setTimeout(() => bench.keystrokes.push(performance.now() - start), 0))
    const len = e.target && typeof e.target.value === 'string' ? e.target.value.length : 0
    if (!len || len > counts.length) return
    if (pending && !pending.seen) bench.superseded.push(start - pending.t0)
    pending = { t0: start, want: counts[len - 1] + 1, seen: false }
    check()
  }, true)
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] })
})()`

export const ROW_COUNT = `document.querySelectorAll('[role="row"]').length`

/**
 * Installed before the app's scripts: wraps performance.mark so every "keys listed" mark is seen as it is made. After
 * expectRefresh(n), the next click starts the clock; once n accounts have been listed since, the painted frame after
 * the last one stops it: window.__bench.refreshed resolves with the ms.
 */
export const REFRESH_PROBE = `(() => {
  const bench = (window.__bench = window.__bench || {})
  const listed = new Set()
  let pending = null
  bench.listedAccounts = () => listed.size
  bench.expectRefresh = (n) => {
    let done
    bench.refreshed = new Promise((resolve) => { done = resolve })
    pending = { n, t0: null, seen: new Set(), done }
  }
  document.addEventListener('click', () => {
    if (pending && pending.t0 === null) pending.t0 = performance.now()
  }, true)
  const mark = performance.mark.bind(performance)
  performance.mark = (name, options) => {
    const entry = mark(name, options)
    if (typeof name === 'string' && name.startsWith('keydesk:keys-listed:')) {
      listed.add(name)
      const p = pending
      if (p && p.t0 !== null) {
        p.seen.add(name)
        if (p.seen.size >= p.n) {
          pending = null
          requestAnimationFrame(() => setTimeout(() => p.done(performance.now() - p.t0), 0))
        }
      }
    }
    return entry
  }
})()`
