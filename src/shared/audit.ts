// The audit log's record: one JSON line per change KeyDesk made, from the window or the command line. Never a secret.

export const AUDIT_ACTIONS = [
  'account.add',
  'account.update',
  'account.credential',
  'account.remove',
  'key.create',
  'key.enable',
  'key.disable',
  'key.rename',
  'key.delete',
  'key.copy',
  'key.export',
  'key.keep',
  'key.forget',
  'key.exec',
  'key.env',
  'rotation.start',
  'rotation.create',
  'rotation.advance',
  'rotation.cancel',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Where a change came from: the app's window (Electron or browser host) or the `keydesk` command line. */
export type AuditOrigin = 'app' | 'cli'

export interface AuditEntry {
  /** ISO-8601 UTC */
  readonly at: string
  readonly from: AuditOrigin
  readonly action: AuditAction
  readonly outcome: 'ok' | 'failed'
  readonly accountId?: string
  /** The account's label when the change was made (kept because the account may be removed later). */
  readonly account?: string
  readonly provider?: string
  readonly keyId?: string
  readonly keyName?: string
  /** Non-secret detail: an export format, a rotation step, the program given a secret. */
  readonly detail?: string
  /** On failure: the error code and the message the user saw. */
  readonly error?: { readonly code: string; readonly message: string }
}

export interface AuditQuery {
  readonly since?: string
  readonly accountId?: string
  readonly keyId?: string
  readonly action?: AuditAction
  readonly limit?: number
}
