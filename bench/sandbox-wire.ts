// The raw list request of each sandbox service, as the adapters send it: the baseline the core is compared with.
import type { SandboxAccount } from '../src/sandbox/index'

function credential(a: SandboxAccount, field: string): string {
  return String((a.credentials as Record<string, unknown>)[field])
}

export function listRequest(a: SandboxAccount): () => Promise<Response> {
  switch (a.provider) {
    case 'spaceone-apps': {
      const token = credential(a, 'token')
      const body = JSON.stringify({ query: { sort: [{ key: 'created_at' }] } })
      return () =>
        fetch(`${a.endpoint}/identity/app/list`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
        })
    }
    case 'spaceone': {
      const token = credential(a, 'token')
      const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
        did: string
        aud: string
      }
      const body = JSON.stringify({
        user_id: payload.aud,
        domain_id: payload.did,
        query: { sort: { key: 'created_at' } },
      })
      return () =>
        fetch(`${a.endpoint}/identity/api-key/list`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
        })
    }
    case 'cloudmc':
      return () =>
        fetch(`${a.endpoint}/api_keys`, {
          headers: { 'MC-Api-Key': credential(a, 'apiKey'), 'Content-Type': 'application/json' },
        })
    case 'onqlave':
      return () =>
        fetch(`${a.endpoint}/tenants/${credential(a, 'tenantId')}/keys`, {
          headers: { Authorization: `Bearer ${credential(a, 'token')}` },
        })
  }
}
