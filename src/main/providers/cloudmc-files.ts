// CloudMC's one file: cloudmc_api_key.json, which KeyDesk writes for a new key and reads back as an account.
import type { ImportedAccount } from './provider'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export function recogniseCloudmcFile(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  const apiKey = str(doc.api_key)
  const endpoint = str(doc.endpoint)
  // Onqlave's and SpaceONE's files have their own marks; this one is an endpoint with an api_key and nothing else.
  if (!apiKey || !endpoint || 'api_key_id' in doc || 'endpoints' in doc) return null
  const name = str(doc.name)
  return [
    {
      provider: 'cloudmc',
      label: `CloudMC ${name || 'imported'}`.slice(0, 80),
      endpoint,
      credential: { provider: 'cloudmc', apiKey },
    },
  ]
}
