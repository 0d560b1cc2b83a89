// The inputs of the create form: a CloudMC name, an Onqlave application and Arx, and "keep in keychain".
import { useId } from 'react'
import type { CreateOptionsView } from '../../../../shared/api'
import type { AccountView } from '../../../../shared/model'
import { MAX_NAME } from './name-rules'
import type { CreateDraft, DraftErrors } from './draft'
import { Icon } from '../../components/Icon'

interface Props {
  readonly account: AccountView
  readonly draft: CreateDraft
  readonly errors: DraftErrors
  readonly options: CreateOptionsView | null
  readonly keepBlocked: string | null
  readonly onChange: (patch: Partial<CreateDraft>) => void
}

export function CreateFields({ account, draft, errors, options, keepBlocked, onChange }: Props) {
  const id = useId()
  return (
    <div className="kd-fields">
      {account.provider === 'cloudmc' && (
        <div className="kd-field">
          <label htmlFor={`${id}-name`}>
            Name <span className="kd-muted">(optional)</span>
          </label>
          <input
            id={`${id}-name`}
            value={draft.name}
            maxLength={MAX_NAME + 50}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={`${id}-name-hint`}
            placeholder="e.g. ci-runner"
            onChange={(e) => onChange({ name: e.target.value })}
          />
          <span id={`${id}-name-hint`} className={errors.name ? 'kd-field-error' : 'kd-muted'}>
            {errors.name ? (
              <>
                <Icon name="alert" /> {errors.name}
              </>
            ) : (
              'Leave blank and CloudMC names it (api_key_…). You can rename it later.'
            )}
          </span>
        </div>
      )}
      {account.provider === 'onqlave' && options && (
        <>
          {options.applications.length > 0 && (
            <Choice
              id={`${id}-app`}
              label="Application"
              value={draft.applicationId}
              error={errors.applicationId}
              hint="The application that will use this key."
              onChange={(applicationId) => onChange({ applicationId })}
              choices={options.applications.map((a) => ({
                id: a.id,
                text: a.technology ? `${a.name} (${a.technology})` : a.name,
              }))}
            />
          )}
          <Choice
            id={`${id}-arx`}
            label="Arx"
            value={draft.clusterId}
            error={errors.clusterId}
            hint="The Arx cluster whose data plane the key signs requests for."
            onChange={(clusterId) => onChange({ clusterId })}
            choices={options.clusters.map((c) => ({
              id: c.id,
              text: c.encryption ? `${c.name} (${c.encryption})` : c.name,
            }))}
          />
        </>
      )}
      <div className="kd-check">
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={draft.keep && !keepBlocked}
          disabled={keepBlocked !== null}
          aria-describedby={`${id}-keep-hint`}
          onChange={(e) => onChange({ keep: e.target.checked })}
        />
        <label htmlFor={`${id}-keep`}>Keep in keychain</label>
        <span id={`${id}-keep-hint`} className="kd-muted">
          {keepBlocked ?? 'KeyDesk stores the secret in your OS keychain so you can copy or export it again later.'}
        </span>
      </div>
    </div>
  )
}

interface ChoiceProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly hint: string
  readonly error?: string
  readonly choices: readonly { id: string; text: string }[]
  readonly onChange: (value: string) => void
}

function Choice({ id, label, value, hint, error, choices, onChange }: ChoiceProps) {
  return (
    <div className="kd-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose…</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.text}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className={error ? 'kd-field-error' : 'kd-muted'}>
        {error ? (
          <>
            <Icon name="alert" /> {error}
          </>
        ) : (
          hint
        )}
      </span>
    </div>
  )
}
