// The per-provider inputs, each with where to find the value. Secrets are password inputs and never autocompleted.
import { useId } from 'react'
import type { ProviderId } from '../../../../shared/model'
import { PROVIDERS, type FieldSpec, type Fields } from './providers'
import { Icon } from '../../components/Icon'

interface Props {
  readonly provider: ProviderId
  readonly values: Fields
  readonly errors: Readonly<Record<string, string>>
  readonly onChange: (name: FieldSpec['name'], value: string) => void
  readonly show: { readonly endpoint: boolean; readonly credential: boolean }
  readonly disabled?: boolean
}

export function CredentialFields({ provider, values, errors, onChange, show, disabled }: Props) {
  const base = useId()
  const specs = PROVIDERS[provider].fields.filter((f) => (f.name === 'endpoint' ? show.endpoint : show.credential))
  return (
    <>
      {specs.map((f) => {
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
