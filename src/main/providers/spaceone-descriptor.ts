// SpaceONE / Cloudforet 1.x as the rest of KeyDesk sees it (../shared/providers/spaceone.md).
import type { ProviderDescriptor } from '../../shared/descriptor'
import { SIGN_IN_FIELDS } from './spaceone-signin-fields'

const CACHES =
  "Apps using this key may keep working for up to {window} (the account's window) while SpaceONE's caches " +
  'expire; after that they get 401 errors.'

export const spaceoneDescriptor: ProviderDescriptor = {
  id: 'spaceone',
  name: 'SpaceONE',
  aName: 'a SpaceONE',
  help:
    'Cloudforet / SpaceONE 1.x console: up to 2 API keys per user; enabling applies at once, disabling and ' +
    "deleting take up to the account's window (~10 minutes) to reach every service.",
  endpoint: {
    label: 'Console API endpoint',
    placeholder: 'https://console-api.example.com',
    hint: 'The console API address of your SpaceONE (often console-api.<your domain>).',
    default: '',
  },
  credential: [
    {
      name: 'token',
      label: 'API key, client secret or access token (JWT)',
      secret: true,
      hint:
        'Best: an API key, which never expires. In the console: My Page → API Key → + Create API Key → ' +
        '"Download JSON", then paste its api_key value. On Cloudforet 2.x: an app\'s client_secret. ' +
        'KeyDesk tells 1.x from 2.x by itself.',
    },
    {
      name: 'refreshToken',
      label: 'Refresh token (only with an access token)',
      secret: true,
      optional: true,
      hint:
        'An access token expires after about 20 minutes; with its refresh token KeyDesk renews it. ' +
        'Leave empty for an API key.',
    },
    ...SIGN_IN_FIELDS,
    {
      name: 'workspaceId',
      label: 'Workspace (optional)',
      secret: false,
      optional: true,
      group: 'Or sign in (Cloudforet 2.x)',
      hint: 'Sign in to one workspace as its owner; leave empty for the whole domain (domain admins).',
      pattern: { source: '^workspace-[0-9a-f]{12}$', message: 'A workspace id looks like workspace-0123456789ab.' },
    },
  ],
  choiceName: 'SpaceONE / Cloudforet',
  capabilities: { enable: true, disable: true, rename: false, knowsOwnKey: true },
  keyLimit: 2,
  keyFields: [
    { name: 'userId', label: 'User' },
    { name: 'domainId', label: 'Domain', mono: true },
  ],
  lastUse: 'unreported',
  create: { fields: [], review: false, stages: [{ stage: 'creating', text: 'Creating the key' }] },
  copyParts: ['API key'],
  exports: [
    { id: 'api_key', fileName: 'api_key', label: 'API key (JSON)' },
    { id: 'spacectl_config', fileName: 'spacectl_config', label: 'spacectl config (YAML)' },
  ],
  deleteConfirm: 'click',
  changes: {
    create: { model: 'none', pending: null, effect: 'The key works as soon as it is created.' },
    enable: { model: 'none', pending: null, effect: 'Apps can use the key again at once.' },
    disable: { model: 'window', pending: 'Disabling', effect: `${CACHES} You can enable it again at any time.` },
    delete: {
      model: 'window',
      pending: 'Deleting',
      effect: `${CACHES} A delete cannot be undone. Disable the key instead if you may need it again.`,
    },
    regenerate: { model: 'none', pending: null, effect: 'SpaceONE 1.x cannot give a key a new secret.' },
  },
  rotationSteps: ['create', 'switch', 'disable', 'wait', 'delete', 'done'],
  secretBecomesCredential: true,
  importHint: 'a SpaceONE spacectl_config or api_key file',
}
