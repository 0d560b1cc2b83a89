// What the user is told about an account's credential, in words that fit how they got there.
import type { ProviderDescriptor } from '../../shared/descriptor'
import { AppError } from '../../shared/errors'

/** A credential being entered is new: "sign in again" would be wrong; say what to check instead. */
export function notAccepted(err: unknown, d: ProviderDescriptor, endpoint: string): unknown {
  if (!(err instanceof AppError) || err.code !== 'AUTH_FAILED') return err
  const what = d.credential
    .filter((f) => f.secret)
    .map((f) => f.label.toLowerCase())
    .join(' or ')
  return new AppError(
    'AUTH_FAILED',
    `${d.name} at ${new URL(endpoint).host} did not accept this ${what}. Check that you copied all of it, and that it belongs to this endpoint.`,
  )
}

/** Said of an imported account, and of one whose keychain entry was lost: both need the credential entered. */
export function waitingMessage(label: string): string {
  return `KeyDesk has no credential for ${label} in the keychain (an imported account arrives without one): enter it with "Re-enter credential" in the account's menu.`
}
