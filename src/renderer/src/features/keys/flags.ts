// Keys worth a second look, and why. "Unused" only where the service reports last use, otherwise it would be a guess.
import type { KeyRecord, ProviderId } from '../../../../shared/model'
import { ageDays, DAY } from './format'

export const OLD_AFTER_DAYS = 90
export const UNUSED_AFTER_DAYS = 30

/** SpaceONE 1.x has the field but always leaves it empty; Onqlave has none. */
const REPORTS_LAST_USE: Record<ProviderId, boolean> = { spaceone: false, cloudmc: true, onqlave: false }

export interface Flag {
  readonly kind: 'old' | 'unused'
  readonly why: string
}

export function keyFlags(k: KeyRecord, now: number): readonly Flag[] {
  if (k.state === 'deleted' || k.state === 'failed') return []
  const flags: Flag[] = []
  const age = ageDays(k.createdAt, now)
  if (age > OLD_AFTER_DAYS)
    flags.push({ kind: 'old', why: `Created ${age} days ago (over ${OLD_AFTER_DAYS}): consider rotating it.` })
  if (REPORTS_LAST_USE[k.provider] || k.lastUsedAt) {
    if (k.lastUsedAt) {
      const idle = Math.floor((now - Date.parse(k.lastUsedAt)) / DAY)
      if (idle > UNUSED_AFTER_DAYS)
        flags.push({ kind: 'unused', why: `Not used for ${idle} days: if nothing needs it, disable or delete it.` })
    } else if (age > UNUSED_AFTER_DAYS) {
      flags.push({
        kind: 'unused',
        why: `Never used in the ${age} days since it was created: if nothing needs it, delete it.`,
      })
    }
  }
  return flags
}
