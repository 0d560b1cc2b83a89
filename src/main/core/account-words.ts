// What the user is told about an account's credential, in words that fit how they got there.
import type { CredentialField, ProviderDescriptor } from '../../shared/descriptor'
import { AppError } from '../../shared/errors'
import type { Credential } from '../../shared/model'

/**
 * A credential being entered is new: "sign in again" would be wrong; say what to check instead. `entered` is what
 * the user filled in `form` (SpaceONE's, for a Cloudforet 2.x secret): only its filled secret fields are named, so
 * a password nobody typed is not blamed.
 */
export function notAccepted(
  err: unknown,
  d: ProviderDescriptor,
  endpoint: string,
  entered: Credential,
  form: ProviderDescriptor = d,
): unknown {
  if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED') return err
  const named = form.credential.filter((f) => f.secret && entered[f.name]?.trim()).map(fieldName)
  const what = named.length > 0 ? named.join(' and ') : 'credential'
  return new AppError(
    'AUTH_FAILED',
    `${d.name} at ${new URL(endpoint).host} did not accept the ${what} you entered. Check that you copied all of it, and that it belongs to this endpoint.`,
  )
}

/**
 * A field's label inside a sentence: "API key" and "(JWT)" keep their capitals, "Password" becomes "password",
 * and a form hint in brackets ("(only with an access token)") is left to the form.
 */
function fieldName(f: CredentialField): string {
  const label = f.label.replace(/\s*\((?![A-Z0-9]+\))[^)]*\)$/, '')
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
}

/** Said of an imported account, and of one whose keychain entry was lost: both need the credential entered. */
export function waitingMessage(label: string): string {
  return `KeyDesk has no credential for ${label} in the keychain (an imported account arrives without one): enter it with "Re-enter credential" in the account's menu.`
}
