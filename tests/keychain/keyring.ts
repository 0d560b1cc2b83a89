// The private gnome-keyring of scripts/with-keyring.sh, locked through the Secret Service and unlocked through the
// daemon's control socket (the Secret Service's own Unlock needs a prompt, and there is no display here).
import { execFileSync } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import dbus from '@particle/dbus-next'

const LOGIN = '/org/freedesktop/secrets/collection/login'

/** A Ping first, as KeyDesk does: gnome-keyring can abort on a new client whose first call needs its client record. */
export async function lockKeyring(): Promise<void> {
  const bus = dbus.sessionBus()
  const call = (member: string, iface: string, signature?: string, body?: unknown[]): Promise<unknown> =>
    bus.call(
      new dbus.Message({
        destination: 'org.freedesktop.secrets',
        path: '/org/freedesktop/secrets',
        interface: iface,
        member,
        signature,
        body,
      }),
    )
  try {
    await call('Ping', 'org.freedesktop.DBus.Peer')
    await call('Lock', 'org.freedesktop.Secret.Service', 'ao', [[LOGIN]])
  } finally {
    bus.disconnect()
  }
}

/** gnome-keyring's control protocol: a nul byte, then [length, op UNLOCK=1, password as length + bytes]; reply [8, 0]. */
export function unlockKeyring(password = 'test'): Promise<void> {
  const pw = Buffer.from(password)
  const packet = Buffer.alloc(12 + pw.length)
  packet.writeUInt32BE(packet.length, 0)
  packet.writeUInt32BE(1, 4)
  packet.writeUInt32BE(pw.length, 8)
  pw.copy(packet, 12)
  return new Promise((resolve, reject) => {
    const socket = connect(join(process.env.GNOME_KEYRING_CONTROL ?? '', 'control'))
    let reply = Buffer.alloc(0)
    socket.on('connect', () => socket.write(Buffer.concat([Buffer.from([0]), packet])))
    socket.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk])
      if (reply.length < 8) return
      socket.end()
      if (reply.readUInt32BE(4) === 0) resolve()
      else reject(new Error(`gnome-keyring refused the unlock (result ${reply.readUInt32BE(4)})`))
    })
    socket.on('error', reject)
  })
}

/** The pid of the process that owns the Secret Service's name on this session bus (the keyring daemon). */
export function keyringDaemonPid(): number {
  const out = execFileSync(
    'dbus-send',
    [
      '--session',
      '--print-reply=literal',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8' },
  )
  return Number(/uint32\s+(\d+)/.exec(out)?.[1])
}

/**
 * Runs fn with the keyring daemon stopped (SIGSTOP): a daemon that takes as long as fn to answer anything. It answers
 * again when fn ends, whatever fn ends in. Keychain test files run one at a time, so no other file sees the pause.
 */
export async function withDaemonPaused<T>(fn: () => Promise<T>): Promise<T> {
  const pid = keyringDaemonPid()
  process.kill(pid, 'SIGSTOP')
  try {
    return await fn()
  } finally {
    process.kill(pid, 'SIGCONT')
  }
}
