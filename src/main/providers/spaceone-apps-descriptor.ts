// Cloudforet 2.x Apps as the rest of KeyDesk sees it (../shared/providers/spaceone-apps.md).
import type { ProviderDescriptor } from '../../shared/descriptor'
import { SIGN_IN_FIELDS } from './spaceone-signin-fields'

export const APP_NAME_MAX = 40
/** The server's limit is 365 days by string comparison, which refuses a `…Z` value on the last day (§4). */
export const APP_EXPIRY_MAX_DAYS = 364

const CACHES =
  "Apps using this secret may keep working for up to {window} (the account's window) while Cloudforet's caches " +
  'expire; after that they get 403 errors.'

export const spaceoneAppsDescriptor: ProviderDescriptor = {
  id: 'spaceone-apps',
  name: 'Cloudforet',
  aName: 'a Cloudforet',
  help:
    'Cloudforet 2.x: apps instead of API keys. Each app has one role and one client secret that expires; ' +
    "enabling applies at once, disabling, deleting and regenerating take up to the account's window.",
  docsUrl: 'https://cloudforet.io/docs/guides/admin-mode/app/',
  endpoint: {
    label: 'Console API (v2) endpoint',
    placeholder: 'https://console-v2.api.example.com',
    hint: "console-api-v2's base URL with no path (the console's config/production.json names it CONSOLE_API_V2).",
    default: '',
  },
  credential: [
    {
      name: 'token',
      label: 'Client secret (JWT)',
      secret: true,
      hint:
        'An app\'s client secret: Admin Center (or a workspace) → IAM → App → Create, then "Download JSON" and ' +
        'paste its client_secret. It works until its expiry.',
    },
    {
      name: 'refreshToken',
      label: 'Refresh token (from a sign-in)',
      secret: true,
      optional: true,
      hint: 'Set by KeyDesk when you sign in with a password; it renews the session for up to 3 hours.',
    },
    ...SIGN_IN_FIELDS,
    {
      name: 'workspaceId',
      label: 'Workspace (from a sign-in)',
      secret: false,
      optional: true,
      group: 'Or sign in (Cloudforet 2.x)',
      hint: 'Sign in to one workspace as its owner; leave empty for the whole domain (domain admins).',
      pattern: { source: '^workspace-[0-9a-f]{12}$', message: 'A workspace id looks like workspace-0123456789ab.' },
    },
  ],
  capabilities: { enable: true, disable: true, rename: true, knowsOwnKey: true, regenerate: true, tags: true },
  expiry: { maxDays: APP_EXPIRY_MAX_DAYS, defaultDays: 90, reminderDays: [30, 7, 1] },
  readOnlyKeys: {
    field: 'isManaged',
    reason: 'A service-account agent manages this app; changing it here would break the agent.',
  },
  addedAs: 'spaceone',
  keyLimit: null,
  keyFields: [
    { name: 'roleType', label: 'Role' },
    { name: 'resourceGroup', label: 'Scope' },
    { name: 'workspaceId', label: 'Workspace' },
    { name: 'projectId', label: 'Project' },
    { name: 'projectGroupId', label: 'Project group' },
    { name: 'clientId', label: 'Client ID' },
    { name: 'expiresAt', label: 'Expires', time: true },
    { name: 'tags', label: 'Tags' },
    { name: 'domainId', label: 'Domain' },
  ],
  lastUse: 'reported',
  create: {
    fields: [
      {
        name: 'name',
        label: 'Name',
        hint: `Up to ${APP_NAME_MAX} characters; names need not be unique.`,
        optional: false,
        maxLength: APP_NAME_MAX,
      },
      {
        name: 'roleId',
        label: 'Role',
        hint: 'The app acts with this role. Its type sets the scope: domain, workspace or project.',
        optional: false,
        choices: 'roles',
      },
      {
        name: 'workspaceId',
        label: 'Workspace',
        hint: 'The workspace a workspace or project app belongs to (workspace-…).',
        optional: false,
        choices: 'workspaces',
        forScopes: ['WORKSPACE', 'PROJECT'],
      },
      { name: 'tags', label: 'Tags', hint: 'key=value pairs, comma separated.', optional: true, kind: 'tags' },
      {
        name: 'expiresAt',
        label: 'Expires',
        hint: `At most ${APP_EXPIRY_MAX_DAYS} days from today. KeyDesk reminds you 30, 7 and 1 days before.`,
        optional: false,
        kind: 'date',
      },
    ],
    review: false,
    stages: [{ stage: 'creating', text: 'Creating the app' }],
  },
  copyParts: ['Client secret'],
  exports: [
    { id: 'client_secret', fileName: 'client_secret', label: 'Client secret (JSON)' },
    { id: 'spacectl_config', fileName: 'spacectl_config', label: 'spacectl config (YAML)' },
  ],
  deleteConfirm: 'click',
  changes: {
    create: { model: 'none', pending: null, effect: 'The secret works as soon as the app is created.' },
    enable: { model: 'none', pending: null, effect: 'Apps can use the secret again at once.' },
    disable: { model: 'window', pending: 'Disabling', effect: `${CACHES} You can enable it again at any time.` },
    delete: {
      model: 'window',
      pending: 'Deleting',
      effect: `${CACHES} A delete cannot be undone. Disable the app instead if you may need it again.`,
    },
    regenerate: {
      model: 'window',
      pending: 'Retiring old secret',
      effect:
        'The app gets a new client id and secret at once. Programs still using the old secret may keep working for up ' +
        "to {window} (the account's window), then get 403 errors: give them the new secret first.",
    },
  },
  rotationSteps: ['create', 'switch', 'disable', 'wait', 'delete', 'done'],
  secretBecomesCredential: true,
  importHint: '',
}
