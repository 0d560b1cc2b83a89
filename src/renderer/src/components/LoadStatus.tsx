// One account's listing: its age while fresh or refreshing, or its own error with Retry. Stale keys stay on screen.
import { useNow } from './useNow'
import { ProblemMessage } from './ProblemMessage'
import { useKeys } from '../store/stores'
import { since } from './time'

/** With ageOnly, an error shows nowhere here: the list shows it once, beside the keys it concerns. */
export function LoadStatus({
  accountId,
  label,
  ageOnly,
}: {
  readonly accountId: string
  readonly label?: string
  readonly ageOnly?: boolean
}) {
  const s = useKeys((st) => st.byAccount[accountId])
  const refresh = useKeys((st) => st.refreshAccount)
  const now = useNow()
  if (!s) return null
  const who = label ? `${label}: ` : ''
  if (s.error && ageOnly)
    return s.fetchedAt ? <span className="load-status">Updated {since(s.fetchedAt, now)}</span> : null
  if (s.error) {
    const age = s.fetchedAt ? ` Showing the keys from ${since(s.fetchedAt, now)}.` : ''
    return (
      <ProblemMessage
        problem={{ ...s.error, message: `${who}${s.error.message}${age}` }}
        onRetry={() => void refresh(accountId)}
        busy={s.loading}
      />
    )
  }
  return (
    <span className="load-status" aria-live="polite">
      {s.loading
        ? s.fetchedAt
          ? `Refreshing… (updated ${since(s.fetchedAt, now)})`
          : 'Loading keys…'
        : s.fetchedAt
          ? `Updated ${since(s.fetchedAt, now)}`
          : ''}
    </span>
  )
}
