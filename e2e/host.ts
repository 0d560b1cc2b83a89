// Starts the real browser host (real core, built renderer) for a spec, over loopback, with its own data dir.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { valueFromWire } from '../src/shared/key-list-wire'

export interface RunningHost {
  /** A fresh one-time launch URL each time it is read (the host printed a pool of them). */
  readonly openUrl: string
  readonly dataDir: string
  /** What the host wrote to stderr so far: its redacted request log, for a failing test's report. */
  readonly log: () => string
  /** Calls a channel of the map over the host's HTTP API, as the renderer does; throws on an error reply. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>
  stop(): Promise<void>
}

export async function launchHost(opts: { dataDir?: string; args?: string[] } = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'keydesk-e2e-'))
  // One process (node with the tsx loader), so stopping it cannot leave a grandchild host behind.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/host/cli.ts',
      '--data-dir',
      dataDir,
      '--export-dir',
      join(dataDir, 'exports'),
      '--launch-urls',
      '20',
      ...(opts.args ?? []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KEYDESK_VAULT_SERVICE: `KeyDesk Test ${process.pid}` },
    },
  )
  let stderr = ''
  child.stderr?.on('data', (c) => {
    stderr += String(c)
  })
  const urls = await new Promise<string[]>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s: ${stderr}`)), 30_000)
    child.stdout?.on('data', (c) => {
      out += String(c)
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\/launch\/[\w-]+/g) ?? []
      if (found.length >= 20) {
        clearTimeout(timer)
        resolve(found)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited ${code}: ${stderr}`))
    })
  })
  const [own = '', ...spare] = urls
  const { origin } = new URL(own)
  const cookie = await redeem(own)
  return {
    get openUrl() {
      const next = spare.shift()
      if (!next) throw new Error('this host has no unused launch URL left')
      return next
    },
    dataDir,
    log: () => stderr,
    call: async <T>(channel: string, input: unknown = {}): Promise<T> => {
      const res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify(input),
      })
      const reply = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
      if (!reply.ok) throw new Error(`${channel}: ${reply.error?.code} ${reply.error?.message}`)
      // keys.list travels packed (src/shared/key-list-wire.ts): read back as the renderer does.
      return valueFromWire(channel, reply.value) as T
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Opens a one-time launch URL as a browser would, keeping the session cookie it sets. */
export async function redeem(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'manual' })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 303 || !cookie) throw new Error(`the launch URL was refused: HTTP ${res.status}`)
  return cookie
}
