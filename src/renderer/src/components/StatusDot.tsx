import type { AccountStatus } from '../../../shared/model'

export const ACCOUNT_STATUS_WORDS: Record<AccountStatus, string> = {
  ok: 'OK',
  checking: 'Checking…',
  rejected: 'Credential rejected',
  unreachable: 'Unreachable',
  keychain: 'Keychain problem',
  unknown: 'Not checked yet',
}

/** A dot and words: colour is never the only signal. */
export function StatusDot({ status, message }: { readonly status: AccountStatus; readonly message?: string }) {
  return (
    <span className={`status status-${status}`} title={message ?? ACCOUNT_STATUS_WORDS[status]}>
      <span aria-hidden="true" className="dot" />
      <span className="status-words">{ACCOUNT_STATUS_WORDS[status]}</span>
    </span>
  )
}
