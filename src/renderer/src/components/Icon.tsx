// The icons KeyDesk uses, all from lucide-react (SVG, so they render the same on every platform). Always decorative:
// the words beside them (or an aria-label on the control) carry the meaning.
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
  type LucideIcon,
} from 'lucide-react'
import { memo } from 'react'

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
} as const satisfies Record<string, LucideIcon>

export type IconName = keyof typeof ICONS

/** Memoised: list rows re-render on every keystroke of a search, and an unchanged icon need not rebuild its SVG. */
export const Icon = memo(function Icon({ name, className }: { readonly name: IconName; readonly className?: string }) {
  const Svg = ICONS[name]
  return (
    <Svg
      className={className ? `icon ${className}` : 'icon'}
      width="1em"
      height="1em"
      strokeWidth={2}
      aria-hidden="true"
      focusable="false"
    />
  )
})
