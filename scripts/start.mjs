// npm start [-- --demo]: builds, then runs the Electron app, fetching Electron's binary the first time;
// when the binary cannot be had, says why in one line and runs the browser host instead.
import { spawn, spawnSync } from 'node:child_process'
import { obtainElectron } from './electron-binary.mjs'

const args = process.argv.slice(2)

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const electron = await obtainElectron()
let cmd
let cmdArgs
if (electron.exe) {
  console.log(`\nStarting KeyDesk in Electron (${electron.exe}).\n`)
  cmd = electron.exe
  cmdArgs = ['.', ...args]
} else {
  console.log(`\nNo Electron: ${electron.reason}. Starting the browser host instead (the same app, in your browser).\n`)
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
