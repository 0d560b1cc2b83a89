// What the user reads when the keychain cannot be used: the fix for their platform.
const LINUX_FIX =
  'Install and unlock a Secret Service provider such as gnome-keyring (Debian: apt-get install gnome-keyring) ' +
  'and run KeyDesk inside a desktop session with a D-Bus session bus.'

export function platformFix(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Unlock your login keychain in Keychain Access, then retry.'
  if (platform === 'win32') return 'Make sure Windows Credential Manager is running for your user, then retry.'
  return LINUX_FIX
}
