// Whether the Secret Service's default collection is locked, asked over D-Bus without touching any secret.
// A locked gnome-keyring answers keytar's lookups with "not found" (and findCredentials crashes), so KeyDesk asks first.
import { spawn } from 'node:child_process'
import type { Socket } from 'node:net'

/** `slow`: a Secret Service is there but did not answer in time (busy, or waiting on a prompt): not the same as none. */
export type KeyringLock = 'unlocked' | 'locked' | 'no-keyring' | 'no-service' | 'slow' | 'unknown'

/**
 * How long KeyDesk waits for the answer; the question itself is never cut short (see below). Under the keychain
 * client's 8 s per call, and long enough for a daemon that is only busy (a loaded machine stalled it past 3 s).
 */
export const LOCK_WAIT_MS = 6000

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
      resolve('slow')
    }, LOCK_WAIT_MS)
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
