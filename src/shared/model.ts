// The normalised model every process shares (../shared/providers/README.md). No Node, no DOM.

// spaceone-apps is Cloudforet 2.x: the user picks "SpaceONE / Cloudforet" once and KeyDesk tells the versions apart.
export const PROVIDER_IDS = ['spaceone', 'cloudmc', 'onqlave', 'spaceone-apps'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

export type KeyState = 'enabled' | 'disabled' | 'pending' | 'deleted' | 'failed'

export interface KeyRecord {
  readonly provider: ProviderId
  readonly accountId: string
  readonly keyId: string
  readonly name: string
  readonly state: KeyState
  /** ISO-8601 UTC */
  readonly createdAt: string
  readonly lastUsedAt?: string
  readonly lastUsedIp?: string
  /** ISO-8601 UTC: when the key stops working by itself (Cloudforet 2.x apps); absent when it never expires. */
  readonly expiresAt?: string
  readonly extra: Readonly<Record<string, string>>
}

/** regenerate: a new secret for the same key; what propagates is the death of the old secret (Cloudforet 2.x apps). */
export type PropagationOp = 'create' | 'enable' | 'disable' | 'delete' | 'regenerate'
export type PropagationState = 'propagating' | 'settled' | 'failed'

export interface Propagation {
  readonly accountId: string
  readonly keyId: string
  readonly op: PropagationOp
  readonly requestedAt: string
  readonly settleBy: string
  readonly state: PropagationState
  readonly checkedAt?: string
  /** Why it failed, or what confirmed it; while still propagating, why its checks are paused. Words for the user. */
  readonly note?: string
  /** A delete's key as last listed: its row keeps its real name, creation time and fields while it propagates. */
  readonly key?: KeyRecord
}

/** A change KeyDesk has stopped checking until its account works again: the only propagating record with a note. */
export const checksPaused = (p: Propagation): boolean => p.state === 'propagating' && p.note !== undefined

export type PropagationModel = 'none' | 'window' | 'poll'

/** Non-secret facts about an account, learned when it is validated. */
export interface AccountFacts {
  readonly user?: string
  readonly userId?: string
  readonly domain?: string
  readonly tenant?: string
  readonly organization?: string
  /** SpaceONE: the api_key_id of the account's own credential, when it is an API key (2.x: the app id of its secret). */
  readonly ownKeyId?: string
  /** SpaceONE / Cloudforet: which major version KeyDesk found at the endpoint. */
  readonly version?: '1.x' | '2.x'
  /** Cloudforet 2.x: the credential's role type and the workspace it is held to. */
  readonly role?: string
  readonly workspace?: string
  /** ISO-8601 UTC: when the account's own credential expires by itself. */
  readonly credentialExpiresAt?: string
}

export type AccountStatus = 'ok' | 'checking' | 'rejected' | 'unreachable' | 'keychain' | 'unknown'

export interface Account {
  readonly id: string
  readonly provider: ProviderId
  readonly label: string
  readonly endpoint: string
  readonly facts: AccountFacts
  readonly demo: boolean
  readonly createdAt: string
  /** Seconds a disable/delete is assumed to take to propagate (SpaceONE). */
  readonly propagationWindowSec: number
  readonly refreshIntervalSec: number
}

export interface AccountView extends Account {
  readonly status: AccountStatus
  readonly statusMessage?: string
}

/**
 * A credential: the provider's credential fields (its descriptor names them) by name. Secret: it goes to the vault,
 * never to the renderer or settings. SpaceONE {token, refreshToken?}, CloudMC {apiKey}, Onqlave {tenantId, token}.
 */
export interface Credential {
  readonly provider: ProviderId
  readonly [field: string]: string
}

export interface VaultStatus {
  readonly state: 'available' | 'locked' | 'unavailable'
  readonly reason?: string
  readonly fix?: string
}

export interface Endpoint {
  readonly service: string
  readonly url: string
}

/** One field of a created key's secret bundle, shown once. */
export interface SecretPart {
  readonly label: string
  readonly value: string
  readonly secret: boolean
}

export interface ExportFormat {
  readonly id: string
  readonly fileName: string
  readonly label: string
}

export interface CreatedKey {
  readonly key: KeyRecord
  readonly parts: readonly SecretPart[]
  readonly endpoints: readonly Endpoint[]
  readonly exports: readonly ExportFormat[]
  readonly kept: boolean
  /** Short-lived handle the core uses to copy or export this secret without the renderer resending it. */
  readonly handle: string
}

export type RotationStep = 'create' | 'switch' | 'disable' | 'wait' | 'delete' | 'done'

/** A resumable "rotate this key" checklist; every step is persisted. */
export interface Rotation {
  readonly id: string
  readonly accountId: string
  readonly oldKeyId: string
  readonly newKeyId?: string
  readonly step: RotationStep
  readonly startedAt: string
  /** The old key is the account's own credential: the new key becomes the credential before the old is disabled. */
  readonly ownCredential: boolean
  /** Something the user must act on before the next step, in words. */
  readonly note?: string
  /**
   * Set once the create step has asked the service for the new key, until a key comes back: from then on the service
   * may have made one even without an answer, so stopping the rotation is no longer free of consequences.
   */
  readonly createSent?: RotationCreateSent
  /** Read from the core, never stored: that create's answer was lost and KeyDesk still checks whether it made a key. */
  readonly createUnconfirmed?: boolean
}

export interface RotationCreateSent {
  readonly requestId: string
  readonly at: string
}
