// SpaceONE's files: the console's two downloads of a new key, and the spacectl_config an account can be imported from.
import { stringify } from 'yaml'
import type { Endpoint } from '../../shared/model'
import type { ExportFile, ImportedAccount, SecretBundle } from './provider'
import { decodeJwtPayload } from './jwt'
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

/** The console's "Download YAML", read by spacectl. */
export function spacectlConfig(secret: SecretBundle, endpoints: readonly Endpoint[]): ExportFile {
  return spacectlFile({ api_key: secret.fields.api_key ?? '' }, endpoints)
}

/**
 * spacectl's config: the credential (1.x `api_key`, 2.x `token`) and the endpoints in server order, `{}` when none.
 * lineWidth 0 keeps the JWT on one line, as the console's js-yaml dump with lineWidth -1 does.
 */
export function spacectlFile(credential: Readonly<Record<string, string>>, endpoints: readonly Endpoint[]): ExportFile {
  const map: Record<string, string> = {}
  for (const e of endpoints) map[e.service] = e.url
  const content = stringify({ ...credential, endpoints: map }, { lineWidth: 0 })
  return {
    id: 'spacectl_config',
    fileName: 'spacectl_config',
    label: 'spacectl config (YAML)',
    mime: 'application/yaml',
    content,
  }
}

const ENDPOINT_HINT =
  'Enter the console-api address (the one the web console calls, e.g. https://console-api.example.com): '

/**
 * A spacectl_config: its api_key is the credential. Its endpoints are gRPC addresses of the services, and the
 * console-api that KeyDesk talks to is another host in the standard chart, so the user is asked for it.
 */
export function recogniseSpacectlConfig(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  const endpoints = doc.endpoints
  if (typeof doc.api_key !== 'string' || !endpoints || typeof endpoints !== 'object') return null
  const identity = (endpoints as Record<string, unknown>).identity
  const host = typeof identity === 'string' ? hostOf(identity) : ''
  return [
    {
      provider: 'spaceone',
      label: labelFor(doc.api_key),
      credential: { provider: 'spaceone', token: doc.api_key.trim() },
      endpoint: '',
      endpointHint: `${ENDPOINT_HINT}this spacectl_config names only the gRPC services${host ? ` (identity at ${host})` : ''}.`,
    },
  ]
}

/** The console's "Download JSON" of a new key: the create response, which holds no address at all. */
export function recogniseApiKeyJson(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  if (typeof doc.api_key !== 'string' || typeof doc.api_key_id !== 'string' || 'endpoints' in doc) return null
  return [
    {
      provider: 'spaceone',
      label: labelFor(doc.api_key, typeof doc.user_id === 'string' ? doc.user_id : ''),
      credential: { provider: 'spaceone', token: doc.api_key.trim() },
      endpoint: '',
      endpointHint: `${ENDPOINT_HINT}an api_key file holds the key but not the address it belongs to.`,
    },
  ]
}

export function recogniseSpaceoneFile(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  return recogniseSpacectlConfig(doc) ?? recogniseApiKeyJson(doc)
}

/** "SpaceONE user@domain" from the key's own claims when they can be read; the label is the user's to change. */
function labelFor(jwt: string, userId = ''): string {
  const claims = decodeJwtPayload(jwt) ?? {}
  const user = userId || (typeof claims.aud === 'string' ? claims.aud : '')
  return user ? `SpaceONE ${user}`.slice(0, 80) : 'SpaceONE (imported)'
}

function hostOf(grpcUrl: string): string {
  const m = /^grpc(\+ssl)?:\/\/([^/]+)/.exec(grpcUrl.trim())
  return m?.[2] ?? ''
}
