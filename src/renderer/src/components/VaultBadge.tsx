import type { VaultStatus } from '../../../shared/model'

const WORDS: Record<VaultStatus['state'], string> = {
  available: 'Keychain ready',
  locked: 'Keychain locked',
  unavailable: 'Keychain unavailable',
}

export function VaultBadge({ status }: { status: VaultStatus }) {
  return (
    <span
      className={`vault vault-${status.state}`}
      role="status"
      title={[status.reason, status.fix].filter(Boolean).join(' ')}
    >
      <span aria-hidden="true" className="dot" /> {WORDS[status.state]}
    </span>
  )
}
