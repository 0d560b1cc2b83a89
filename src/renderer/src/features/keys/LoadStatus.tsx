// One account's listing: its age while fresh or refreshing, or its own error with Retry. Stale keys stay on screen.
import { useNow } from '../../components/useNow'
import { ProblemMessage } from '../../components/ProblemMessage'
import { useKeys } from '../../store/keys'
import { since } from './format'

export function LoadStatus({ accountId, label }: { readonly accountId: string; readonly label?: string }) {
  const s = useKeys((st) => st.byAccount[accountId])
  const refresh = useKeys((st) => st.refreshAccount)
  const now = useNow()
  if (!s) return null
  const who = label ? `${label}: ` : ''
  if (s.error) {
    const age = s.fetchedAt ? ` Showing the keys from ${since(s.fetchedAt, now)}.` : ''
    return <ProblemMessage problem={{ ...s.error, message: `${who}${s.error.message}${age}` }} onRetry={() => void refresh(accountId)} busy={s.loading} />
  }
  return (
    <span className="load-status" aria-live="polite">
      {s.loading ? (s.fetchedAt ? `Refreshing… (updated ${since(s.fetchedAt, now)})` : 'Loading keys…')
        : s.fetchedAt ? `Updated ${since(s.fetchedAt, now)}` : ''}
    </span>
  )
}
