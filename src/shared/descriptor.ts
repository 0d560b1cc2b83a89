// What each provider is, as data: its adapter describes itself and the renderer and CLI read this instead of
// branching on a provider id. Every field here has a reader; a fact nobody reads does not belong here.
import type { Credential, ExportFormat, PropagationModel, PropagationOp, ProviderId, RotationStep } from './model'

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
}

/** What the create form asks for; the names are keys.create's optional inputs. */
export interface CreateField {
  readonly name: 'name' | 'applicationId' | 'clusterId'
  readonly label: string
  readonly hint: string
  readonly optional: boolean
  /** Filled from keys.createOptions: applications or clusters. */
  readonly choices?: 'applications' | 'clusters'
  readonly maxLength?: number
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
  }
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

/** Field name → what is wrong, for the credential fields of a form (or a file); empty when all are fine. */
export function credentialProblems(d: ProviderDescriptor, values: Readonly<Record<string, string | undefined>>) {
  const problems: Record<string, string> = {}
  for (const f of d.credential) {
    const v = (values[f.name] ?? '').trim()
    if (!v) {
      if (!f.optional) problems[f.name] = `Enter the ${f.label.toLowerCase()}.`
    } else if (f.pattern && !new RegExp(f.pattern.source).test(v)) {
      problems[f.name] = f.pattern.message
    }
  }
  return problems
}

/** The credential the descriptor's fields make of the values: trimmed, empty optional fields left out. */
export function toCredential(d: ProviderDescriptor, values: Readonly<Record<string, string | undefined>>): Credential {
  const out: Record<string, string> = {}
  for (const f of d.credential) {
    const v = (values[f.name] ?? '').trim()
    if (v || !f.optional) out[f.name] = v
  }
  return { ...out, provider: d.id }
}
