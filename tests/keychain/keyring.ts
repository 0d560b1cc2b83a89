// The private gnome-keyring of scripts/with-keyring.sh, locked through the Secret Service and unlocked through the
// daemon's control socket (the Secret Service's own Unlock needs a prompt, and there is no display here).
import { execFileSync } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'

const LOGIN = '/org/freedesktop/secrets/collection/login'

export function lockKeyring(): void {
  execFileSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    `array:objpath:${LOGIN}`,
  ])
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
