// The provider's inputs, each with where to find the value. Secrets are password inputs and never autocompleted.
import './accounts.css'
import { useId } from 'react'
import type { ProviderDescriptor } from '../../../../shared/descriptor'
import { Icon } from '../../components/Icon'
import type { Fields } from './providers'

interface Props {
  readonly descriptor: ProviderDescriptor
  readonly values: Fields
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (name: string, value: string) => void
  readonly show: { readonly endpoint: boolean; readonly credential: boolean }
  readonly disabled?: boolean
}

interface Input {
  readonly name: string
  readonly label: string
  readonly hint: string
  readonly secret: boolean
  readonly placeholder?: string
  readonly group?: string
}

export function CredentialFields({ descriptor: d, values, errors, onChange, show, disabled }: Props) {
  const base = useId()
  const inputs: Input[] = [
    ...(show.endpoint ? [{ ...d.endpoint, name: 'endpoint', secret: false }] : []),
    ...(show.credential ? d.credential : []),
  ]
  // Grouped fields are another way in (a sign-in instead of a token): shown together under the group's title.
  const ungrouped = inputs.filter((f) => !f.group)
  const groups = [...new Set(inputs.flatMap((f) => (f.group ? [f.group] : [])))]
  const field = (f: Input) => {
    const id = `${base}-${f.name}`
    const error = errors[f.name]
    return (
      <div className="field" key={f.name}>
        <label htmlFor={id}>{f.label}</label>
        <input
          id={id}
          name={f.name}
          type={f.secret ? 'password' : 'text'}
          value={values[f.name] ?? ''}
          placeholder={f.placeholder}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(e) => onChange(f.name, e.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {f.hint}
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error">
            <Icon name="alert" /> {error}
          </p>
        )}
      </div>
    )
  }
  return (
    <>
      {ungrouped.map(field)}
      {groups.map((g) => (
        <fieldset className="field-group" key={g} disabled={disabled}>
          <legend>{g}</legend>
          {inputs.filter((f) => f.group === g).map(field)}
        </fieldset>
      ))}
    </>
  )
}
