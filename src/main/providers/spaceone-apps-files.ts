// Cloudforet 2.x's files (spaceone-apps.md §8): the console's two downloads after a create or a regenerate.
import { stringify } from 'yaml'
import type { Endpoint } from '../../shared/model'
import type { ExportFile, SecretBundle } from './provider'

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

/** "Download YAML", read by spacectl: `token:` (not api_key) and the endpoints in server order; `{}` when none. */
export function spacectlConfig2(secret: SecretBundle, endpoints: readonly Endpoint[]): ExportFile {
  const map: Record<string, string> = {}
  for (const e of endpoints) map[e.service] = e.url
  // lineWidth 0 keeps the JWT on one line, as the console's js-yaml dump with lineWidth -1 does.
  const content = stringify({ token: secret.fields.client_secret ?? '', endpoints: map }, { lineWidth: 0 })
  return {
    id: 'spacectl_config',
    fileName: 'spacectl_config',
    label: 'spacectl config (YAML)',
    mime: 'application/yaml',
    content,
  }
}
