// The provider's inputs, each with where to find the value. Secrets are password inputs and never autocompleted.
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
}

export function CredentialFields({ descriptor: d, values, errors, onChange, show, disabled }: Props) {
  const base = useId()
  const inputs: Input[] = [
    ...(show.endpoint ? [{ ...d.endpoint, name: 'endpoint', secret: false }] : []),
    ...(show.credential ? d.credential : []),
  ]
  return (
    <>
      {inputs.map((f) => {
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
      })}
    </>
  )
}
