// Fake utilityProcess: a Node child process whose module sees Electron's `process.parentPort` (utility-bootstrap.mjs).
import { fork, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import type { ForkOptions } from 'electron'

export const forked: { modulePath: string; serviceName: string | undefined }[] = []

export class FakeUtilityProcess extends EventEmitter {
  constructor(private readonly child: ChildProcess) {
    super()
    child.on('spawn', () => this.emit('spawn'))
    // Electron hands the parent the message itself (not a MessageEvent) and the exit code.
    child.on('message', (message) => this.emit('message', message))
    child.on('exit', (code) => this.emit('exit', code ?? 1))
  }
  get pid(): number | undefined {
    return this.child.pid
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never)
  }
  kill(): boolean {
    return this.child.kill()
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): FakeUtilityProcess {
    forked.push({ modulePath, serviceName: options.serviceName })
    // Guess: Electron's structured clone is closest to Node's 'advanced' serialisation.
    const child = fork(join(import.meta.dirname, 'utility-bootstrap.mjs'), [modulePath, ...args], {
      env: (options.env ?? process.env) as NodeJS.ProcessEnv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      execArgv: [],
    })
    return new FakeUtilityProcess(child)
  },
}
