// Onqlave as the rest of KeyDesk sees it (../shared/providers/onqlave.md).
import type { ProviderDescriptor } from '../../shared/descriptor'

export const onqlaveDescriptor: ProviderDescriptor = {
  id: 'onqlave',
  name: 'Onqlave',
  aName: 'an Onqlave',
  docsUrl: 'https://docs.onqlave.com',
  help: 'Onqlave management plane: keys belong to an application and an Arx; creation activates in the background.',
  endpoint: {
    label: 'Base URL',
    placeholder: 'https://api.onqlave.com',
    hint: 'Leave the default unless Onqlave gave you another address.',
    default: 'https://api.onqlave.com',
  },
  credential: [
    {
      name: 'tenantId',
      label: 'Tenant id',
      secret: false,
      placeholder: 'tenant--…',
      hint: 'Shown in the Onqlave dashboard and in the CLI config (tenant_id) after `onqlave auth`.',
    },
    {
      name: 'token',
      label: 'Auth token',
      secret: true,
      hint: "The CLI's auth_key (from `onqlave auth`, in its config file), or a token from the dashboard.",
    },
  ],
  capabilities: { enable: false, disable: false, rename: false, knowsOwnKey: false },
  keyLimit: null,
  keyFields: [
    { name: 'applicationName', label: 'Application' },
    { name: 'clusterName', label: 'Arx' },
    { name: 'arxUrl', label: 'Arx URL', mono: true },
    { name: 'createdBy', label: 'Created by' },
    { name: 'accessKey', label: 'Access key', onRequest: true, mono: true },
  ],
  lastUse: 'absent',
  create: {
    fields: [
      {
        name: 'applicationId',
        label: 'Application',
        hint: 'The application that will use this key.',
        optional: false,
        choices: 'applications',
      },
      {
        name: 'clusterId',
        label: 'Arx',
        hint: 'The Arx cluster whose data plane the key signs requests for.',
        optional: false,
        choices: 'clusters',
      },
    ],
    review: true,
    stages: [
      { stage: 'creating', text: 'Creating the key' },
      { stage: 'activating', text: 'Waiting for Onqlave to activate it' },
      { stage: 'fetching', text: 'Fetching its secret (shown once)' },
    ],
  },
  copyParts: ['Access key', 'Server signing key', 'Server secret key'],
  exports: [{ id: 'credentials.json', fileName: 'credentials.json', label: 'SDK credentials (JSON)' }],
  deleteConfirm: 'type-key-id',
  changes: {
    create: {
      model: 'poll',
      pending: 'Activating',
      effect: 'Onqlave activates the key in the background; its secret can be fetched once it is active.',
    },
    enable: { model: 'none', pending: null, effect: 'Onqlave keys cannot be enabled.' },
    disable: { model: 'none', pending: null, effect: 'Onqlave keys cannot be disabled.' },
    delete: {
      model: 'poll',
      pending: 'Deleting',
      effect:
        'Onqlave starts deleting the key at once; apps using it can no longer encrypt or decrypt once the deletion ' +
        'finishes (usually within a minute). A delete cannot be undone.',
    },
    regenerate: { model: 'none', pending: null, effect: 'Onqlave cannot give a key a new secret.' },
  },
  rotationSteps: ['create', 'switch', 'delete', 'done'],
  secretBecomesCredential: false,
  importHint: 'an Onqlave auth file with tenant_id and auth_key',
}
