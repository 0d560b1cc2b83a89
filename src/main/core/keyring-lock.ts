// Whether the Secret Service's default collection is locked, asked over D-Bus without touching any secret.
// A locked gnome-keyring answers keytar's lookups with "not found" (and findCredentials crashes), so KeyDesk asks first.
import { execFile } from 'node:child_process'

export type KeyringLock = 'unlocked' | 'locked' | 'no-keyring' | 'no-service' | 'unknown'

const TIMEOUT_MS = 3000

export function readKeyringLock(platform: NodeJS.Platform = process.platform): Promise<KeyringLock> {
  if (platform !== 'linux') return Promise.resolve('unknown')
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply=literal',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets/aliases/default',
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ],
      { timeout: TIMEOUT_MS, env: process.env },
      (err, stdout, stderr) => {
        if (!err) return resolve(/boolean true/.test(stdout) ? 'locked' : 'unlocked')
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return resolve('unknown')
        resolve(/does not exist|UnknownObject|UnknownMethod/i.test(`${stderr}`) ? 'no-keyring' : 'no-service')
      },
    )
  })
}
