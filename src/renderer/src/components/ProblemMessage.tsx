import type { Problem } from '../store/problem'
import { Icon } from './Icon'

export function ProblemMessage({
  problem,
  onRetry,
  busy,
}: {
  readonly problem: Problem
  readonly onRetry?: () => void
  readonly busy?: boolean
}) {
  return (
    <div role="alert" className="problem">
      <Icon name="alert" className="problem-icon" />
      <span className="problem-text">{problem.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry} disabled={busy}>
          {busy ? 'Retrying…' : 'Retry'}
        </button>
      )}
    </div>
  )
}
