// The inputs of the create form, as the provider's descriptor lists them, and "keep in keychain".
import { useId } from 'react'
import type { CreateOptionsView } from '../../../../shared/api'
import type { CreateField, ProviderDescriptor } from '../../../../shared/descriptor'
import { Icon } from '../../components/Icon'
import { asked, choicesOf, type CreateDraft, type DraftErrors } from './draft'
import { NAME_MAX } from '../../../../shared/limits'

interface Props {
  readonly descriptor: ProviderDescriptor
  readonly draft: CreateDraft
  readonly errors: DraftErrors
  readonly options: CreateOptionsView | null
  readonly keepBlocked: string | null
  readonly onChange: (patch: Partial<CreateDraft>) => void
}

export function CreateFields({ descriptor, draft, errors, options, keepBlocked, onChange }: Props) {
  const id = useId()
  return (
    <div className="fields">
      {descriptor.create.fields.map((f) =>
        !asked(f, draft, options) ? null : f.choices ? (
          choicesOf(f, options).length > 0 ? (
            <Choice
              key={f.name}
              id={`${id}-${f.name}`}
              field={f}
              value={draft[f.name]}
              error={errors[f.name]}
              choices={choicesOf(f, options)}
              onChange={(v) => onChange({ [f.name]: v })}
            />
          ) : null
        ) : (
          <Text
            key={f.name}
            id={`${id}-${f.name}`}
            field={f}
            value={draft[f.name]}
            error={errors[f.name]}
            onChange={(v) => onChange({ [f.name]: v })}
          />
        ),
      )}
      <div className="check">
        <input
          id={`${id}-keep`}
          type="checkbox"
          checked={draft.keep && !keepBlocked}
          disabled={keepBlocked !== null}
          aria-describedby={`${id}-keep-hint`}
          onChange={(e) => onChange({ keep: e.target.checked })}
        />
        <label htmlFor={`${id}-keep`}>Keep in keychain</label>
        <span id={`${id}-keep-hint`} className="muted">
          {keepBlocked ?? 'KeyDesk stores the secret in your OS keychain so you can copy or export it again later.'}
        </span>
      </div>
    </div>
  )
}

function Hint({ id, hint, error }: { readonly id: string; readonly hint: string; readonly error?: string }) {
  return (
    <span id={`${id}-hint`} className={error ? 'field-error' : 'muted'}>
      {error ? (
        <>
          <Icon name="alert" /> {error}
        </>
      ) : (
        hint
      )}
    </span>
  )
}

interface FieldProps {
  readonly id: string
  readonly field: CreateField
  readonly value: string
  readonly error?: string
  readonly onChange: (value: string) => void
}

function Text({ id, field: f, value, error, onChange }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {f.label} {f.optional && <span className="muted">(optional)</span>}
      </label>
      <input
        id={id}
        type={f.kind === 'date' ? 'date' : 'text'}
        value={value}
        // In UTF-16 units, up to two a character, with room beyond: a long paste shows its message, never cut short.
        maxLength={(f.maxLength ?? NAME_MAX) * 2 + 50}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <Hint id={id} hint={f.hint} error={error} />
    </div>
  )
}

function Choice({
  id,
  field: f,
  value,
  error,
  choices,
  onChange,
}: FieldProps & { readonly choices: readonly { id: string; text: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{f.label}</label>
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
      <Hint id={id} hint={f.hint} error={error} />
    </div>
  )
}
