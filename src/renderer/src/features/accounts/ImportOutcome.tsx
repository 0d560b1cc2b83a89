// What an import did: how many accounts arrived, which wait for their credential, and what was skipped and why.
import type { ImportResult } from '../../../../shared/api'

export function ImportOutcome({ outcome }: { readonly outcome: ImportResult }) {
  const waiting = outcome.added.filter((a) => a.status === 'keychain').length
  return (
    <div role="status" className="success">
      <p>
        Added {outcome.added.length} account{outcome.added.length === 1 ? '' : 's'}
        {outcome.skipped.length ? `, skipped ${outcome.skipped.length}` : ''}.
        {waiting > 0 &&
          ` ${waiting} arrived without ${waiting === 1 ? 'its credential' : 'their credentials'}: enter each once with "Re-enter credential" in the account's menu.`}
      </p>
      {outcome.skipped.length > 0 && (
        <ul>
          {outcome.skipped.map((s) => (
            <li key={s.label}>
              {s.label}: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
