// The icons KeyDesk uses, all from lucide (the same drawing on every platform). Always decorative: the words beside
// them (or an aria-label on the control) carry the meaning.
//
// Each icon is one element painted in the text's colour through a mask of its drawing: as inline SVG, the icons were
// a third of the first screen's elements (94 icons, 333 nodes) and a tenth of its time to paint.
import {
  Bell,
  Check,
  Circle,
  CircleDashed,
  CircleDot,
  Clock,
  Copy,
  Download,
  Ellipsis,
  Eye,
  EyeOff,
  Hourglass,
  Lock,
  LockOpen,
  Monitor,
  Moon,
  Plus,
  RefreshCw,
  Search,
  Settings,
  Sun,
  TriangleAlert,
  X,
  type IconNode,
} from 'lucide'
import './icons.css'

const ICONS = {
  copy: Copy,
  check: Check,
  alert: TriangleAlert,
  clock: Clock,
  idle: Hourglass,
  dotFull: CircleDot,
  dotEmpty: Circle,
  half: CircleDashed,
  x: X,
  gear: Settings,
  sun: Sun,
  moon: Moon,
  system: Monitor,
  more: Ellipsis,
  plus: Plus,
  refresh: RefreshCw,
  eye: Eye,
  eyeOff: EyeOff,
  download: Download,
  search: Search,
  bell: Bell,
  lock: Lock,
  unlock: LockOpen,
} as const satisfies Record<string, IconNode>

export type IconName = keyof typeof ICONS

/** lucide's drawing as a standalone SVG document: its own 24-unit box, 2-unit round strokes. */
export function iconSvg(node: IconNode): string {
  const attrs = (a: Record<string, unknown>): string =>
    Object.entries(a)
      .map(([k, v]) => ` ${k}="${String(v).replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
      .join('')
  const body = node.map(([tag, a]) => `<${tag}${attrs(a)}/>`).join('')
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#000" stroke-width="2" ' +
    `stroke-linecap="round" stroke-linejoin="round">${body}</svg>`
  )
}

/**
 * The mask of every icon, and one rule per icon naming its drawing, added once to the page: the element only names its
 * icon. The image is in the rule itself, not in a variable, so it is parsed once rather than for every element that
 * uses it. Written here rather than in icons.css, whose build drops the -webkit- names that Chromium before 120 (a
 * browser the host may open) needs.
 */
const MASK =
  '.icon{-webkit-mask-position:center;mask-position:center;-webkit-mask-size:contain;mask-size:contain;' +
  '-webkit-mask-repeat:no-repeat;mask-repeat:no-repeat}'

function iconRules(): string {
  return [
    MASK,
    ...Object.entries(ICONS).map(([name, node]) => {
      const image = `url("data:image/svg+xml,${encodeURIComponent(iconSvg(node))}")`
      return `.i-${name}{-webkit-mask-image:${image};mask-image:${image}}`
    }),
  ].join('\n')
}

if (typeof document !== 'undefined') {
  const style = document.createElement('style')
  style.dataset.icons = ''
  style.textContent = iconRules()
  document.head.append(style)
}

export function Icon({ name, className }: { readonly name: IconName; readonly className?: string }) {
  return <span className={`icon i-${name}${className ? ` ${className}` : ''}`} aria-hidden="true" />
}
