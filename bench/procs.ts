// Child processes the bench drives: the sandbox, the browser host and the bundled core. Each is one plain `node`
// process (no npx/tsx wrapper in between), so the pid we hold is the process we measure.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import type { SandboxAccount } from '../src/sandbox/index'
import { valueFromWire } from '../src/shared/key-list-wire'

export const ROOT = join(import.meta.dirname, '..')
const START_LIMIT_MS = 60_000
const STOP_LIMIT_MS = 5_000
const live = new Set<ChildProcess>()
const CONTROL_TOKEN = /control token \(X-Sandbox-Token\): (\S+)/
const OPEN_URL = /^(http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]+)$/

/** A child's stdout as lines, kept from start to exit so no line is missed between waits. */
class Lines {
  private readonly seen: string[] = []
  private readonly waiters = new Set<() => void>()
  private stderr = ''

  constructor(
    private readonly child: ChildProcess,
    private readonly what: string,
  ) {
    child.stderr?.on('data', (c: Buffer) => {
      this.stderr = (this.stderr + String(c)).slice(-2000)
    })
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        this.seen.push(line)
        for (const w of this.waiters) w()
      })
    }
  }

  /** The first line not yet taken that `pick` accepts; rejects on exit or after `limitMs`. */
  take<T>(pick: (line: string) => T | undefined, limitMs = START_LIMIT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer)
        this.waiters.delete(check)
        this.child.off('exit', onExit)
      }
      const check = (): void => {
        for (let i = 0; i < this.seen.length; i += 1) {
          const value = pick(this.seen[i] ?? '')
          if (value === undefined) continue
          this.seen.splice(0, i + 1)
          done()
          resolve(value)
          return
        }
      }
      const onExit = (code: number | null): void => {
        done()
        reject(new Error(`${this.what} exited ${code}: ${this.stderr}`))
      }
      const timer = setTimeout(() => {
        done()
        reject(new Error(`${this.what}: no answer in ${limitMs / 1000} s: ${this.stderr}`))
      }, limitMs)
      this.waiters.add(check)
      this.child.once('exit', onExit)
      check()
    })
  }
}

