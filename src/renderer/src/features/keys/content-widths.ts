// How wide each whole-content column must be to show its longest value, measured in the list's own fonts. A sample of
// the rows is enough: the list is sorted, and the widest values of ten thousand keys look like those of the first few
// hundred.
import { expiryFlag } from '../../../../shared/expiry'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { LONGEST_RELATIVE } from '../../components/time'
import type { Widths } from './column-fit'

const SAMPLE = 400
const TEXT = '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const SMALL = '11.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const MONO = '12.5px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace'
/** The time cells' font (styles-keys.css). */
const TIME = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
/** Cell padding (8 + 8) and a little air. */
const PAD = 20
/** The copy button beside a key id, with its gap. */
const COPY = 30
/** The "KeyDesk" badge beside the key KeyDesk signs in with. */
const BADGE = 76
/** The "expiring" chip beside a name when the Flags column has no room (KeyRow). */
const EXPIRY_CHIP = 70

let context: CanvasRenderingContext2D | null | undefined
let contextFont = ''
/**
 * Widths already measured, per font: every listing of a refresh measures the same names and ids again, and a canvas
 * measure (with its font set) costs more than the rest of the list's work. Bounded, since names come and go.
 */
const measured = new Map<string, Map<string, number>>()
const MEASURED_LIMIT = 20_000

function measure(text: string, font: string): number {
  let widths = measured.get(font)
  const known = widths?.get(text)
  if (known !== undefined) return known
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d')
    } catch {
      context = null
    }
  }
  if (!context) return text.length * (font === MONO ? 7.6 : 7.4)
  // Setting a font parses it; the canvas gives it back normalised, so the last one set is kept here.
  if (contextFont !== font) context.font = contextFont = font
  const width = context.measureText(text).width
  if (!widths || widths.size >= MEASURED_LIMIT) measured.set(font, (widths = new Map<string, number>()))
  widths.set(text, width)
  return width
}

export interface Named {
  readonly primary: string
  readonly secondary: string
}

/** A name several keys of an account share ("billing · sandbox-arx") comes second, under the key's own id. */
export function nameLines(k: KeyRecord, shared: boolean): Named {
  if (!k.name || k.name === k.keyId) return { primary: k.keyId, secondary: '' }
  return shared ? { primary: k.keyId, secondary: k.name } : { primary: k.name, secondary: '' }
}

/** How many values of a column are measured: the widest by estimate, among which the widest in the font is. */
const LONGEST = 12
/** Letters far narrower than most in the list's fonts. */
const NARROW = new Set([..."iljtfrI1.,:;'|!() "].map((c) => c.charCodeAt(0)))

/** A rough width in average letters, to rank values: wide scripts (Hangul, CJK) and capitals count more. */
function estimate(text: string): number {
  let width = 0
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i)
    width += c >= 0x1100 ? 2 : c >= 65 && c <= 90 ? 1.4 : NARROW.has(c) ? 0.5 : 1
  }
  return width
}

/**
 * The widest of `texts` in `font`, measured on the few widest by estimate: measuring every value of the sample (a
 * canvas call each) was a tenth of the first screen's render.
 */
function widest(texts: ReadonlySet<string>, font: string): number {
  const ranked = [...texts].map((text) => ({ text, guess: estimate(text) })).sort((a, b) => b.guess - a.guess)
  let width = 0
  for (const { text } of ranked.slice(0, LONGEST)) width = Math.max(width, measure(text, font))
  return width
}

export function contentWidths(
  rows: readonly KeyRecord[],
  accounts: ReadonlyMap<string, AccountView>,
  serviceName: (k: KeyRecord) => string,
  sharedNames: ReadonlySet<string>,
): Widths {
  const primaries = new Set<string>()
  const secondaries = new Set<string>()
  const ids = new Set<string>()
  const labels = new Set<string>()
  const services = new Set<string>()
  const apps = new Set<string>()
  let own = 0
  const seen = new Set<string>()
  const now = Date.now()
  for (const k of rows.slice(0, SAMPLE)) {
    const { primary, secondary } = nameLines(k, sharedNames.has(`${k.accountId}\n${k.name}`))
    // The key KeyDesk signs in with carries a badge beside its name, and a key expiring may carry a chip.
    const beside =
      (accounts.get(k.accountId)?.facts.ownKeyId === k.keyId ? BADGE : 0) + (expiryFlag(k, now) ? EXPIRY_CHIP : 0)
    if (beside) own = Math.max(own, measure(primary, TEXT) + beside)
    else primaries.add(primary)
    if (secondary) secondaries.add(secondary)
    ids.add(k.keyId)
    if (!seen.has(k.accountId)) {
      seen.add(k.accountId)
      labels.add(accounts.get(k.accountId)?.label ?? k.accountId)
      services.add(serviceName(k))
    }
    const app = [k.extra.applicationName, k.extra.clusterName].filter(Boolean).join(' · ')
    if (app) apps.add(app)
  }
  const px = (w: number, extra = 0): number => Math.ceil(w + PAD + extra)
  const application = widest(apps, TEXT)
  const time = px(measure(LONGEST_RELATIVE, TIME))
  return {
    createdAt: time,
    lastUsed: time,
    name: px(Math.max(own, widest(primaries, TEXT), widest(secondaries, SMALL))),
    keyId: px(widest(ids, MONO), COPY),
    account: px(Math.max(widest(labels, TEXT), widest(services, SMALL))),
    ...(application ? { application: px(application) } : {}),
  }
}
