// The lock question to a slow keyring is never cut short: gnome-keyring aborts when a client that asked for a property
// is gone before its answer, so KeyDesk stops waiting but leaves dbus-send to finish (a fake dbus-send on PATH here).
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it } from 'vitest'
import { readKeyringLock } from '../../src/main/core/keyring-lock'

const dir = mkdtempSync(join(tmpdir(), 'keydesk-dbus-send-'))
const PATH = process.env.PATH
afterEach(() => {
  process.env.PATH = PATH
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fakeDbusSend(script: string): void {
  writeFileSync(join(dir, 'dbus-send'), `#!/bin/sh\n${script}\n`)
  chmodSync(join(dir, 'dbus-send'), 0o755)
  process.env.PATH = `${dir}:${PATH ?? ''}`
}

it('stops waiting for a slow keyring without killing the question it asked', async () => {
  const done = join(dir, 'finished')
  fakeDbusSend(`echo $$ > ${dir}/pid; sleep 7; echo '   variant       boolean false'; touch ${done}`)
  const started = Date.now()
  expect(await readKeyringLock('linux')).toBe('slow')
  expect(Date.now() - started).toBeLessThan(6900)
  const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'))
  expect(() => process.kill(pid, 0)).not.toThrow()
  await expect.poll(() => existsSync(done), { timeout: 8000, interval: 100 }).toBe(true)
})

it('does not keep its process alive for a question it stopped waiting for', () => {
  fakeDbusSend(`sleep 16; echo '   variant       boolean false'`)
  const started = Date.now()
  const answer = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./src/main/core/keyring-lock.ts').then((m) => m.readKeyringLock('linux')).then(console.log)",
    ],
    { encoding: 'utf8', env: process.env, timeout: 20_000 },
  )
  expect(answer.trim()).toBe('slow')
  // The process ended once it stopped waiting (6 s), not when dbus-send did (16 s).
  expect(Date.now() - started).toBeLessThan(13_000)
})

it('reads the lock from the answer', async () => {
  fakeDbusSend("echo '   variant       boolean true'")
  expect(await readKeyringLock('linux')).toBe('locked')
  fakeDbusSend("echo '   variant       boolean false'")
  expect(await readKeyringLock('linux')).toBe('unlocked')
  fakeDbusSend("echo 'Error org.freedesktop.DBus.Error.UnknownObject: does not exist' >&2; exit 1")
  expect(await readKeyringLock('linux')).toBe('no-keyring')
})
