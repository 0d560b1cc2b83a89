// What the requests of the channel map answer, beyond the model's own types (src/shared/model.ts).
import type { AccountView, KeyRecord, ProviderId, VaultStatus } from './model'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly platform: string
  readonly host: 'electron' | 'browser' | 'cli'
  readonly dataDir: string
  /** Things the user must be told at start, e.g. a recovered settings file. */
  readonly notices: readonly string[]
}

export interface KeyList {
  readonly accountId: string
  readonly keys: readonly KeyRecord[]
  readonly fetchedAt: string
}

export interface CreateOptionsView {
  readonly applications: readonly { id: string; name: string; technology?: string }[]
  readonly clusters: readonly { id: string; name: string; encryption?: string }[]
  /** Cloudforet 2.x: the roles an app can be given, each with the scope (DOMAIN, WORKSPACE, PROJECT) it makes. */
  readonly roles?: readonly { id: string; name: string; roleType: string; scope: string }[]
  readonly workspaces?: readonly { id: string; name: string }[]
  /** The credential is held to one workspace, so the workspace is not a choice. */
  readonly workspaceFixed?: boolean
}

export interface ExportResult {
  readonly fileName: string
  /** Browser host only: the content to download. Electron writes the file itself and returns savedTo. */
  readonly content?: string
  readonly savedTo?: string
}

/** A kept secret shaped the way the service's own tools read it: variables, and files in a private temporary folder. */
export interface ProgramSecret {
  readonly env: Readonly<Record<string, string>>
  /** path is relative to the temporary folder; variable, when set, receives the file's absolute path. */
  readonly files: readonly { readonly path: string; readonly content: string; readonly variable?: string }[]
  /** Variables that receive the temporary folder itself (HOME, for tools that read only ~/.something). */
  readonly folderVariables: readonly string[]
}

export interface ImportResult {
  /** Accounts added; one from a KeyDesk export has status "keychain" until the user enters its credential. */
  readonly added: readonly AccountView[]
  readonly skipped: readonly { readonly label: string; readonly reason: string }[]
  /** Accounts whose file does not say where they live; nothing was added. `hint` says what to enter. */
  readonly needs: readonly {
    readonly index: number
    readonly provider: ProviderId
    readonly label: string
    readonly hint: string
  }[]
  /** A sealed KeyDesk export: nothing was added; call again with its passphrase. */
  readonly needsPassphrase: boolean
}

/** What Repair found: keychain entries nobody owns, and accounts whose credential is missing. */
export interface RepairReport {
  readonly keychain: VaultStatus
  readonly orphans: readonly { readonly name: string; readonly what: string }[]
  readonly missing: readonly { readonly accountId: string; readonly label: string; readonly what: string }[]
  /** How many entries the last fix removed. */
  readonly removed: number
}

/** The app lock: with a passphrase set, kept secrets are refused (LOCKED) until it is unlocked. */
export interface LockStatus {
  /** False when no passphrase is set: locking is off. */
  readonly enabled: boolean
  readonly locked: boolean
  /** Locks after this many minutes without a request; 0 locks only on demand. */
  readonly idleMinutes: number
}
