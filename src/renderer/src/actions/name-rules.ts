// Key names: trimmed, printable, within the provider's limit. Checked here so a bad name never reaches the service.
import type { ProviderDescriptor } from '../../../shared/descriptor'

const CONTROL = /[\p{Cc}\u2028\u2029]/u
/** The channel's own bound (keys.create and keys.rename): no provider's limit goes beyond it. */
export const MAX_NAME = 255

/** The longest name the provider takes, as its descriptor states it for the create form, within the channel's bound. */
export function nameLimit(d: ProviderDescriptor): number {
  const own = d.create.fields.find((f) => f.name === 'name')?.maxLength
  return Math.min(own ?? MAX_NAME, MAX_NAME)
}

/** The message for an invalid name, or null. `optional`: blank means "let the service pick its default name". */
export function nameProblem(raw: string, optional: boolean, max = MAX_NAME): string | null {
  const name = raw.trim()
  if (name === '') return optional ? null : 'Enter a name.'
  if (name.length > max) return `Keep the name to ${max} characters (it has ${name.length}).`
  if (CONTROL.test(name)) return 'Use printable characters only: no tabs, line breaks or control characters.'
  return null
}
