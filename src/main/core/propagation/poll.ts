// Onqlave: the service finishes a create or delete in the background. KeyDesk reads the key with backoff until it
// shows the outcome, and gives up after the service's own limit.
import type { Policy } from './policy'
import { backoffMs } from './policy'
import { judge, timeoutNote } from './rules'

const MINUTE = 60_000
/** Shown as the time the key should be ready by: the Onqlave CLI's wait limit. */
const SETTLE_MS = 10 * MINUTE
/** Then KeyDesk stops reading and says so. */
export const POLL_LIMIT_MS = 15 * MINUTE

export const pollPolicy: Policy = {
  settleDelayMs: () => SETTLE_MS,

  start: (_record, now, fresh, random) =>
    fresh
      ? { dueAt: now + backoffMs(0, random), step: 1, probeAt: Infinity }
      : { dueAt: now, step: 0, probeAt: Infinity },

  // A poll due this soon rides along with one due now, so one listing can serve both.
  readDue: ({ run, now }, slack) => run.dueAt <= now + (slack ? 2_000 : 0),
  probeDue: () => false,
  listable: () => true,

  onRead(look, key, scheduled) {
    const { record, run, now, random } = look
    const verdict = judge(record.op, key, false)
    if (verdict.kind !== 'pending') return verdict
    if (!scheduled) return { kind: 'wait', run }
    const cap = Date.parse(record.requestedAt) + POLL_LIMIT_MS
    if (now >= cap) return { kind: 'failed', note: timeoutNote(POLL_LIMIT_MS, look.service()) }
    // The last read lands on the cap, so a key that never finishes fails on time.
    return {
      kind: 'wait',
      run: { ...run, dueAt: Math.min(now + backoffMs(run.step, random), cap), step: run.step + 1 },
    }
  },

  onProbe: ({ run }) => ({ kind: 'wait', run }),

  onError: ({ run, now, random }) => ({ ...run, dueAt: now + backoffMs(run.step, random), step: run.step + 1 }),
}
