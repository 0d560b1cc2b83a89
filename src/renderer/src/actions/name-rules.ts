// Key names: trimmed, printable, within the provider's limit. Checked here so a bad name never reaches the service.
import type { ProviderDescriptor } from '../../../shared/descriptor'
import { NAME_MAX, nameLength } from '../../../shared/limits'

const CONTROL = /[\p{Cc}\u2028\u2029]/u
/** The longest name the provider takes, as its descriptor states it for the create form, within the channel's bound. */
export function nameLimit(d: ProviderDescriptor): number {
  const own = d.create.fields.find((f) => f.name === 'name')?.maxLength
  return Math.min(own ?? NAME_MAX, NAME_MAX)
}

/** The message for an invalid name, or null. `optional`: blank means "let the service pick its default name". */
export function nameProblem(raw: string, optional: boolean, max = NAME_MAX): string | null {
  const name = raw.trim()
  if (name === '') return optional ? null : 'Enter a name.'
  // Counted as the services count: an emoji is one character.
  const length = nameLength(name)
  if (length > max) return `Keep the name to ${max} characters (it has ${length}).`
  if (CONTROL.test(name)) return 'Use printable characters only: no tabs, line breaks or control characters.'
  return null
}
