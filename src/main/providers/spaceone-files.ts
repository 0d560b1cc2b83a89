// SpaceONE's files: the console's two downloads of a new key, and the spacectl_config an account can be imported from.
import { stringify } from 'yaml'
import type { Endpoint } from '../../shared/model'
import type { ExportFile, ImportedAccount, SecretBundle } from './provider'
import { API_KEY_FIELDS } from './spaceone-wire'

/** The console's "Download JSON": the whole create response, one line, all seven fields. */
export function apiKeyJson(secret: SecretBundle): ExportFile {
  const raw =
    secret.raw && typeof secret.raw === 'object' && !Array.isArray(secret.raw)
      ? (secret.raw as Record<string, unknown>)
      : {}
  const content: Record<string, unknown> = { ...raw }
  for (const field of API_KEY_FIELDS) if (!(field in content)) content[field] = ''
  content.api_key_id = content.api_key_id || secret.keyId
  content.api_key = content.api_key || secret.fields.api_key || ''
  return {
    id: 'api_key',
    fileName: 'api_key',
    label: 'API key (JSON)',
    mime: 'application/json',
    content: JSON.stringify(content),
  }
}

/** The console's "Download YAML", read by spacectl. lineWidth 0 keeps the JWT on one line, as the console's dump does. */
export function spacectlConfig(secret: SecretBundle, endpoints: readonly Endpoint[]): ExportFile {
  const map: Record<string, string> = {}
  for (const e of endpoints) map[e.service] = e.url
  const content = stringify({ api_key: secret.fields.api_key ?? '', endpoints: map }, { lineWidth: 0 })
  return {
    id: 'spacectl_config',
    fileName: 'spacectl_config',
    label: 'spacectl config (YAML)',
    mime: 'application/yaml',
    content,
  }
}

/** A spacectl_config: its api_key is the credential. Its endpoints are gRPC, so only the host is kept for the user to confirm. */
export function recogniseSpacectlConfig(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  const endpoints = doc.endpoints
  if (typeof doc.api_key !== 'string' || !endpoints || typeof endpoints !== 'object') return null
  const identity = (endpoints as Record<string, unknown>).identity
  return [
    {
      provider: 'spaceone',
      label: 'SpaceONE (imported)',
      credential: { provider: 'spaceone', token: doc.api_key.trim() },
      endpoint: consoleApiFromIdentity(typeof identity === 'string' ? identity.trim() : ''),
    },
  ]
}

function consoleApiFromIdentity(identity: string): string {
  const m = /^grpc(\+ssl)?:\/\/([^/:]+)/.exec(identity)
  return m ? `https://${m[2]}` : ''
}
