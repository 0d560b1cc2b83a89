// The messages between the vault client (in the app) and the keychain helper process (which loads keytar).
import type { VaultStatus } from '../../shared/model'

export type VaultOp =
  | { readonly op: 'get'; readonly name: string }
  | { readonly op: 'set'; readonly name: string; readonly secret: string }
  | { readonly op: 'delete'; readonly name: string }
  | { readonly op: 'names' }
  | { readonly op: 'status' }
  | { readonly op: 'stats' }

export type VaultRequest = VaultOp & { readonly id: number; readonly service: string }

/** The app lets the helper go: it finishes the calls it started, answers them, and exits. */
export interface LeaveRequest {
  readonly op: 'leave'
}

export type VaultReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number
      readonly ok: false
      readonly status: VaultStatus
      /**
       * keytar itself failed (not a refusal): its connection may point at a keyring daemon that is gone (libsecret
       * keeps asking the old one after a restart), so the client starts a fresh helper for the next call.
       */
      readonly retire?: true
      /** Nothing was asked of the keychain (its daemon restarted since this helper began): ask a fresh helper. */
      readonly again?: true
    }

/** What the helper has done since it started: the keychain tests read it to prove no call reached a locked keyring. */
export interface HelperStats {
  readonly pid: number
  readonly keytarCalls: number
  /** The most keytar calls that ran at the same time: 1, since gnome-keyring cannot take concurrent sessions. */
  readonly mostAtOnce: number
  readonly refusedWhileLocked: number
  /** Lock questions to the Secret Service not answered yet (a slow keyring): the helper exits only after them. */
  readonly lockUnanswered: number
}

/**
 * The helper process as the client sees it. A Node child process here; Electron's utilityProcess in the desktop app
 * (its postMessage / 'message' / 'exit' / kill fit this shape).
 */
export interface VaultHelperProcess {
  postMessage(message: VaultRequest): void
  onMessage(listener: (message: VaultReply) => void): void
  onExit(listener: (code: number | null, signal: string | null) => void): void
  /** Lets the helper go without cutting a keychain call short: it takes nothing new and exits once idle. */
  release(): void
}

export type SpawnVaultHelper = () => VaultHelperProcess

/** Names the vault keeps for itself: never an account's or a key's secret. */
export const INDEX_NAME = 'keydesk/index'
export const STATUS_PROBE = 'keydesk/status-probe'
