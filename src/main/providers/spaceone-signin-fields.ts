// The sign-in fields of the SpaceONE / Cloudforet account form (descriptor data only: the renderer's tests load it).
import type { CredentialField } from '../../shared/descriptor'

/** The sign-in fields both versions' account forms offer; a password is used once and never kept. */
export const SIGN_IN_FIELDS: readonly CredentialField[] = [
  {
    name: 'domainName',
    label: 'Domain name',
    secret: false,
    group: 'Or sign in (Cloudforet 2.x)',
    hint: 'The domain you sign in to in the console. KeyDesk then keeps a session that lasts up to 3 hours.',
  },
  { name: 'userId', label: 'User ID', secret: false, group: 'Or sign in (Cloudforet 2.x)', hint: '' },
  {
    name: 'password',
    label: 'Password',
    secret: true,
    asTyped: true,
    group: 'Or sign in (Cloudforet 2.x)',
    hint: 'Used once to sign in; KeyDesk never keeps it.',
  },
]
