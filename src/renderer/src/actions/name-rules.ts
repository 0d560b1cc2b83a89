// CloudMC key names: trimmed, 1–255 characters, printable. Checked here so a bad name never reaches the service.
const CONTROL = /[\p{Cc}\u2028\u2029]/u
export const MAX_NAME = 255

/** The message for an invalid name, or null. `optional`: blank means "let the service pick its default name". */
export function nameProblem(raw: string, optional: boolean, max = MAX_NAME): string | null {
  const name = raw.trim()
  if (name === '') return optional ? null : 'Enter a name.'
  if (name.length > max) return `Keep the name to ${max} characters (it has ${name.length}).`
  if (CONTROL.test(name)) return 'Use printable characters only: no tabs, line breaks or control characters.'
  return null
}
