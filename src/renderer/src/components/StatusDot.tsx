import type { AccountStatus } from '../../../shared/model'

export const ACCOUNT_STATUS_WORDS: Record<AccountStatus, string> = {
  ok: 'OK',
  checking: 'Checking…',
  rejected: 'Credential rejected',
  unreachable: 'Unreachable',
  keychain: 'Keychain problem',
  unknown: 'Not checked yet',
}

/**
 * A dot and words: colour is never the only signal. `listFailed`: the account's last listing failed, so however the
 * account last checked out, the dot does not say "OK".
 */
export function StatusDot({
  status,
  message,
  listFailed,
}: {
  readonly status: AccountStatus
  readonly message?: string
  readonly listFailed?: string
}) {
  const failed = status === 'ok' && listFailed !== undefined
  const words = failed ? 'List failed' : ACCOUNT_STATUS_WORDS[status]
  return (
    <span
      className={`status status-${failed ? 'unreachable' : status}`}
      title={failed ? listFailed : (message ?? words)}
    >
      <span aria-hidden="true" className="dot" />
      <span className="status-words">{words}</span>
    </span>
  )
}
