// What each provider is, as data: its adapter describes itself and the renderer and CLI read this instead of
// branching on a provider id. Every field here has a reader; a fact nobody reads does not belong here.
import type {
  AccountFacts,
  Credential,
  ExportFormat,
  KeyRecord,
  PropagationModel,
  PropagationOp,
  ProviderId,
  RotationStep,
} from './model'

/** One input of the account form. `name` is the credential's field (or 'endpoint'). */
export interface CredentialField {
  readonly name: string
  readonly label: string
  readonly hint: string
  /** Secret fields go to the keychain and are masked; the others (a tenant id) are ordinary text. */
  readonly secret: boolean
  readonly optional?: boolean
  readonly placeholder?: string
  /** A value must match this (RegExp source, tested on the trimmed value), or the form shows `message`. */
  readonly pattern?: { readonly source: string; readonly message: string }
  /** Fields of an alternative way in share a group, shown under its title ("Or sign in"). */
  readonly group?: string
  /** Sent as typed, not trimmed: a password's spaces are part of it. */
  readonly asTyped?: boolean
}

export interface EndpointField {
  readonly label: string
  readonly hint: string
  readonly placeholder: string
  /** Filled in for a new account; empty when each deployment has its own address. */
  readonly default: string
  readonly pattern?: { readonly source: string; readonly message: string }
}

/** A field of `KeyRecord.extra` worth showing, with its label. Fields not listed are not shown. */
export interface KeyField {
  readonly name: string
  readonly label: string
  /** Shown only when the user asks (an access key: not secret, but not for every glance either). */
  readonly onRequest?: boolean
  /** A machine value (an id, a URL, a key): shown in a fixed-width font. */
  readonly mono?: boolean
  /** A time (ISO-8601): shown in the user's words and clock, like the list's times, not as the wire's string. */
  readonly time?: boolean
}

/** What the create form asks for; the names are keys.create's optional inputs. */
export interface CreateField {
  readonly name: 'name' | 'applicationId' | 'clusterId' | 'roleId' | 'workspaceId' | 'tags' | 'expiresAt'
  readonly label: string
  readonly hint: string
  readonly optional: boolean
  /** Filled from keys.createOptions: applications, clusters, roles (with the scope each makes) or workspaces. */
  readonly choices?: 'applications' | 'clusters' | 'roles' | 'workspaces'
  readonly maxLength?: number
  /** How the value is entered: text (the default), `key=value` tags, or a date at most `expiry.maxDays` ahead. */
  readonly kind?: 'text' | 'tags' | 'date'
  /** Only asked when the chosen role's scope is one of these (a workspace for workspace and project apps). */
  readonly forScopes?: readonly string[]
}

/** Keys that stop working by themselves on a date (Cloudforet 2.x apps). */
export interface ExpiryRule {
  /** The latest expiry KeyDesk offers, in days from today. */
  readonly maxDays: number
  /** What the create form proposes. */
  readonly defaultDays: number
  /** KeyDesk reminds the user this many days before (the service's own e-mails are off by default). */
  readonly reminderDays: readonly number[]
}

export type CreateStageId = 'creating' | 'activating' | 'fetching'

export interface CreateStage {
  readonly stage: CreateStageId
  readonly text: string
}

/**
 * How a change reaches the service everywhere, and its words:
 * - none: in force as soon as the service answers (no pending state, no window);
 * - window: the service applies it at once but caches accept the old state for the account's window;
 * - poll: the service finishes in the background; KeyDesk reads the key until it does.
 */
export interface ChangeRule {
  readonly model: PropagationModel
  /** The key's state while the change propagates ("Deleting"); null when the change is immediate. */
  readonly pending: string | null
  /** What the change does to apps using the key, in words; `{window}` stands for the account's window. */
  readonly effect: string
}

export type DeleteConfirm = 'click' | 'type-key-id'

/** Whether the service reports when a key was last used: reported, has the field but never fills it, or none. */
export type LastUse = 'reported' | 'unreported' | 'absent'

