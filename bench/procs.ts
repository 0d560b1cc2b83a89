// Child processes the bench drives: the sandbox and the browser host, each one plain `node --import tsx` process
// (no npx/tsx wrapper in between), so the pid we hold is the process we measure.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { SandboxAccount } from '../src/sandbox/index'

export const ROOT = join(import.meta.dirname, '..')
const START_LIMIT_MS = 60_000
const STOP_LIMIT_MS = 5_000
const live = new Set<ChildProcess>()

function tsx(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env },
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Resolves with the first stdout line that `pick` accepts; rejects on exit or after the start limit. */
function firstLine<T>(child: ChildProcess, what: string, pick: (line: string) => T | undefined): Promise<T> {
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => { stderr = (stderr + String(c)).slice(-2000) })
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in ${START_LIMIT_MS / 1000} s: ${stderr}`)), START_LIMIT_MS)
    const onExit = (code: number | null): void => { clearTimeout(timer); reject(new Error(`${what} exited ${code}: ${stderr}`)) }
    child.once('exit', onExit)
    if (!child.stdout) return reject(new Error(`${what} has no stdout`))
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      const value = pick(line)
      if (value === undefined) return
      clearTimeout(timer)
      child.off('exit', onExit)
      lines.close()
      child.stdout?.resume()
      resolve(value)
    })
  })
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), STOP_LIMIT_MS).unref())
  if ((await Promise.race([exited, timer])) === 'late') child.kill('SIGKILL')
}

/** Ends every child still running; for the bench's exit path. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map(stop))
}

export interface SandboxProc {
  readonly url: string
  readonly accounts: readonly SandboxAccount[]
  stop(): Promise<void>
}

export interface SandboxSpec {
  readonly latencyMs: number
  readonly keysPerAccount: number
  readonly accountsPerProvider: number
  readonly seed: string
}

export async function startSandboxProc(spec: SandboxSpec): Promise<SandboxProc> {
  const child = tsx('src/sandbox/cli.ts', ['--port', '0', '--latency-ms', String(spec.latencyMs),
    '--keys-per-account', String(spec.keysPerAccount), '--accounts-per-provider', String(spec.accountsPerProvider), '--seed', spec.seed])
  const first = await firstLine(child, 'sandbox', (line) => {
    if (!line.startsWith('{')) return undefined
    return JSON.parse(line) as { url: string; accounts: SandboxAccount[] }
  })
  return { url: first.url, accounts: first.accounts, stop: () => stop(child) }
}

export interface HostProc {
  readonly openUrl: string
  readonly origin: string
  readonly token: string
  readonly pid: number
  /** One channel of the map over the host's HTTP API, as the renderer calls it; throws on an error reply. */
  call<T>(channel: string, input?: unknown): Promise<T>
  stop(): Promise<void>
}

export async function startHostProc(dataDir: string): Promise<HostProc> {
  const child = tsx('src/host/cli.ts', ['--data-dir', dataDir, '--port', '0'],
    { KEYDESK_VAULT_SERVICE: `KeyDesk Bench ${process.pid}` })
  const openUrl = await firstLine(child, 'browser host', (line) => /^(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/.exec(line)?.[1])
  const { origin, hash } = new URL(openUrl)
  const token = hash.replace('#token=', '')
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-keydesk-token': token }, body: JSON.stringify(input),
    })
    const reply = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code} ${reply.error?.message}`)
    return reply.value as T
  }
  if (child.pid === undefined) throw new Error('browser host has no pid')
  return { openUrl, origin, token, pid: child.pid, call, stop: () => stop(child) }
}

/** Resident set size of a live process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!m?.[1]) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(m[1]) / 1024
}
