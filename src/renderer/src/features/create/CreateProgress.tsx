// The stages of a create as a list the screen reader announces: done, current, still to come.
import type { Events } from '../../../../shared/api'
import type { CreateStage } from '../../../../shared/descriptor'
import { Icon } from '../../components/Icon'

export function CreateProgress({
  stages,
  latest,
}: {
  readonly stages: readonly CreateStage[]
  readonly latest: Events['create.progress'] | null
}) {
  const at = latest ? stages.findIndex((s) => s.stage === latest.stage) : 0
  const current = latest?.stage === 'done' ? stages.length : Math.max(0, at)
  return (
    <div className="progress">
      <ol aria-label="Progress">
        {stages.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo'
          return (
            <li
              key={s.stage}
              className={`stage stage-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span aria-hidden="true" className="stage-icon">
                {state === 'done' ? <Icon name="check" /> : state === 'current' ? <Icon name="refresh" /> : '·'}
              </span>
              {s.text}
              <span className="sr-only">
                {state === 'done' ? ' (done)' : state === 'current' ? ' (in progress)' : ''}
              </span>
            </li>
          )
        })}
      </ol>
      <p role="status" aria-live="polite" className="muted">
        {latest?.message ?? 'Starting…'}
      </p>
    </div>
  )
}
