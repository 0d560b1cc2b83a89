// npm start [-- --demo]: builds, then runs Electron when its binary exists; otherwise says so and runs the browser host.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const args = process.argv.slice(2)

/** Never require('electron') here: in plain Node that starts a download. */
function electronBinary() {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathTxt = join(dir, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const exe = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const exe = electronBinary()
let cmd
let cmdArgs
if (exe) {
  cmd = exe
  cmdArgs = ['.', ...args]
} else {
  console.log('\nNo Electron binary is installed on this machine (it cannot be downloaded here),')
  console.log('so KeyDesk starts its browser host instead: the same app, in your browser, on 127.0.0.1.\n')
  cmd = process.execPath
  cmdArgs = ['--import', 'tsx', 'src/host/cli.ts', ...args]
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    console.log('No desktop session keyring was found, so this run uses a private, temporary gnome-keyring:')
    console.log('credentials you add are kept only until KeyDesk stops. On a desktop, run it inside your session.\n')
    cmdArgs = [cmd, ...cmdArgs]
    cmd = 'scripts/with-keyring.sh'
  }
}
const child = spawn(cmd, cmdArgs, { stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
