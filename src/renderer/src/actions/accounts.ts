// Changes to accounts. Each reads the account list once afterwards, so a dialog closes on the new state.
import type { AppApi, RequestInput } from '../../../shared/api'
import { AppError } from '../../../shared/errors'
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE } from '../../../shared/limits'
import type { AccountView } from '../../../shared/model'
import { downloadText } from '../components/download'
import type { Stores } from '../store/stores'
import type { RefreshPolicy } from './refresh'

export function createAccountActions(api: AppApi, stores: Stores, refresh: RefreshPolicy) {
  return {
    /** Read only: tests a credential without saving anything. */
    validate: (input: RequestInput<'accounts.validate'>) => api.accounts.validate(input),
    endpoints: (accountId: string) => api.accounts.endpoints({ accountId }),
    /** Stops a running validate or add started with this requestId; it then fails with CANCELLED. */
    cancel: (requestId: string) => api.accounts.cancel({ requestId }),
    add: async (input: RequestInput<'accounts.add'>): Promise<AccountView> => {
      const added = await refresh.aroundAccounts(() => api.accounts.add(input))
      stores.app.getState().openView(added.id)
      return added
    },
    update: (input: RequestInput<'accounts.update'>) => refresh.aroundAccounts(() => api.accounts.update(input)),
    remove: (id: string) => refresh.aroundAccounts(() => api.accounts.remove({ id })),
    check: (id: string) => refresh.aroundAccounts(() => api.accounts.check({ id })),
    /** Asks (needs, needsPassphrase) and adds nothing when the file lacks a fact; call again with the answers. */
    import: (input: RequestInput<'accounts.import'>) => refresh.aroundAccounts(() => api.accounts.import(input)),
    /** A file's text, refused before it is read when it is larger than any accounts file. */
    readImportFile: async (file: Blob): Promise<string> => {
      if (file.size > IMPORT_MAX_BYTES) throw new AppError('INVALID_INPUT', IMPORT_TOO_LARGE)
      return file.text()
    },
    /** Resolves with where the file went, in words. With a passphrase the credentials go too, sealed with it. */
    export: async (passphrase?: string): Promise<string> => {
      const r = await api.accounts.export(passphrase ? { passphrase } : {})
      if (r.content !== undefined) {
        downloadText(r.fileName, r.content)
        return `Downloaded ${r.fileName}`
      }
      return r.savedTo ? `Saved to ${r.savedTo}` : `Exported ${r.fileName}`
    },
    startDemo: async (): Promise<void> => {
      await refresh.aroundAccounts(() => api.demo.start())
      stores.app.getState().openView('all')
    },
    /** Read only: keychain entries no account owns, and accounts without a credential. */
    repairScan: () => api.repair.scan(),
    /** Removes the keychain entries the user ticked and confirmed, then reads the account list again. */
    repairFix: (remove: readonly string[]) => refresh.aroundAccounts(() => api.repair.fix({ remove: [...remove] })),
    /** Re-reads everything the app shows at start: info, keychain status and accounts. */
    reload: () => stores.app.getState().load(),
  }
}

export type AccountActions = ReturnType<typeof createAccountActions>
