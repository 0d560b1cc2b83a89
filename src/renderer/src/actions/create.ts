// Creating keys, on their own or as a rotation's first step. The CreatedKey goes back to the dialog that asked,
// never into a store: it carries the only copy of the secret.
import type { AppApi, Events } from '../../../shared/api'
import type { CreatedKey, Rotation } from '../../../shared/model'
import type { KeyTarget } from '../store/key-dialogs'
import { toProblem } from '../store/problem'
import type { Stores } from '../store/stores'
import type { RefreshPolicy } from './refresh'

export interface CreateFieldsInput {
  readonly keep: boolean
  readonly name?: string
  readonly applicationId?: string
  readonly clusterId?: string
}

export function createCreateActions(api: AppApi, stores: Stores, refresh: RefreshPolicy) {
  const created = (accountId: string, c: CreatedKey): CreatedKey => {
    if (c.kept) stores.kept.getState().reload(accountId)
    return c
  }
  return {
    /** Read only: the choices a create form offers (Onqlave's applications and Arx clusters). */
    options: (accountId: string) => api.keys.createOptions({ accountId }),
    /** Follows one create's stages; returns the unsubscribe. */
    onProgress: (requestId: string, listener: (p: Events['create.progress']) => void): (() => void) =>
      api.on('create.progress', (p) => {
        if (p.requestId === requestId) listener(p)
      }),
    create: async (accountId: string, requestId: string, fields: CreateFieldsInput): Promise<CreatedKey> =>
      created(accountId, await refresh.around(accountId, () => api.keys.create({ accountId, requestId, ...fields }))),
    keep: async (accountId: string, handle: string): Promise<void> => {
      await api.keys.keepSecret({ handle })
      stores.kept.getState().reload(accountId)
    },
    rotationCreate: async (r: Rotation, requestId: string, fields: CreateFieldsInput): Promise<CreatedKey> => {
      const c = await refresh.around(r.accountId, () => api.rotation.create({ id: r.id, requestId, ...fields }))
      void stores.rotations
        .getState()
        .load()
        .catch(() => undefined)
      return created(r.accountId, c)
    },
    rotationAdvance: async (r: Rotation): Promise<Rotation> => {
      const next = await refresh.around(r.accountId, () => api.rotation.advance({ id: r.id }))
      stores.rotations.getState().upsert(next)
      return next
    },
    /**
     * Stops tracking a rotation; the keys stay as they are. A refusal is a toast on the old key, and the rotation stays
     * shown in progress: the store changes only with the core's own list.
     */
    rotationCancel: async (r: Rotation, t: KeyTarget): Promise<void> => {
      const refused = await api.rotation.cancel({ id: r.id }).then(
        () => null,
        (err: unknown) => toProblem(err),
      )
      // NOT_FOUND: another window already stopped or finished it, which is what was asked.
      if (refused && refused.code !== 'NOT_FOUND') {
        const text = `Could not stop rotating ${r.oldKeyId}; it is still in progress: ${refused.message}`
        stores.dialogs.getState().toast(t, { ok: false, text })
      }
      await stores.rotations
        .getState()
        .load()
        .catch(() => undefined)
    },
  }
}

export type CreateActions = ReturnType<typeof createCreateActions>
