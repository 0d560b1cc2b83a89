// What a bulk action will do to each selected key, decided before anything is sent.
import { assertNever } from '../../../../shared/errors'
import type { AccountView, KeyRecord } from '../../../../shared/model'
import { isOwnKey, windowWords } from './consequences'

export type BulkOp = 'disable' | 'delete'

export interface Selected {
  readonly key: KeyRecord
  readonly account: AccountView
}

export interface BulkPlan {
  readonly act: readonly (Selected & { readonly warning?: string })[]
  readonly skip: readonly (Selected & { readonly reason: string })[]
}

function skipReason(op: BulkOp, { key, account }: Selected): string | null {
  if (key.state === 'deleted') return 'already deleted'
  if (op === 'disable') {
    if (account.provider !== 'spaceone')
      return `${account.provider === 'cloudmc' ? 'CloudMC' : 'Onqlave'} keys cannot be disabled`
    if (key.state === 'disabled') return 'already disabled'
    if (key.state !== 'enabled') return `it is ${key.state}`
  }
  // Onqlave asks for each key id to be typed: one at a time, from the key's own actions.
  if (op === 'delete' && account.provider === 'onqlave')
    return 'Onqlave keys are deleted one at a time (type the key id)'
  return null
}

export function planBulk(op: BulkOp, selected: readonly Selected[]): BulkPlan {
  const act: (Selected & { warning?: string })[] = []
  const skip: (Selected & { reason: string })[] = []
  for (const s of selected) {
    const reason = skipReason(op, s)
    if (reason) skip.push({ ...s, reason })
    else
      act.push(
        isOwnKey(s.account, s.key)
          ? {
              ...s,
              warning: `KeyDesk signs in to ${s.account.label} with this key and loses access once it propagates`,
            }
          : s,
      )
  }
  return { act, skip }
}

/** One sentence per account about when the change bites. */
export function accountEffect(op: BulkOp, account: AccountView): string {
  switch (account.provider) {
    case 'spaceone':
      return `Apps may keep working for up to ${windowWords(account.propagationWindowSec)}, then get 401 errors.${op === 'delete' ? ' Cannot be undone.' : ''}`
    case 'cloudmc':
      return 'Apps get HTTP 401 immediately. Cannot be undone.'
    case 'onqlave':
      return 'Deleted as Onqlave finishes, usually within a minute.'
    default:
      return assertNever(account.provider)
  }
}

export function parseUid(uid: string): { accountId: string; keyId: string } | null {
  const cut = uid.indexOf('/')
  return cut > 0 ? { accountId: uid.slice(0, cut), keyId: uid.slice(cut + 1) } : null
}
