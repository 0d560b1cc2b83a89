// SpaceONE disable and delete: the service applies them at once, but its caches keep accepting the key for up to
// the account's window. Settled means the key was tried and refused after the window; where KeyDesk does not hold
// its secret, the record says it was settled by the window alone. A listing is never judged before the window ends.
import type { Look, Policy, Probe, Step } from './policy'
import { backoffMs } from './policy'
import { judge } from './rules'

const MINUTE = 60_000
/** Before the window ends, a kept key is tried at most once a minute: refused early is settled early. */
const PROBE_EVERY_MS = MINUTE
/** After the window, a key that still works is tried again for this long before the change is reported failed. */
const GRACE_MS = 10 * MINUTE

export const REFUSED_NOTE = 'confirmed refused: the key no longer authenticates'
export const BY_WINDOW_NOTE =
  "settled by the window: KeyDesk does not hold this key's secret, so it could not try the key itself"
const STILL_WORKS_NOTE = 'the key still authenticates after the window; check the service'

const ended = ({ record, now }: Pick<Look, 'record' | 'now'>): boolean => now >= Date.parse(record.settleBy)

export const windowPolicy: Policy = {
  settleDelayMs: (windowSec) => windowSec * 1000,

  start: (record, now, fresh) => ({
    dueAt: fresh ? Date.parse(record.settleBy) : Math.max(Date.parse(record.settleBy), now),
    probeAt: now + PROBE_EVERY_MS,
    step: 0,
  }),

  readDue: ({ run, now }) => run.dueAt <= now,
  probeDue: ({ run, now }) => run.probeAt <= now,
  listable: (record, now) => ended({ record, now }),

  onRead(look, key, scheduled) {
    const { record, run, now } = look
    const verdict = judge(record.op, key, true)
    if (verdict.kind === 'failed') return verdict
    if (verdict.kind === 'pending') return scheduled ? { kind: 'wait', run: retry(look) } : { kind: 'wait', run }
    // The service's state is what was asked; whether the key still works is the evidence.
    return { kind: 'probe', run: { ...run, dueAt: Infinity, probeAt: now } }
  },

  onProbe(look, probe: Probe): Step {
    const { run, now } = look
    if (!ended(look)) {
      if (probe === 'refused') return { kind: 'settled', note: REFUSED_NOTE }
      return { kind: 'wait', run: { ...run, probeAt: probe === 'not-held' ? Infinity : now + PROBE_EVERY_MS } }
    }
    switch (probe) {
      case 'refused':
        return { kind: 'settled', note: REFUSED_NOTE }
      case 'not-held':
        return { kind: 'settled', note: BY_WINDOW_NOTE }
      case 'accepted':
        if (now >= Date.parse(look.record.settleBy) + GRACE_MS) return { kind: 'failed', note: STILL_WORKS_NOTE }
        return { kind: 'wait', run: retry(look) }
      case 'unknown':
        return { kind: 'wait', run: retry(look) }
    }
  },

  onError: (look) => retry(look),
}

/** Reads the key again at the next backoff step; a read that finds it as asked leads to the next probe. */
function retry({ run, now, random }: Look): Run {
  return { dueAt: now + backoffMs(run.step, random), probeAt: Infinity, step: run.step + 1 }
}

type Run = Look['run']
