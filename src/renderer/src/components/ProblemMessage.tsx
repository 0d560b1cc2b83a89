import type { Problem } from '../store/problem'

export function ProblemMessage({ problem, onRetry, busy }: { readonly problem: Problem; readonly onRetry?: () => void; readonly busy?: boolean }) {
  return (
    <div role="alert" className="problem">
      <span aria-hidden="true" className="problem-icon">⚠</span>
      <span className="problem-text">{problem.message}</span>
      {onRetry && <button type="button" onClick={onRetry} disabled={busy}>{busy ? 'Retrying…' : 'Retry'}</button>}
    </div>
  )
}
