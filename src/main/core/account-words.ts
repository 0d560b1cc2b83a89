// What the user is told about an account's credential, in words that fit how they got there.
import type { CredentialField, ProviderDescriptor } from '../../shared/descriptor'
import { AppError } from '../../shared/errors'
import type { Credential } from '../../shared/model'

/**
 * A credential being entered is new: "sign in again" would be wrong; say what to check instead. `entered` is what
 * the user filled in `form` (SpaceONE's, for a Cloudforet 2.x secret), absent when nobody typed anything (an endpoint
 * edit re-checks the kept credential): only the filled secret fields that reached the service as typed are named, so
 * a password nobody typed, or one a sign-in already accepted, is not blamed.
 */
export function notAccepted(
  err: unknown,
  d: ProviderDescriptor,
  endpoint: string,
  sent: Credential,
  entered: Credential | undefined,
  form: ProviderDescriptor = d,
): unknown {
  if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED') return err
  return new AppError('AUTH_FAILED', `${d.name} at ${new URL(endpoint).host} ${refusal(sent, entered, form)}`)
}

function refusal(sent: Credential, entered: Credential | undefined, form: ProviderDescriptor): string {
  if (!entered)
    return 'did not accept the credential KeyDesk holds for this account. Check the endpoint, or enter the credential again.'
  const filled = form.credential.filter((f) => f.secret && entered[f.name]?.trim())
  const values = new Set(Object.values(sent).map((v) => (typeof v === 'string' ? v.trim() : v)))
  const asTyped = filled.filter((f) => values.has(entered[f.name]?.trim()))
  // Every secret typed was traded for a session (a sign-in): the service took them, then refused what it gave.
  if (filled.length > 0 && asTyped.length === 0)
    return 'signed KeyDesk in, then did not accept the session it gave. Try again in a moment.'
  const what = asTyped.length > 0 ? asTyped.map(fieldName).join(' and ') : 'credential'
  return `did not accept the ${what} you entered. Check that you copied all of it, and that it belongs to this endpoint.`
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
