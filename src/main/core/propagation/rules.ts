// Pure rules of propagation tracking: what a read of the key means, how long to wait, the words for the user.
import { assertNever } from '../../../shared/errors'
import type { KeyRecord, KeyState, PropagationOp } from '../../../shared/model'

export type Verdict =
  | { readonly kind: 'settled'; readonly note?: string }
  | { readonly kind: 'failed'; readonly note: string }
  | { readonly kind: 'pending' }

type Seen = KeyState | 'absent'

/**
 * What one read of the key says about `op`. `final` reads are the confirmation itself (the end of a window, the next
 * listing), so anything short of the goal is a contradiction; a poll is one read among many and only stops on an outcome.
 */
export function judge(op: PropagationOp, key: KeyRecord | null, final: boolean): Verdict {
  const seen: Seen = key ? key.state : 'absent'
  if (reaches(op, seen)) return { kind: 'settled' }
  if (seen === 'failed') return { kind: 'failed', note: `the service reports that ${gerund(op)} the key failed` }
  if (seen === 'pending' || (!final && seen !== 'deleted')) return { kind: 'pending' }
  return { kind: 'failed', note: contradiction(op, seen) }
}

function reaches(op: PropagationOp, seen: Seen): boolean {
  switch (op) {
    case 'create':
      return seen === 'enabled' || seen === 'disabled'
    case 'enable':
      return seen === 'enabled'
    // A key deleted meanwhile can no longer be used either, which is what the disable was for.
    case 'disable':
      return seen === 'disabled' || seen === 'deleted' || seen === 'absent'
    case 'delete':
      return seen === 'deleted' || seen === 'absent'
    // The service switched to the new secret at once; only the old secret's cached checks remain, whatever the key is.
    case 'regenerate':
      return true
    default:
      return assertNever(op)
  }
}

function contradiction(op: PropagationOp, seen: Seen): string {
  if (op === 'delete') return 'the key is still listed after delete'
  if (seen === 'absent' || seen === 'deleted') return 'the key no longer exists'
  return `the key is ${seen} again`
}

function gerund(op: PropagationOp): string {
  switch (op) {
    case 'create':
      return 'creating'
    case 'enable':
      return 'enabling'
    case 'disable':
      return 'disabling'
    case 'delete':
      return 'deleting'
    case 'regenerate':
      return 'regenerating the secret of'
    default:
      return assertNever(op)
  }
}

function noun(op: PropagationOp): string {
  switch (op) {
    case 'create':
      return 'Creation'
    case 'enable':
      return 'Enabling'
    case 'disable':
      return 'Disabling'
    case 'delete':
      return 'Deletion'
    case 'regenerate':
      return 'Regeneration'
    default:
      return assertNever(op)
  }
}

function outcome(op: PropagationOp): string {
  switch (op) {
    case 'create':
      return 'is now active'
    case 'enable':
      return 'is now enabled everywhere'
    case 'disable':
      return 'is now disabled everywhere'
    case 'delete':
      return 'is now deleted everywhere'
    case 'regenerate':
      return 'has only its new secret now: the old one no longer works anywhere'
    default:
      return assertNever(op)
  }
}

export interface Message {
  readonly title: string
  readonly body: string
}

export function settledMessage(op: PropagationOp, keyId: string, accountLabel: string, note?: string): Message {
  return { title: `Key ${keyId} ${outcome(op)}`, body: `${accountLabel}: ${note ?? 'confirmed by the service'}.` }
}

export function failedMessage(op: PropagationOp, keyId: string, accountLabel: string, note: string): Message {
  return { title: `${noun(op)} of ${keyId} failed`, body: `${accountLabel}: ${note}.` }
}

export function timeoutNote(limitMs: number, serviceName: string): string {
  return `the service did not finish within ${Math.round(limitMs / 60_000)} minutes; check the ${serviceName} console`
}
