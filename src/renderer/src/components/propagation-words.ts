// A propagating change in words, from the provider's propagation model. A window is a known wait, so it counts down;
// a polled change finishes when the service says so, so KeyDesk says it is checking (its settleBy is a give-up time,
// not an estimate); an immediate change has no words at all.
import type { ProviderDescriptor } from '../../../shared/descriptor'
import { checksPaused, type Propagation } from '../../../shared/model'
import { clock, relative } from './time'

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
  regenerate: 'Retiring the old secret',
}

export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Null when there is nothing to say: the service applies the change at once. */
export function propagationWords(p: Propagation, d: ProviderDescriptor, now: number): PropagationWords | null {
  const what = OP_WORDS[p.op]
  const model = d.changes[p.op].model
  if (p.state === 'failed')
    return {
      kind: 'failed',
      short: 'did not apply',
      long: `${what} did not apply: ${p.note ?? 'the service reports a different state'}.`,
    }
  if (model === 'none') return null
  if (p.state === 'settled') return { kind: 'settled', short: 'in force', long: `${what} is in force everywhere.` }
  // Nothing is being confirmed while checks are paused.
  if (checksPaused(p))
    return {
      kind: 'checking',
      short: 'paused',
      long: `${what}: KeyDesk cannot confirm it with ${d.name} until the account works again, so checking is paused.`,
    }
  const left = Date.parse(p.settleBy) - now
  const at = clock(p.settleBy)
  if (model === 'window' && left > 0)
    return {
      kind: 'counting',
      short: mmss(left),
      long: `${what} in progress: the key may still authenticate until ${at} (${relative(p.settleBy, now)}) while ${d.name}'s caches expire.`,
    }
  if (model === 'window')
    return {
      kind: 'checking',
      short: 'checking…',
      long: `${what}: the window has passed; KeyDesk is confirming with ${d.name}.`,
    }
  return {
    kind: 'checking',
    short: 'checking…',
    long: `${what} in progress: KeyDesk checks with ${d.name} until it is done${left > 0 ? ` (it gives up at ${at})` : ''}.`,
  }
}
