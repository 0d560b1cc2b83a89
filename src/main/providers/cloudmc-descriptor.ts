// CloudMC / CloudOps as the rest of KeyDesk sees it (../shared/providers/cloudmc.md).
import type { ProviderDescriptor } from '../../shared/descriptor'

export const CLOUDMC_MAX_NAME = 255

export const cloudmcDescriptor: ProviderDescriptor = {
  id: 'cloudmc',
  name: 'CloudMC',
  aName: 'a CloudMC',
  help: 'CloudMC / CloudOps: unlimited API keys per user, named and renamable; changes apply at once.',
  docsUrl: 'https://cloudops.github.io/cloudmc-api-docs/',
  endpoint: {
    label: 'API endpoint',
    placeholder: 'https://cloudmc.example.com/api/v2',
    hint: 'User menu → My profile (User Settings) → API Credentials shows it; it ends in /api/v2.',
    default: '',
    pattern: {
      source: '/api/v2/?$',
      message: 'The CloudMC endpoint ends in /api/v2: copy it from User Settings → API Credentials.',
    },
  },
  credential: [
    {
      name: 'apiKey',
      label: 'API key',
      secret: true,
      hint: 'On the same API Credentials page: Generate API key, then copy it from the notification before dismissing it.',
    },
  ],
  capabilities: { enable: false, disable: false, rename: true, knowsOwnKey: false },
  keyLimit: null,
  keyFields: [],
  lastUse: 'reported',
  create: {
    fields: [
      {
        name: 'name',
        label: 'Name',
        hint: 'Leave blank and CloudMC names it (api_key_…). You can rename it later.',
        optional: true,
        maxLength: CLOUDMC_MAX_NAME,
      },
    ],
    review: false,
    stages: [{ stage: 'creating', text: 'Creating the key' }],
  },
  copyParts: ['API key'],
  exports: [{ id: 'cloudmc_api_key.json', fileName: 'cloudmc_api_key.json', label: 'API key (JSON)' }],
  deleteConfirm: 'click',
  changes: {
    create: { model: 'none', pending: null, effect: 'The key works as soon as it is created.' },
    enable: { model: 'none', pending: null, effect: 'CloudMC keys cannot be enabled.' },
    disable: { model: 'none', pending: null, effect: 'CloudMC keys cannot be disabled.' },
    delete: {
      model: 'none',
      pending: null,
      effect:
        'Apps using this key get HTTP 401 immediately. If it is the key KeyDesk itself uses for this account, ' +
        'KeyDesk loses access (CloudMC’s list cannot show which key that is). A delete cannot be undone.',
    },
    regenerate: { model: 'none', pending: null, effect: 'CloudMC cannot give a key a new secret.' },
  },
  rotationSteps: ['create', 'switch', 'delete', 'done'],
  secretBecomesCredential: true,
  importHint: 'a CloudMC cloudmc_api_key.json',
}
