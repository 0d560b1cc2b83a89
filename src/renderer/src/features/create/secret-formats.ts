// What KeyDesk can do with a kept secret, per provider. The core names parts and export formats; these ids must
// match the adapters' secretParts labels and exportFiles ids (a unit test holds them together).
import type { ExportFormat, ProviderId } from '../../../../shared/model'

export interface CopyablePart {
  /** The part's label in the core (`keys.copySecret` takes it as `part`). */
  readonly part: string
}

export interface SecretFormats {
  readonly copy: readonly CopyablePart[]
  readonly exports: readonly ExportFormat[]
}

export const SECRET_FORMATS: Readonly<Record<ProviderId, SecretFormats>> = {
  spaceone: {
    copy: [{ part: 'API key' }],
    exports: [
      { id: 'api_key', fileName: 'api_key', label: 'API key (JSON)' },
      { id: 'spacectl_config', fileName: 'spacectl_config', label: 'spacectl config (YAML)' },
    ],
  },
  cloudmc: {
    copy: [{ part: 'API key' }],
    exports: [{ id: 'cloudmc_api_key.json', fileName: 'cloudmc_api_key.json', label: 'API key (JSON)' }],
  },
  onqlave: {
    copy: [{ part: 'Access key' }, { part: 'Server signing key' }, { part: 'Server secret key' }],
    exports: [{ id: 'credentials.json', fileName: 'credentials.json', label: 'SDK credentials (JSON)' }],
  },
}
