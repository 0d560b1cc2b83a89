// Shared pieces for the create and lifecycle renderer tests: a created key.
import type { CreatedKey } from '../../src/shared/model'

export const SECRET = 'eyJhbGciOiJSUzI1NiJ9.eyJjYXQiOiJBUElfS0VZIn0.c2lnbmF0dXJlLXZhbHVl'

export function createdKey(over: Partial<CreatedKey> = {}): CreatedKey {
  return {
    key: {
      provider: 'spaceone',
      accountId: 's1',
      keyId: 'api-key-0123456789ab',
      name: 'api-key-0123456789ab',
      state: 'enabled',
      createdAt: '2024-05-01T00:00:00Z',
      extra: {},
    },
    parts: [
      { label: 'API key ID', value: 'api-key-0123456789ab', secret: false },
      { label: 'API key', value: SECRET, secret: true },
    ],
    endpoints: [{ service: 'identity', url: 'grpc+ssl://identity.api.example.com:443/v1' }],
    exports: [
      { id: 'api_key', fileName: 'api_key', label: 'API key (JSON)' },
      { id: 'spacectl_config', fileName: 'spacectl_config', label: 'spacectl config (YAML)' },
    ],
    kept: false,
    handle: 'handle-1',
    ...over,
  }
}
