// Keys worth a second look, and why, as words that can be filtered and sorted. "Unused" only where the service
// reports last use (its descriptor says so), otherwise it would be a guess; "expiring" and "expired" for any key that
// has an expiry (src/shared/expiry.ts), whatever its service.
import type { LastUse } from '../../../../shared/descriptor'
import { expiryFlag, expiryWords } from '../../../../shared/expiry'
import type { KeyRecord } from '../../../../shared/model'
import { ageDays, DAY } from '../../components/time'

export const STALE_AFTER_DAYS = 90
export const UNUSED_AFTER_DAYS = 30

export const FLAG_KINDS = ['expired', 'expiring', 'stale', 'unused'] as const
export type FlagKind = (typeof FLAG_KINDS)[number]

export const isExpiryFlag = (kind: FlagKind): boolean => kind === 'expired' || kind === 'expiring'

export interface Flag {
  readonly kind: FlagKind
  readonly why: string
}

export function keyFlags(k: KeyRecord, lastUse: LastUse, now: number): readonly Flag[] {
  if (k.state === 'deleted' || k.state === 'failed') return []
  const flags: Flag[] = []
  const expiry = expiryFlag(k, now)
  if (expiry && k.expiresAt) {
    const next = expiry === 'expired' ? 'programs using it are refused' : 'rotate it before then'
    flags.push({ kind: expiry, why: `${expiryWords(k.expiresAt, now)}: ${next}.` })
  }
  const age = ageDays(k.createdAt, now)
  if (age > STALE_AFTER_DAYS)
    flags.push({ kind: 'stale', why: `Created ${age} days ago (over ${STALE_AFTER_DAYS}): consider rotating it.` })
  if (lastUse === 'reported' || k.lastUsedAt) {
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
