// The lock check against a Secret Service on a private D-Bus: one connection, each question opened with a Ping (so
// gnome-keyring admits the client before anything that needs it) and asked by the collection's own path; a slow
// answer is waited for 6 s and never cut short.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { KeyringLockReader } from '../../src/main/core/keyring-lock'
import {
  startFakeSecretService,
  startPrivateBus,
  type FakeSecretService,
  type PrivateBus,
} from '../support/private-bus'

let bus: PrivateBus
let service: FakeSecretService
const ADDRESS = process.env.DBUS_SESSION_BUS_ADDRESS

beforeAll(async () => {
  bus = await startPrivateBus()
  process.env.DBUS_SESSION_BUS_ADDRESS = bus.address
  service = await startFakeSecretService(bus.address)
})
afterAll(() => {
  service?.stop()
  bus?.stop()
  process.env.DBUS_SESSION_BUS_ADDRESS = ADDRESS
})
beforeEach(() => {
  service.calls.length = 0
  service.locked = false
  service.alias = '/org/freedesktop/secrets/collection/login'
  service.delayMs = 0
})

it('reads the lock of the default collection, by its own path after a Ping, on one connection', async () => {
  const reader = new KeyringLockReader('linux')
  service.locked = true
  expect(await reader.read()).toBe('locked')
  service.locked = false
  expect(await reader.read()).toBe('unlocked')
  expect(service.calls.map((c) => `${c.member} ${c.path}`)).toEqual([
    'Ping /org/freedesktop/secrets',
    'ReadAlias /org/freedesktop/secrets',
    'Get /org/freedesktop/secrets/collection/login',
    'Ping /org/freedesktop/secrets',
    'ReadAlias /org/freedesktop/secrets',
    'Get /org/freedesktop/secrets/collection/login',
  ])
  expect(new Set(service.calls.map((c) => c.sender)).size).toBe(1)
  reader.close()
})

it('tells a service without a default collection from no service at all', async () => {
  const reader = new KeyringLockReader('linux')
  service.alias = '/'
  expect(await reader.read()).toBe('no-keyring')
  reader.close()

  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/keydesk-bus'
  const nowhere = new KeyringLockReader('linux')
  expect(await nowhere.read()).toBe('no-service')
  nowhere.close()
  process.env.DBUS_SESSION_BUS_ADDRESS = bus.address
})

it('asks by the alias path a Secret Service that has no ReadAlias', async () => {
  const reader = new KeyringLockReader('linux')
  service.alias = null
  service.locked = true
  expect(await reader.read()).toBe('locked')
  expect(service.calls.map((c) => `${c.member} ${c.path}`).slice(-1)).toEqual([
    'Get /org/freedesktop/secrets/aliases/default',
  ])
  reader.close()
})

it('stops waiting for a slow keyring after 6 s without cutting its question short', async () => {
  const reader = new KeyringLockReader('linux')
  service.delayMs = 7000
  const started = Date.now()
  expect(await reader.read()).toBe('slow')
  expect(Date.now() - started).toBeLessThan(6900)
  expect(reader.unanswered).toBe(1)
  const before = service.answered
  await reader.idle()
  expect(service.answered).toBe(before + 1)
  expect(reader.unanswered).toBe(0)
  reader.close()
})

it('says nothing of a keyring where there is none to ask', async () => {
  expect(await new KeyringLockReader('darwin').read()).toBe('unknown')
})
