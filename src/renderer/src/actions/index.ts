// The renderer's only writers. Every change goes through here: the request, the optimistic row, the toast and the
// one listing afterwards. Components call these; they never hold the api.
import type { AppApi } from '../../../shared/api'
import type { Stores } from '../store/stores'
import { createAccountActions } from './accounts'
import { createCreateActions } from './create'
import { createKeyActions } from './keys'
import { createLockActions } from './lock'
import { createNoteActions } from './notes'
import { createPrefActions } from './prefs'
import { createRefreshPolicy } from './refresh'
import { createSecretActions } from './secrets'
import { startSync } from './sync'

export function createActions(api: AppApi, stores: Stores) {
  const refresh = createRefreshPolicy(stores)
  const lock = createLockActions(api, stores)
  const secrets = createSecretActions(api, lock.whenUnlocked)
  return {
    refresh,
    lock,
    secrets,
    keys: createKeyActions(api, stores, refresh, secrets),
    accounts: createAccountActions(api, stores, refresh),
    create: createCreateActions(api, stores, refresh),
    notes: createNoteActions(stores),
    prefs: createPrefActions(api, stores),
    /** Starts following the core's events and each account's refresh interval; returns the stop. */
    startSync: () => startSync(api, stores, refresh),
  }
}

export type Actions = ReturnType<typeof createActions>
