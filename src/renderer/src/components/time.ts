// Times in words, as people read them: relative in the list ("3 min ago", "in 4 min"), a clock time for today
// ("at 14:05"), exact on hover. Never an ISO string on screen.
const MIN = 60_000
const HOUR = 60 * MIN
export const DAY = 24 * HOUR

/** The widest past time `relative` gives: months run to 24 (730 days), then years. The time columns are this wide. */
export const LONGEST_RELATIVE = '24 months ago'

export function relative(iso: string | undefined, now: number): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = now - t
  const a = Math.abs(d)
  const words =
    a < MIN
      ? 'moments'
      : a < HOUR
        ? plural(Math.round(a / MIN), 'min')
        : a < DAY
          ? plural(Math.round(a / HOUR), 'hour')
          : a < 60 * DAY
            ? plural(Math.round(a / DAY), 'day')
            : a < 730 * DAY
              ? plural(Math.round(a / (30 * DAY)), 'month')
              : plural(Math.round(a / (365 * DAY)), 'year')
  if (words === 'moments') return d >= 0 ? 'just now' : 'in under a minute'
  return d >= 0 ? `${words} ago` : `in ${words}`
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 || unit === 'min' ? '' : 's'}`

// Made once: toLocaleString with options builds a new formatter on every call, and the list formats every row it paints.
const EXACT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** Formatting is the costly part of a list row's render; rows show the same few hundred times again and again. */
const exactMemo = new Map<string, string>()
const EXACT_MEMO_MAX = 2_000

export function exact(iso: string | undefined): string {
  if (!iso) return ''
  const known = exactMemo.get(iso)
  if (known !== undefined) return known
  const t = new Date(iso)
  const text = Number.isNaN(t.getTime()) ? iso : EXACT.format(t)
  // Bounded: a long session scrolls through many keys; starting over is cheaper than tracking use.
  if (exactMemo.size >= EXACT_MEMO_MAX) exactMemo.clear()
  exactMemo.set(iso, text)
  return text
}

/** "14:32" local time: when a propagating change should be in force. */
export function clock(iso: string): string {
  const t = new Date(iso)
  return Number.isNaN(t.getTime()) ? iso : CLOCK.format(t)
}

export function ageDays(iso: string, now: number): number {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / DAY))
}

/** How long ago something happened; never "in …": a clock a little behind (the shared ticker, a service's clock
 * slightly ahead) must not make the past read as future. */
export function since(epochMs: number, now: number): string {
  return relative(new Date(epochMs).toISOString(), Math.max(now, epochMs))
}

const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g

/** A message from the core with its ISO times put in words ("at 14:05", or the date when it is not today). */
export function timesInWords(text: string, now: number): string {
  return text.replace(ISO, (iso) => {
    const t = new Date(iso)
    if (Number.isNaN(t.getTime())) return iso
    const today = t.toDateString() === new Date(now).toDateString()
    return today ? `${clock(iso)} (${relative(iso, now)})` : exact(iso)
  })
}
