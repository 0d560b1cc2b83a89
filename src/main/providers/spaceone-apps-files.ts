// Cloudforet 2.x's files (spaceone-apps.md §8): the console's two downloads after a create or a regenerate.
import type { Endpoint } from '../../shared/model'
import type { ExportFile, SecretBundle } from './provider'
import { spacectlFile } from './spaceone-files'

/** "Download JSON": the whole response as JSON.stringify(res, null, 4): 4-space indent, no trailing newline. */
export function clientSecretJson(secret: SecretBundle): ExportFile {
  const raw =
    secret.raw && typeof secret.raw === 'object' && !Array.isArray(secret.raw)
      ? (secret.raw as Record<string, unknown>)
      : {
          app_id: secret.keyId,
          client_secret: secret.fields.client_secret ?? '',
          client_id: secret.fields.client_id ?? '',
        }
  return {
    id: 'client_secret',
    fileName: 'client_secret',
    label: 'Client secret (JSON)',
    mime: 'application/json',
    content: JSON.stringify(raw, null, 4),
  }
}

/** "Download YAML", read by spacectl: `token:` (not api_key). */
export function spacectlConfig2(secret: SecretBundle, endpoints: readonly Endpoint[]): ExportFile {
  return spacectlFile({ token: secret.fields.client_secret ?? '' }, endpoints)
}
