// The lock check against a Secret Service on a private D-Bus: one connection, each question opened with a Ping (so
// gnome-keyring admits the client before anything that needs it) and asked by the collection's own path; a slow
// answer is waited for 6 s and never cut short.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  service.unadmitted = 0
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

it('asks once more when the first answer is "no default collection", which a daemon still admitting may give', async () => {
  const reader = new KeyringLockReader('linux')
  service.unadmitted = 1
  expect(await reader.read()).toBe('unlocked')
  expect(service.calls.filter((c) => c.member === 'ReadAlias')).toHaveLength(2)
  reader.close()

  // No default collection at all: two questions, the same answer.
  service.calls.length = 0
  service.alias = '/'
  const none = new KeyringLockReader('linux')
  expect(await none.read()).toBe('no-keyring')
  expect(service.calls.filter((c) => c.member === 'ReadAlias')).toHaveLength(2)
  none.close()
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

it('stops waiting for a slow keyring after 6 s without cutting its question short, and asks it once', async () => {
  const reader = new KeyringLockReader('linux', 20_000)
  service.delayMs = 9000
  const started = Date.now()
  const [first, second] = await Promise.all([reader.read(), reader.read()])
  expect([first, second]).toEqual(['slow', 'slow'])
  expect(Date.now() - started).toBeLessThan(8500)
  expect(reader.unanswered).toBe(1)
  const before = service.answered
  // A read while the question is still open shares it (and its answer): a hung daemon gets one question, not one a call.
  expect(await reader.read()).toBe('unlocked')
  expect(service.calls.filter((c) => c.member === 'Get')).toHaveLength(1)
  expect(service.answered).toBe(before + 1)
  await reader.idle()
  expect(reader.unanswered).toBe(0)
  reader.close()
})

it('asks again beside a question left unanswered for too long, so one lost answer does not stick', async () => {
  const reader = new KeyringLockReader('linux', 7000)
  service.delayMs = 60_000
  expect(await reader.read()).toBe('slow')
  expect(reader.unanswered).toBe(1)
  service.delayMs = 0
  // Within the renewal time the open question is shared (still no answer); past it, a new one is asked.
  expect(await reader.read()).toBe('slow')
  expect(await reader.read()).toBe('unlocked')
  expect(service.calls.filter((c) => c.member === 'Get')).toHaveLength(2)
  reader.close()
})

it('finds the user bus at $XDG_RUNTIME_DIR/bus when no session bus address is set', async () => {
  const runtime = mkdtempSync(join(tmpdir(), 'keydesk-runtime-'))
  symlinkSync(bus.address.replace(/^unix:path=/, '').split(',')[0] ?? '', join(runtime, 'bus'))
  const before = { address: process.env.DBUS_SESSION_BUS_ADDRESS, runtime: process.env.XDG_RUNTIME_DIR }
  delete process.env.DBUS_SESSION_BUS_ADDRESS
  process.env.XDG_RUNTIME_DIR = runtime
  try {
    const reader = new KeyringLockReader('linux')
    expect(await reader.read()).toBe('unlocked')
    reader.close()
  } finally {
    process.env.DBUS_SESSION_BUS_ADDRESS = before.address
    process.env.XDG_RUNTIME_DIR = before.runtime
    rmSync(runtime, { recursive: true, force: true })
  }
})

it('ends a question whose bus goes away, and connects again for the next', async () => {
  const other = await startPrivateBus()
  process.env.DBUS_SESSION_BUS_ADDRESS = other.address
  const away = await startFakeSecretService(other.address)
  away.delayMs = 60_000
  const reader = new KeyringLockReader('linux')
  const asked = reader.read()
  await expect.poll(() => away.calls.some((c) => c.member === 'Get')).toBe(true)
  other.stop()
  await reader.idle()
  expect(reader.unanswered).toBe(0)
  expect(await asked).toBe('no-service')
  process.env.DBUS_SESSION_BUS_ADDRESS = bus.address
  expect(await reader.read()).toBe('unlocked')
  reader.close()
})

it('says nothing of a keyring where there is none to ask', async () => {
  expect(await new KeyringLockReader('darwin').read()).toBe('unknown')
})
