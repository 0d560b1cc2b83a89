// A D-Bus session bus of the test's own (dbus-daemon, stopped by its pid), and a Secret Service on it that answers
// KeyDesk's lock check as told and keeps the calls it received, in order.
import { spawn } from 'node:child_process'
import dbus from '@particle/dbus-next'

const ROOT = '/org/freedesktop/secrets'

export interface PrivateBus {
  readonly address: string
  stop(): void
}

export function startPrivateBus(): Promise<PrivateBus> {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    daemon.once('error', reject)
    daemon.once('exit', (code) => reject(new Error(`dbus-daemon exited ${code}`)))
    daemon.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const address = /^(unix:\S+)\n/m.exec(out)?.[1]
      if (address) resolve({ address, stop: () => daemon.kill() })
    })
  })
}

export interface FakeSecretService {
  /** "member path" of each call received, in order, with the sender's unique name. */
  readonly calls: { member: string; path: string; sender: string }[]
  /** Answers given so far (a delayed answer counts once sent). */
  answered: number
  locked: boolean
  /** What ReadAlias("default") returns: "/" when there is no default collection; null: a service without ReadAlias. */
  alias: string | null
  /** How long each Get waits before its answer. */
  delayMs: number
  /** How many ReadAlias calls still get "/" first, as gnome-keyring may answer a client it has not admitted yet. */
  unadmitted: number
  stop(): void
}

export async function startFakeSecretService(address: string): Promise<FakeSecretService> {
  const bus = dbus.sessionBus({ busAddress: address })
  const fake: FakeSecretService = {
    calls: [],
    answered: 0,
    locked: false,
    alias: '/org/freedesktop/secrets/collection/login',
    delayMs: 0,
    unadmitted: 0,
    stop: () => bus.disconnect(),
  }
  const reply = (msg: dbus.Message, signature?: string, body?: unknown[]): void => {
    bus.send(dbus.Message.newMethodReturn(msg, signature, body))
    fake.answered++
  }
  bus.addMethodHandler((msg: dbus.Message) => {
    fake.calls.push({ member: msg.member, path: msg.path, sender: msg.sender })
    if (msg.member === 'Ping') reply(msg)
    else if (msg.member === 'ReadAlias' && fake.unadmitted > 0) {
      fake.unadmitted--
      reply(msg, 'o', ['/'])
    } else if (msg.member === 'ReadAlias' && fake.alias !== null) reply(msg, 'o', [fake.alias])
    else if (msg.member === 'Get' && (msg.path === fake.alias || msg.path === `${ROOT}/aliases/default`)) {
      const locked = fake.locked
      setTimeout(() => reply(msg, 'v', [new dbus.Variant('b', locked)]), fake.delayMs)
    } else {
      // dbus-next's typings give newError a string; its code takes the call it answers.
      const call = msg as unknown as string
      const unknown = msg.member === 'ReadAlias' ? 'UnknownMethod' : 'UnknownObject'
      bus.send(dbus.Message.newError(call, `org.freedesktop.DBus.Error.${unknown}`, 'not here'))
    }
    return true
  })
  await bus.requestName('org.freedesktop.secrets', 0)
  return fake
}
