// `npm start` as a user meets it: Electron when a binary can be had, the browser host (with one line saying why) when not.
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { electronPackageDir, installedElectron, obtainElectron } from '../../scripts/electron-binary.mjs'

const root = join(import.meta.dirname, '../..')
const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keydesk-start-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A loopback port with nothing listening: a download mirror there is refused at once, on any machine. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const name of names) delete env[name]
  return env
}

const alreadyInstalled = installedElectron(electronPackageDir(), envWithout('ELECTRON_OVERRIDE_DIST_PATH')) !== null

describe('npm start', () => {
  test('launches the executable found through ELECTRON_OVERRIDE_DIST_PATH with the app folder and the user arguments', () => {
    const dist = tempDir()
    const record = join(dist, 'args.txt')
    writeFileSync(join(dist, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > "${record}"\n`)
    chmodSync(join(dist, 'electron'), 0o755)
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--demo'], {
      cwd: root,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist },
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Starting KeyDesk in Electron (${join(dist, 'electron')})`)
    expect(readFileSync(record, 'utf8').split('\n')).toEqual([root, '.', '--demo', ''])
  })

  test('says in one line that the override points nowhere, rather than downloading', async () => {
    const dist = tempDir()
    const result = await obtainElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, log: () => undefined })
    expect(result).toEqual({
      reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${join(dist, 'electron')} does not exist`,
    })
  })

  test.skipIf(alreadyInstalled)(
    'falls back to the browser host when the Electron download is refused, saying why in one line',
    async () => {
      const port = await closedPort()
      const child = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', tempDir()], {
        cwd: root,
        env: {
          ...envWithout('ELECTRON_OVERRIDE_DIST_PATH'),
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: tempDir(),
          // Skips the private-keyring wrapper: this test is about choosing the host, not the keyring.
          DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? 'unix:path=/nonexistent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let out = ''
      child.stdout.on('data', (chunk) => (out += String(chunk)))
      try {
        await new Promise<void>((resolve, reject) => {
          // Our own bound, so the finally below always stops what npm start started.
          const timer = setTimeout(() => reject(new Error(`no host URL within 90 s:\n${out}`)), 90_000)
          child.stdout.on('data', () => {
            if (/is running[^\n]*\nhttp:\/\/127\.0\.0\.1:\d+\//.test(out)) {
              clearTimeout(timer)
              resolve()
            }
          })
          child.once('exit', (code) => {
            clearTimeout(timer)
            reject(new Error(`npm start exited ${code}:\n${out}`))
          })
        })
      } finally {
        child.kill('SIGTERM')
      }
      const lines = out.split('\n').filter((l) => l.startsWith('No Electron:'))
      expect(lines).toEqual([
        `No Electron: the Electron download failed (ECONNREFUSED 127.0.0.1). Starting the browser host instead (the same app, in your browser).`,
      ])
      expect(out).toMatch(/Downloading Electron \d+\.\d+\.\d+ for /)
      expect(out).toContain('KeyDesk (browser host) is running')
    },
  )
})
