// A secret held by the core (a fresh create's handle or a kept key): copy, export and try, never the value itself.
import type { AppApi } from '../../../shared/api'
import type { ExportFormat } from '../../../shared/model'
import { downloadText } from '../components/download'

export type SecretRef = { readonly handle: string } | { readonly accountId: string; readonly keyId: string }

export function createSecretActions(api: AppApi) {
  return {
    /** Resolves with what happened, in words. */
    copy: async (ref: SecretRef, part: string): Promise<string> => {
      const { clearsInSec } = await api.keys.copySecret({ ...ref, part })
      return `Copied — clears in ${clearsInSec} s`
    },
    /** The browser host returns the content to download; Electron saves the file itself. */
    export: async (ref: SecretRef, format: ExportFormat): Promise<string> => {
      const result = await api.keys.export({ ...ref, format: format.id })
      if (result.content !== undefined) {
        // No extension on SpaceONE's files: a neutral type keeps the browser from adding one.
        downloadText(result.fileName, result.content, 'application/octet-stream')
        return `Downloaded ${result.fileName}`
      }
      return result.savedTo ? `Saved to ${result.savedTo}` : `Exported ${result.fileName}`
    },
    try: (ref: SecretRef) => api.keys.try(ref),
    keep: (handle: string) => api.keys.keepSecret({ handle }),
    /** Lets the core drop a fresh secret at once instead of waiting for its handle to expire. */
    release: (handle: string): void => {
      api.secrets.release({ handle }).catch(() => undefined)
    },
  }
}

export type SecretActions = ReturnType<typeof createSecretActions>
