// A propagating change in words. SpaceONE's window is a known wait, so it counts down; Onqlave and CloudMC finish when
// the service says so, so KeyDesk shows that it is checking (their settleBy is a give-up time, not an estimate).
import type { Propagation, ProviderId } from '../../../../shared/model'

export interface PropagationWords {
  readonly short: string
  readonly long: string
  readonly kind: 'counting' | 'checking' | 'failed' | 'settled'
}

const OP_WORDS: Record<Propagation['op'], string> = {
  create: 'Activation',
  enable: 'Enabling',
  disable: 'Disabling',
  delete: 'Deletion',
}

export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

export function propagationWords(p: Propagation, provider: ProviderId, now: number): PropagationWords {
  const what = OP_WORDS[p.op]
  if (p.state === 'failed')
    return {
      kind: 'failed',
      short: 'did not apply',
      long: `${what} did not apply: ${p.note ?? 'the service reports a different state'}.`,
    }
  if (p.state === 'settled') return { kind: 'settled', short: 'in force', long: `${what} is in force everywhere.` }
  const left = Date.parse(p.settleBy) - now
  const at = new Date(p.settleBy).toLocaleTimeString()
  if (provider === 'spaceone' && left > 0) {
    return {
      kind: 'counting',
      short: mmss(left),
      long: `${what} in progress: the key may still authenticate for ${mmss(left)} (until ${at}) while SpaceONE's caches expire.`,
    }
  }
  if (provider === 'spaceone') {
    return {
      kind: 'checking',
      short: 'checking…',
      long: `${what}: the window has passed; KeyDesk is confirming with SpaceONE.`,
    }
  }
  return {
    kind: 'checking',
    short: 'checking…',
    long: `${what} in progress: KeyDesk checks with the service until it is done${left > 0 ? ` (it gives up at ${at})` : ''}.`,
  }
}
