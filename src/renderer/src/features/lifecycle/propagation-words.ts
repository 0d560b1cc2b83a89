// A propagating change as a short countdown: "4:12 left", then "checking…" once the expected time has passed.
import type { Propagation } from '../../../../shared/model'

export interface PropagationWords {
  readonly short: string
  readonly long: string
  readonly kind: 'counting' | 'checking' | 'failed' | 'settled'
}

const OP_WORDS: Record<Propagation['op'], string> = { create: 'Activation', enable: 'Enabling', disable: 'Disabling', delete: 'Deletion' }

export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function propagationWords(p: Propagation, now: number): PropagationWords {
  const what = OP_WORDS[p.op]
  if (p.state === 'failed') return { kind: 'failed', short: 'did not apply', long: `${what} did not apply: ${p.note ?? 'the service reports a different state'}.` }
  if (p.state === 'settled') return { kind: 'settled', short: 'in force', long: `${what} is in force everywhere.` }
  const left = Date.parse(p.settleBy) - now
  if (left > 0) {
    return { kind: 'counting', short: `${mmss(left)} left`, long: `${what} in progress: expected in force everywhere in ${mmss(left)} (by ${new Date(p.settleBy).toLocaleTimeString()}).` }
  }
  return { kind: 'checking', short: 'checking…', long: `${what}: the expected time has passed; KeyDesk is checking with the service.` }
}
