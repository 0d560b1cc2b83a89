// The stages of a create as a list the screen reader announces: done, current, still to come.
import type { ProviderId } from '../../../../shared/model'
import type { Events } from '../../../../shared/api'
import type { CreateStage } from './useCreateProgress'
import { Icon } from '../../components/Icon'

const STAGES: Readonly<Record<ProviderId, readonly { stage: CreateStage; text: string }[]>> = {
  spaceone: [{ stage: 'creating', text: 'Creating the key' }],
  cloudmc: [{ stage: 'creating', text: 'Creating the key' }],
  onqlave: [
    { stage: 'creating', text: 'Creating the key' },
    { stage: 'activating', text: 'Waiting for Onqlave to activate it' },
    { stage: 'fetching', text: 'Fetching its secret (shown once)' },
  ],
}

export function CreateProgress({
  provider,
  latest,
}: {
  readonly provider: ProviderId
  readonly latest: Events['create.progress'] | null
}) {
  const stages = STAGES[provider]
  const at = latest ? stages.findIndex((s) => s.stage === latest.stage) : 0
  const current = latest?.stage === 'done' ? stages.length : Math.max(0, at)
  return (
    <div className="kd-progress">
      <ol aria-label="Progress">
        {stages.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo'
          return (
            <li
              key={s.stage}
              className={`kd-stage kd-stage-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span aria-hidden="true" className="kd-stage-icon">
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
      <p role="status" aria-live="polite" className="kd-muted">
        {latest?.message ?? 'Starting…'}
      </p>
    </div>
  )
}
