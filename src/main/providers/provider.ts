// The one interface every key service sits behind. Only adapters speak a wire protocol.
import type { ProgramSecret } from '../../shared/api'
import type { ProviderDescriptor } from '../../shared/descriptor'
import type { Account, AccountFacts, Credential, Endpoint, KeyRecord, ProviderId, SecretPart } from '../../shared/model'
import type { Http } from '../net/http'

export interface ProviderContext {
  readonly account: Account
  readonly credential: Credential
  readonly http: Http
  readonly signal?: AbortSignal
}

export interface ValidationResult {
  readonly facts: AccountFacts
  /** Non-secret words to show after "Test connection", e.g. "alice@example.com in domain-…". */
  readonly summary: string
}

/** A role a new key can be given (Cloudforet 2.x apps), with the scope that role makes. */
export interface RoleChoice {
  readonly id: string
  readonly name: string
  readonly roleType: string
  readonly scope: 'DOMAIN' | 'WORKSPACE' | 'PROJECT'
}

/** What the create form offers (Onqlave: applications and Arx clusters; Cloudforet 2.x: roles and workspaces). */
export interface CreateOptions {
  readonly applications: readonly { id: string; name: string; technology?: string }[]
  readonly clusters: readonly { id: string; name: string; encryption?: string }[]
  readonly roles?: readonly RoleChoice[]
  /** Workspaces the key can be scoped to; `fixed` when the credential is held to one. */
  readonly workspaces?: readonly { id: string; name: string }[]
  readonly workspaceFixed?: boolean
}

export interface CreateInput {
  readonly name?: string
  readonly applicationId?: string
  readonly clusterId?: string
  readonly roleId?: string
  readonly workspaceId?: string
  /** One of these for a project-scoped app. */
  readonly projectId?: string
  readonly projectGroupId?: string
  readonly tags?: Readonly<Record<string, string>>
  /** ISO-8601; sent as `…Z`. */
  readonly expiresAt?: string
}

/** A secret as the service handed it over, once. Never persisted outside the vault. */
export interface SecretBundle {
  readonly keyId: string
  /** Named secret fields: spaceone {api_key}, cloudmc {api_key}, onqlave {access_key, server_signing_key, server_secret_key, client_key, arx_url}. */
  readonly fields: Readonly<Record<string, string>>
  /** The service's whole create/sensitive response, where an export needs it byte-for-byte (SpaceONE "Download JSON"). */
  readonly raw?: unknown
}

export interface CreateResult {
  readonly key: KeyRecord
  /** Absent when the secret comes later (Onqlave: fetchSecret after activation), or when `reconciled`. */
  readonly secret?: SecretBundle
  /**
   * The create's answer was lost (timeout, broken connection, gateway error) but a re-listing found this new key.
   * Its secret is unknown: the user should delete it and create another (Onqlave can still fetchSecret).
   */
  readonly reconciled?: boolean
}

export interface ExportFile {
  readonly id: string
  readonly fileName: string
  readonly label: string
  readonly mime: string
  readonly content: string
}

export interface TryResult {
  readonly ok: boolean
  readonly message: string
  /** The service answered that it does not accept this key (as opposed to being unreachable). */
  readonly refused?: boolean
}

/** An account found in a file the user already has, before it is checked like one added by hand. */
export interface ImportedAccount {
  readonly provider: ProviderId
  readonly label: string
  /** Empty when the file does not say: the import asks the user rather than guess. */
  readonly endpoint: string
  /** With an empty endpoint: what the file does say, to help the user find the address. */
  readonly endpointHint?: string
  /** Absent in a KeyDesk export: the account arrives waiting for the user to enter it. */
  readonly credential?: Credential
}

export interface KeyProvider {
  readonly id: ProviderId
  /** Everything the renderer and CLI know of this provider; served by providers.list. */
  readonly descriptor: ProviderDescriptor
  validate(ctx: ProviderContext): Promise<ValidationResult>
  list(ctx: ProviderContext): Promise<KeyRecord[]>
  /** One key, or null when the service no longer has it. */
  get(ctx: ProviderContext, keyId: string): Promise<KeyRecord | null>
  createOptions(ctx: ProviderContext): Promise<CreateOptions | null>
  /** Never retried blindly: after a timeout the adapter re-lists and returns the key if it was created. */
  create(ctx: ProviderContext, input: CreateInput): Promise<CreateResult>
  /** Onqlave: the one-time secret fetch after activation. */
  fetchSecret?(ctx: ProviderContext, keyId: string): Promise<SecretBundle>
  enable?(ctx: ProviderContext, keyId: string): Promise<KeyRecord>
  disable?(ctx: ProviderContext, keyId: string): Promise<KeyRecord>
  rename?(ctx: ProviderContext, keyId: string, name: string): Promise<KeyRecord>
  /** Replaces all of the key's tags (Cloudforet 2.x apps). */
  setTags?(ctx: ProviderContext, keyId: string, tags: Readonly<Record<string, string>>): Promise<KeyRecord>
  /** A new secret for the same key; the old secret stops working as a disable would (Cloudforet 2.x apps). */
  regenerate?(ctx: ProviderContext, keyId: string, expiresAt?: string): Promise<CreateResult>
  /** Returns the key's state after the call where the service reports one (Onqlave: pending). */
  delete(ctx: ProviderContext, keyId: string): Promise<KeyRecord | null>
  endpoints(ctx: ProviderContext): Promise<Endpoint[]>
  /** The secret's parts for the reveal dialog, in display order. */
  secretParts(secret: SecretBundle, account: Account): SecretPart[]
  exportFiles(secret: SecretBundle, account: Account, endpoints: readonly Endpoint[]): ExportFile[]
  /** The secret as the service's own tools read it, for `keydesk exec` / `keydesk env`; `files` are its exports. */
  programSecret(secret: SecretBundle, account: Account, files: readonly ExportFile[], home: boolean): ProgramSecret
  /** One real authenticated call made with the secret itself. */
  tryKey(http: Http, account: Account, secret: SecretBundle): Promise<TryResult>
  /** Renews an expiring credential (a SpaceONE access token, with its refresh token); null when it cannot be renewed. */
  renew?(http: Http, account: Account, credential: Credential): Promise<Credential | null>
  /**
   * What the user entered, resolved into the credential KeyDesk keeps; its provider may differ from this one
   * (SpaceONE / Cloudforet: 1.x or 2.x, told apart by the credential or a probe). A sign-in password is used here
   * and never kept.
   */
  resolve?(http: Http, account: Account, entered: Credential): Promise<Credential>
  /** The account credential a created key's secret makes (rotating the key KeyDesk signs in with); null when it cannot. */
  credentialFrom(secret: SecretBundle): Credential | null
  /** The accounts an account file of this service holds, or null when the file is not one of its own. */
  recognise?(doc: Readonly<Record<string, unknown>>): readonly ImportedAccount[] | null
}
