// How wide each whole-content column must be to show its longest value, measured in the list's own fonts. A sample of
// the rows is enough: the list is sorted, and the widest values of ten thousand keys look like those of the first few
// hundred.
import type { AccountView, KeyRecord } from '../../../../shared/model'
import type { Widths } from './column-fit'

const SAMPLE = 400
const TEXT = '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const SMALL = '11.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const MONO = '12.5px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace'
/** Cell padding (8 + 8) and a little air. */
const PAD = 20
/** The copy button beside a key id, with its gap. */
const COPY = 30
/** The "KeyDesk" badge beside the key KeyDesk signs in with. */
const BADGE = 76

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

export function contentWidths(
  rows: readonly KeyRecord[],
  accounts: ReadonlyMap<string, AccountView>,
  serviceName: (k: KeyRecord) => string,
  sharedNames: ReadonlySet<string>,
): Widths {
  let name = 0
  let keyId = 0
  let account = 0
  let application = 0
  const seen = new Set<string>()
  for (const k of rows.slice(0, SAMPLE)) {
    const { primary, secondary } = nameLines(k, sharedNames.has(`${k.accountId}\n${k.name}`))
    const own = accounts.get(k.accountId)?.facts.ownKeyId === k.keyId ? BADGE : 0
    name = Math.max(name, measure(primary, TEXT) + own, measure(secondary, SMALL))
    keyId = Math.max(keyId, measure(k.keyId, MONO))
    if (!seen.has(k.accountId)) {
      seen.add(k.accountId)
      const label = accounts.get(k.accountId)?.label ?? k.accountId
      account = Math.max(account, measure(label, TEXT), measure(serviceName(k), SMALL))
    }
    const app = [k.extra.applicationName, k.extra.clusterName].filter(Boolean).join(' · ')
    if (app) application = Math.max(application, measure(app, TEXT))
  }
  const px = (w: number, extra = 0): number => Math.ceil(w + PAD + extra)
  return {
    name: px(name),
    keyId: px(keyId, COPY),
    account: px(account),
    ...(application ? { application: px(application) } : {}),
  }
}