export interface ProviderDescriptor {
  readonly id: ProviderId
  /** The brand name ("SpaceONE"). */
  readonly name: string
  /** With its article, for sentences ("an Onqlave"). */
  readonly aName: string
  /** One line for the account form. */
  readonly help: string
  readonly docsUrl?: string
  readonly endpoint: EndpointField
  readonly credential: readonly CredentialField[]
  readonly capabilities: {
    readonly enable: boolean
    readonly disable: boolean
    readonly rename: boolean
    /** The account's own key can be recognised among its keys (facts.ownKeyId). */
    readonly knowsOwnKey: boolean
    /** A key's secret can be replaced by a new one (keys.regenerate); the old secret dies like a disable. */
    readonly regenerate?: boolean
    /** Keys carry tags the user can edit (keys.setTags). */
    readonly tags?: boolean
  }
  /** Keys expire by themselves; absent when they never do. */
  readonly expiry?: ExpiryRule
  /** Keys whose `extra[field]` is "true" are shown read-only, with the reason (managed apps). */
  readonly readOnlyKeys?: { readonly field: string; readonly reason: string }
  /**
   * Accounts of this provider are added through another provider's choice, which tells them apart by itself
   * (Cloudforet 2.x through "SpaceONE / Cloudforet"); the account form does not list this one.
   */
  readonly addedAs?: ProviderId
  /** The account form's name for this choice when it covers more than this provider ("SpaceONE / Cloudforet"). */
  readonly choiceName?: string
  /** Keys one user may hold; null when the service sets no limit. Enforced by the core. */
  readonly keyLimit: number | null
  readonly keyFields: readonly KeyField[]
  readonly lastUse: LastUse
  readonly create: {
    readonly fields: readonly CreateField[]
    /** The form shows a review step before the key is made (Onqlave: application and Arx). */
    readonly review: boolean
    readonly stages: readonly CreateStage[]
  }
  /** Secret parts worth copying from a kept secret (labels of the reveal dialog's parts). */
  readonly copyParts: readonly string[]
  readonly exports: readonly ExportFormat[]
  readonly deleteConfirm: DeleteConfirm
  readonly changes: Readonly<Record<PropagationOp, ChangeRule>>
  /** The steps a rotation goes through: without disable, the old key goes from "switch" to "delete". */
  readonly rotationSteps: readonly RotationStep[]
  /** A created key's secret can become the account's credential (rotating the key KeyDesk signs in with). */
  readonly secretBecomesCredential: boolean
  /** The account files this provider recognises on import, in words for the import hint. */
  readonly importHint: string
}

/** KeyDesk signs in to the account with this very key (the account's own app, its API key). */
export function isOwnKey(d: ProviderDescriptor, account: { readonly facts: AccountFacts }, key: KeyRecord): boolean {
  return d.capabilities.knowsOwnKey && account.facts.ownKeyId !== undefined && account.facts.ownKeyId === key.keyId
}

/** Why KeyDesk must not change this key (a managed app), or null when it may. */
export function readOnlyReason(d: ProviderDescriptor, key: KeyRecord): string | null {
  return d.readOnlyKeys && key.extra[d.readOnlyKeys.field] === 'true' ? d.readOnlyKeys.reason : null
}

/** An account with a window setting: some change of this provider waits out a window. */
export function hasWindow(d: ProviderDescriptor): boolean {
  return Object.values(d.changes).some((c) => c.model === 'window')
}

/** The change's effect with the account's window in words. */
export function effectWords(d: ProviderDescriptor, op: PropagationOp, windowSec: number): string {
  return d.changes[op].effect.split('{window}').join(windowWords(windowSec))
}

export function windowWords(sec: number): string {
  if (sec < 60) return `${sec} second${sec === 1 ? '' : 's'}`
  const min = Math.ceil(sec / 60)
  return `${min} minute${min === 1 ? '' : 's'}`
}

/**
 * The way in the values take: fields with a `group` are an alternative to the ungrouped ones (a sign-in instead of
 * a token), chosen as soon as one of the group's required fields has a value.
 */
function usesGroup(d: ProviderDescriptor, values: Readonly<Record<string, string | undefined>>): boolean {
  return d.credential.some((f) => f.group && !f.optional && (values[f.name] ?? '').trim())
}

/** Whether the field must have a value: required, and of the way in the values take. */
function required(f: CredentialField, grouped: boolean): boolean {
  return !f.optional && Boolean(f.group) === grouped
}

/** Field name → what is wrong, for the credential fields of a form (or a file); empty when all are fine. */
export function credentialProblems(d: ProviderDescriptor, values: Readonly<Record<string, string | undefined>>) {
  const problems: Record<string, string> = {}
  const grouped = usesGroup(d, values)
  for (const f of d.credential) {
    const v = (values[f.name] ?? '').trim()
    if (!v) {
      if (required(f, grouped)) problems[f.name] = `Enter the ${f.label.toLowerCase()}.`
    } else if (f.pattern && !new RegExp(f.pattern.source).test(v)) {
      problems[f.name] = f.pattern.message
    }
  }
  return problems
}

/** The credential the descriptor's fields make of the values: trimmed, empty fields left out unless required. */
export function toCredential(d: ProviderDescriptor, values: Readonly<Record<string, string | undefined>>): Credential {
  const out: Record<string, string> = {}
  const grouped = usesGroup(d, values)
  for (const f of d.credential) {
    const raw = values[f.name] ?? ''
    const v = f.asTyped ? raw : raw.trim()
    if (v || required(f, grouped)) out[f.name] = v
  }
  return { ...out, provider: d.id }
}
