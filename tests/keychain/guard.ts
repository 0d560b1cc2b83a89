// Keychain tests need the private keyring of scripts/with-keyring.sh. Outside it they skip; under CI they must run.
import { expect, it } from 'vitest'

export const hasKeyring = !!process.env.GNOME_KEYRING_CONTROL && !!process.env.DBUS_SESSION_BUS_ADDRESS

export function requireKeyringInCi(): void {
  if (process.env.CI && !hasKeyring) {
    it('runs under scripts/with-keyring.sh in CI', () => {
      expect.fail('CI must run the keychain tests under scripts/with-keyring.sh')
    })
  }
}
