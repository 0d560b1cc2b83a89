// What the user sees of each provider: names, one line of help, and where each field is found in the service's console.
import type { Credential, ProviderId } from '../../../../shared/model'

export interface FieldSpec {
  readonly name: 'endpoint' | 'token' | 'refreshToken' | 'apiKey' | 'tenantId'
  readonly label: string
  readonly optional?: boolean
  readonly hint: string
  readonly secret: boolean
  readonly placeholder?: string
  readonly multiline?: boolean
}

export interface ProviderInfo {
  readonly id: ProviderId
  readonly name: string
  readonly help: string
  readonly defaultEndpoint: string
  readonly fields: readonly FieldSpec[]
  readonly docsUrl?: string
}

export const PROVIDERS: Readonly<Record<ProviderId, ProviderInfo>> = {
  spaceone: {
    id: 'spaceone',
    name: 'SpaceONE',
    help: 'Cloudforet / SpaceONE 1.x console: up to 2 API keys per user; changes take up to ~10 minutes to apply.',
    defaultEndpoint: '',
    fields: [
      {
        name: 'endpoint',
        label: 'Console API endpoint',
        secret: false,
        placeholder: 'https://console-api.example.com',
        hint: 'The console API address of your SpaceONE (often console-api.<your domain>).',
      },
      {
        name: 'token',
        label: 'API key or access token (JWT)',
        secret: true,
        multiline: false,
        hint: 'Best: an API key, which never expires. In the console: My Page → API Key → + Create API Key → "Download JSON", then paste its api_key value.',
      },
      {
        name: 'refreshToken',
        label: 'Refresh token (only with an access token)',
        secret: true,
        optional: true,
        hint: 'An access token expires after about 20 minutes; with its refresh token KeyDesk renews it. Leave empty for an API key.',
      },
    ],
  },
  cloudmc: {
    id: 'cloudmc',
    name: 'CloudMC',
    help: 'CloudMC / CloudOps: unlimited API keys per user, named and renamable; changes apply at once.',
    defaultEndpoint: '',
    docsUrl: 'https://cloudops.github.io/cloudmc-api-docs/',
    fields: [
      {
        name: 'endpoint',
        label: 'API endpoint',
        secret: false,
        placeholder: 'https://cloudmc.example.com/api/v2',
        hint: 'User menu → My profile (User Settings) → API Credentials shows it; it ends in /api/v2.',
      },
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        hint: 'On the same API Credentials page: Generate API key, then copy it from the notification before dismissing it.',
      },
    ],
  },
  onqlave: {
    id: 'onqlave',
    name: 'Onqlave',
    help: 'Onqlave management plane: keys belong to an application and an Arx; creation activates in the background.',
    defaultEndpoint: 'https://api.onqlave.com',
    fields: [
      {
        name: 'endpoint',
        label: 'Base URL',
        secret: false,
        placeholder: 'https://api.onqlave.com',
        hint: 'Leave the default unless Onqlave gave you another address.',
      },
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
  },
}

export const PROVIDER_ORDER: readonly ProviderId[] = ['spaceone', 'cloudmc', 'onqlave']

export type Fields = Readonly<Partial<Record<FieldSpec['name'], string>>>

export function toCredential(provider: ProviderId, f: Fields): Credential {
  switch (provider) {
    case 'spaceone': {
      const refreshToken = (f.refreshToken ?? '').trim()
      return { provider, token: (f.token ?? '').trim(), ...(refreshToken ? { refreshToken } : {}) }
    }
    case 'cloudmc':
      return { provider, apiKey: (f.apiKey ?? '').trim() }
    case 'onqlave':
      return { provider, tenantId: (f.tenantId ?? '').trim(), token: (f.token ?? '').trim() }
  }
}

/** Field → message, for the fields the user must fix before KeyDesk can try them. */
export function validateFields(
  provider: ProviderId,
  f: Fields,
  opts: { credential: boolean; endpoint: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const spec of PROVIDERS[provider].fields) {
    const isCredential = spec.name !== 'endpoint'
    if ((isCredential && !opts.credential) || (!isCredential && !opts.endpoint)) continue
    const v = (f[spec.name] ?? '').trim()
    if (!v) {
      if (!spec.optional) errors[spec.name] = `Enter the ${spec.label.toLowerCase()}.`
      continue
    }
    if (spec.name === 'endpoint') {
      const problem = endpointProblem(v, provider)
      if (problem) errors[spec.name] = problem
    }
  }
  return errors
}

function endpointProblem(v: string, provider: ProviderId): string | null {
  let url: URL
  try {
    url = new URL(v)
  } catch {
    return 'Enter a full URL, starting with https://.'
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return 'Use https:// (http:// is allowed only for this computer).'
  if (provider === 'cloudmc' && !/\/api\/v2\/?$/.test(url.pathname))
    return 'The CloudMC endpoint ends in /api/v2: copy it from User Settings → API Credentials.'
  return null
}
