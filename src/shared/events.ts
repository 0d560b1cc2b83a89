// Every event the core pushes to its front ends, with what it carries.
import type { Propagation, Rotation, VaultStatus } from './model'
import type { LockStatus } from './results'

export interface Events {
  'keys.changed': { readonly accountId: string }
  /** resync: sent by the browser host's transport after a reconnect, when any event may have been missed. */
  'accounts.changed': { readonly resync?: true }
  'propagation.updated': { readonly records: readonly Propagation[] }
  'vault.status': VaultStatus
  'create.progress': {
    readonly requestId: string
    readonly stage: 'creating' | 'activating' | 'fetching' | 'done'
    readonly message: string
  }
  /** outcome: a propagation settled or failed; absent for other news (a key not kept, …). */
  notify: { readonly title: string; readonly body: string; readonly outcome?: 'settled' | 'failed' }
  'rotation.updated': { readonly rotations: readonly Rotation[] }
  'lock.changed': LockStatus
}
export type EventName = keyof Events

export const EVENT_NAMES: readonly EventName[] = [
  'keys.changed',
  'accounts.changed',
  'propagation.updated',
  'vault.status',
  'create.progress',
  'notify',
  'rotation.updated',
  'lock.changed',
]
