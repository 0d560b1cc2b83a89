// What identity's hourly expiring-app check would mail (spaceone-apps.md §7), listed instead of sent: every app,
// disabled and managed included, whose expired_at falls in [UTC midnight + N days, + 1 day) for each N.
import { isoMillis } from './clock'
import type { Context } from './context'

/** EXPIRING_APP_CHECK_DAYS as an operator would set it; the server's own default is [] (nothing is sent). */
const CHECK_DAYS = [1, 7, 30]
const DAY = 86_400_000

export function dueReminders(ctx: Context): unknown {
  const now = ctx.clock.now()
  const midnight = Math.floor(now / DAY) * DAY
  const due: { app_id: string; name: string; expired_at: string; days: number }[] = []
  for (const days of CHECK_DAYS) {
    const from = midnight + days * DAY
    for (const app of ctx.world.spaceone2.apps.values()) {
      const at = Date.parse(app.expiredAt)
      if (at >= from && at < from + DAY)
        due.push({ app_id: app.appId, name: app.name, expired_at: app.expiredAt, days })
    }
  }
  return { now: isoMillis(now), days: CHECK_DAYS, due }
}
