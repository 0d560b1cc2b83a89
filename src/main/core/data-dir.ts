// Where KeyDesk keeps its files, and which keychain service holds its secrets, for front ends that are not Electron.
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where Electron's app.getPath('userData') points for "KeyDesk", so the app, the browser host and the CLI share accounts. */
export function defaultDataDir(platform = process.platform, env = process.env, home = homedir()): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'KeyDesk')
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'KeyDesk')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'KeyDesk')
}

/** The unpackaged app keeps its secrets under "KeyDesk Dev"; KEYDESK_VAULT_SERVICE names another (e.g. "KeyDesk"). */
export function defaultVaultService(env = process.env): string {
  return env.KEYDESK_VAULT_SERVICE ?? 'KeyDesk Dev'
}
