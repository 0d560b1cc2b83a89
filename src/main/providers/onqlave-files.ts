// Onqlave's account files: the CLI's auth config (tenant_id and auth_key), alone or in a credentials list.
import { AppError } from '../../shared/errors'
import type { ImportedAccount } from './provider'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export function recogniseOnqlaveFile(doc: Readonly<Record<string, unknown>>): ImportedAccount[] | null {
  const first: unknown = Array.isArray(doc.credentials) ? doc.credentials[0] : doc
  if (!first || typeof first !== 'object') return null
  const onq = first as Record<string, unknown>
  const token = str(onq.auth_key) || str(onq.token)
  if (str(onq.tenant_id) && token) {
    return [
      {
        provider: 'onqlave',
        label: 'Onqlave (imported)',
        endpoint: str(onq.endpoint) || str(onq.base_url) || 'https://api.onqlave.com',
        credential: { provider: 'onqlave', tenantId: str(onq.tenant_id), token },
      },
    ]
  }
  if (str(onq.arx_url) && str(onq.access_key)) {
    throw new AppError(
      'INVALID_INPUT',
      'This is an Onqlave API-key credentials file (for the SDKs). KeyDesk needs the ' +
        "management token and tenant id (the CLI's auth_key and tenant_id) to add an Onqlave account.",
    )
  }
  return null
}
