// A secret held by the core (a fresh create's handle or a kept key): copy, export and try, never the value itself.
import type { AppApi } from '../../../shared/api'
import type { ExportFormat } from '../../../shared/model'
import { downloadText } from '../components/download'

export type SecretRef = { readonly handle: string } | { readonly accountId: string; readonly keyId: string }

/** Runs a request for a kept secret; while KeyDesk is locked it asks the user to unlock first. */
export type UnlockGate = <T>(why: string, work: () => Promise<T>) => Promise<T>

const ungated: UnlockGate = (_why, work) => work()

export function createSecretActions(api: AppApi, unlocked: UnlockGate = ungated) {
  return {
    /** Resolves with what happened, in words. */
    copy: async (ref: SecretRef, part: string): Promise<string> => {
      const copy = () => api.keys.copySecret({ ...ref, part })
      const { clearsInSec } = await unlocked('Copying a kept secret needs KeyDesk unlocked.', copy)
      return `Copied — clears in ${clearsInSec} s`
    },
    /** The browser host returns the content to download; Electron saves the file itself. */
    export: async (ref: SecretRef, format: ExportFormat): Promise<string> => {
      const run = () => api.keys.export({ ...ref, format: format.id })
      const result = await unlocked('Exporting a kept secret needs KeyDesk unlocked.', run)
      if (result.content !== undefined) {
        // No extension on SpaceONE's files: a neutral type keeps the browser from adding one.
        downloadText(result.fileName, result.content, 'application/octet-stream')
        return `Downloaded ${result.fileName}`
      }
      return result.savedTo ? `Saved to ${result.savedTo}` : `Exported ${result.fileName}`
    },
    try: (ref: SecretRef) => unlocked('Trying a kept key needs KeyDesk unlocked.', () => api.keys.try(ref)),
    keep: (handle: string) => api.keys.keepSecret({ handle }),
    /** Lets the core drop a fresh secret at once instead of waiting for its handle to expire. */
    release: (handle: string): void => {
      api.secrets.release({ handle }).catch(() => undefined)
    },
  }
}

export type SecretActions = ReturnType<typeof createSecretActions>
