// What a bulk action will do to each selected key, decided from each provider's descriptor before anything is sent.
import { effectWords, isOwnKey, readOnlyReason, type ProviderDescriptor } from '../../../../shared/descriptor'
import type { AccountView, KeyRecord } from '../../../../shared/model'

export type BulkOp = 'disable' | 'delete'

export interface Selected {
  readonly key: KeyRecord
  readonly account: AccountView
  readonly descriptor: ProviderDescriptor
}

export interface BulkPlan {
  readonly act: readonly (Selected & { readonly warning?: string })[]
  readonly skip: readonly (Selected & { readonly reason: string })[]
}

function skipReason(op: BulkOp, { key, descriptor: d }: Selected): string | null {
  if (key.state === 'deleted') return 'already deleted'
  if (readOnlyReason(d, key)) return 'it is managed by the service and read-only here'
  if (op === 'disable') {
    if (!d.capabilities.disable) return `${d.name} keys cannot be disabled`
    if (key.state === 'disabled') return 'already disabled'
    if (key.state !== 'enabled') return `it is ${key.state}`
  }
  // A typed confirmation asks for each key id: one at a time, from the key's own actions.
  if (op === 'delete' && d.deleteConfirm === 'type-key-id')
    return `${d.name} keys are deleted one at a time (type the key id)`
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
        isOwnKey(s.descriptor, s.account, s.key)
          ? {
              ...s,
              warning: `KeyDesk signs in to ${s.account.label} with this key and loses access once it is in force`,
            }
          : s,
      )
  }
  return { act, skip }
}

/** One sentence per account about when the change bites. */
export function accountEffect(op: BulkOp, d: ProviderDescriptor, account: AccountView): string {
  return effectWords(d, op, account.propagationWindowSec)
}

export function parseUid(uid: string): { accountId: string; keyId: string } | null {
  const cut = uid.indexOf('/')
  return cut > 0 ? { accountId: uid.slice(0, cut), keyId: uid.slice(cut + 1) } : null
}
