// Whether the Secret Service's default collection is locked, asked over D-Bus without touching any secret.
// A locked gnome-keyring answers keytar's lookups with "not found" (and findCredentials crashes), so KeyDesk asks first.
import { spawn } from 'node:child_process'
import type { Socket } from 'node:net'

export type KeyringLock = 'unlocked' | 'locked' | 'no-keyring' | 'no-service' | 'unknown'

/** How long KeyDesk waits for the answer; the question itself is never cut short (see below). */
const TIMEOUT_MS = 3000

export function readKeyringLock(platform: NodeJS.Platform = process.platform): Promise<KeyringLock> {
  if (platform !== 'linux') return Promise.resolve('unknown')
  return new Promise((resolve) => {
    // Never killed: gnome-keyring (Debian 12) aborts when a client that asked for a property is gone before its idle
    // answer runs ("gkd_secret_service_get_pkcs11_session: assertion 'client' failed", then a GLib-GIO assertion).
    // Killing dbus-send on a slow daemon took the whole keyring down, so a late answer is left to dbus-send's own
    // reply timeout, and KeyDesk stops waiting on its own.
    const child = spawn(
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
      { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const late = setTimeout(() => {
      // Nothing of dbus-send keeps this process alive once KeyDesk stopped waiting for it.
      child.unref()
      // A child's pipes are sockets at run time, though typed as plain streams.
      ;(child.stdout as Socket).unref()
      ;(child.stderr as Socket).unref()
      resolve('no-service')
    }, TIMEOUT_MS)
    late.unref()
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(late)
      resolve(err.code === 'ENOENT' ? 'unknown' : 'no-service')
    })
    child.once('close', (code) => {
      clearTimeout(late)
      if (code === 0) return resolve(/boolean true/.test(stdout) ? 'locked' : 'unlocked')
      resolve(/does not exist|UnknownObject|UnknownMethod/i.test(stderr) ? 'no-keyring' : 'no-service')
    })
  })
}
