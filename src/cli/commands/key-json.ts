// A key as the CLI prints it, and the latest propagation record of a key (shared by keys and keys-create).
import type { AccountView, KeyRecord, Propagation } from '../../shared/model'

export function latest(records: readonly Propagation[], accountId: string, keyId: string): Propagation | undefined {
  return records
    .filter((r) => r.accountId === accountId && r.keyId === keyId)
    .sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt))[0]
}

export function keyJson(k: KeyRecord, account: AccountView): Record<string, unknown> {
  return { ...k, account: account.label }
}