function spawnNode(
  args: readonly string[],
  what: string,
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; lines: Lines } {
  // KEYDESK_BENCH_PROFILE=DIR: every child writes a CPU profile there when it exits (open it in Chrome's DevTools).
  const dir = process.env.KEYDESK_BENCH_PROFILE
  const child = spawn(process.execPath, [...(dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return { child, lines: new Lines(child, what) }
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
  /** POST /__sandbox/config: latency and faults at run time. */
  configure(body: Readonly<Record<string, unknown>>): Promise<void>
  stop(): Promise<void>
}

export interface SandboxSpec {
  readonly latencyMs: number
  readonly keysPerAccount: number
  readonly accountsPerProvider: number
  readonly seed: string
  /** Onqlave's activation time; the sandbox's default when absent. */
  readonly activationSeconds?: number
}

export async function startSandboxProc(spec: SandboxSpec): Promise<SandboxProc> {
  const { child, lines } = spawnNode(
    [
      '--import',
      'tsx',
      'src/sandbox/cli.ts',
      '--port',
      '0',
      '--latency-ms',
      String(spec.latencyMs),
      '--keys-per-account',
      String(spec.keysPerAccount),
      '--accounts-per-provider',
      String(spec.accountsPerProvider),
      '--seed',
      spec.seed,
      ...(spec.activationSeconds === undefined ? [] : ['--activation-seconds', String(spec.activationSeconds)]),
    ],
    'sandbox',
  )
  let controlToken = ''
  child.stderr?.on('data', (c: Buffer) => {
    controlToken ||= CONTROL_TOKEN.exec(String(c))?.[1] ?? ''
  })
  const first = await lines.take((line) =>
    line.startsWith('{') ? (JSON.parse(line) as { url: string; accounts: SandboxAccount[] }) : undefined,
  )
  const configure = async (body: Readonly<Record<string, unknown>>): Promise<void> => {
    const res = await fetch(`${first.url}/__sandbox/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-token': controlToken },
      body: JSON.stringify(body),
    })
    if (res.status !== 200) throw new Error(`sandbox config: HTTP ${res.status} ${await res.text()}`)
  }
  return { url: first.url, accounts: first.accounts, configure, stop: () => stop(child) }
}

export interface HostProc {
  /** A fresh one-time launch URL each time it is read, for a browser page (the host printed a pool of them). */
  readonly openUrl: string
  readonly origin: string
  /** The session cookie the bench's own calls carry (from the first launch URL the host printed). */
  readonly cookie: string
  readonly pid: number
  /** One channel of the map over the host's HTTP API, as the renderer calls it; throws on an error reply. */
  call<T>(channel: string, input?: unknown): Promise<T>
  stop(): Promise<void>
}

async function hostOf(child: ChildProcess, lines: Lines, launches: number): Promise<HostProc> {
  const urls: string[] = []
  for (let i = 0; i < launches; i += 1) urls.push(await lines.take((line) => OPEN_URL.exec(line)?.[1]))
  const [own, ...pool] = urls
  if (!own) throw new Error('the host printed no launch URL')
  const { origin } = new URL(own)
  const cookie = await redeem(own)
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify(input),
    })
    const reply = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code} ${reply.error?.message}`)
    // keys.list travels packed (src/shared/key-list-wire.ts): read back as the renderer does.
    return valueFromWire(channel, reply.value) as T
  }
  if (child.pid === undefined) throw new Error('the child has no pid')
  const pid = child.pid
  return {
    get openUrl() {
      const next = pool.shift()
      if (!next) throw new Error(`the host's ${launches - 1} launch URLs are used up`)
      return next
    },
    origin,
    cookie,
    pid,
    call,
    stop: () => stop(child),
  }
}

/** Opens a one-time launch URL as a browser would, keeping the session cookie it sets. */
async function redeem(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 303 || !cookie) throw new Error(`the launch URL was refused: HTTP ${res.status}`)
  return cookie
}

/** The launch URLs bench/core-child.ts prints. */
const CORE_LAUNCHES = 10
/** The most the host prints: one for the bench's own calls, the rest for the pages the rows open on one host. */
const LAUNCHES = 20
/**
 * The keychain service of one data directory's hosts, as a user's KeyDesk has its own: with one service for every
 * directory of the run, each host's Repair found the other directories' entries as orphans and read them all.
 */
export function vaultService(dataDir: string): string {
  return `KeyDesk Bench ${process.pid} ${basename(dataDir)}`
}

/** `npm run web` as a user runs it: src/host/cli.ts under tsx, the real core, the built renderer. */
export async function startHostProc(dataDir: string): Promise<HostProc> {
  const { child, lines } = spawnNode(
    ['--import', 'tsx', 'src/host/cli.ts', '--data-dir', dataDir, '--port', '0', '--launch-urls', String(LAUNCHES)],
    'browser host',
    { KEYDESK_VAULT_SERVICE: vaultService(dataDir) },
  )
  return hostOf(child, lines, LAUNCHES)
}

export interface CoreProc extends HostProc {
  /** Runs a full garbage collection in the child, then returns its resident set size in MB. */
  rssAfterGcMb(): Promise<number>
  /** The V8 heap and external memory (MB) the child reported with the last collection. */
  lastMemory(): Record<string, unknown>
}

/** The bundled core (bench/core-child.ts, see bench/core-bundle.ts), started with --expose-gc. */
export async function startCoreProc(bundle: string, dataDir: string): Promise<CoreProc> {
  const { child, lines } = spawnNode(
    ['--expose-gc', bundle, '--data-dir', dataDir, '--renderer-dir', join(ROOT, 'out/renderer')],
    'core',
    { KEYDESK_VAULT_SERVICE: vaultService(dataDir) },
  )
  const host = await hostOf(child, lines, CORE_LAUNCHES)
  let memory: Record<string, unknown> = {}
  return {
    ...host,
    rssAfterGcMb: async () => {
      child.kill('SIGUSR2')
      memory = await lines.take(
        (line) => (line.startsWith('memory ') ? (JSON.parse(line.slice(7)) as Record<string, unknown>) : undefined),
        STOP_LIMIT_MS,
      )
      await lines.take((line) => (line === 'gc done' ? true : undefined), STOP_LIMIT_MS)
      return rssMb(host.pid)
    },
    lastMemory: () => memory,
  }
}

/** Resident set size of a live process, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!m?.[1]) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(m[1]) / 1024
}
