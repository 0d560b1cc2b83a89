// The checklist itself: done steps ticked, the current one marked for sight and for screen readers.
import type { Rotation, RotationStep } from '../../../../shared/model'
import { stepTitle } from './rotation-steps'
import { Icon } from '../../components/Icon'

export function RotationSteps({
  rotation,
  steps,
}: {
  readonly rotation: Rotation
  readonly steps: readonly RotationStep[]
}) {
  const at = steps.indexOf(rotation.step)
  return (
    <ol className="steps" aria-label="Rotation steps">
      {steps.map((step, i) => {
        const state = i < at || rotation.step === 'done' ? 'done' : i === at ? 'current' : 'todo'
        return (
          <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span aria-hidden="true" className="step-mark">
              {state === 'done' ? <Icon name="check" /> : i + 1}
            </span>
            <span>
              {stepTitle(step)}
              {step === 'create' && rotation.newKeyId ? `: ${rotation.newKeyId}` : ''}
            </span>
            <span className="sr-only">
              {state === 'done' ? ' (done)' : state === 'current' ? ' (current step)' : ''}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
