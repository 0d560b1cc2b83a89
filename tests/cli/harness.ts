// Runs the real `keydesk` bundle as a process against the real sandbox and the private keyring of with-keyring.sh.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startSandbox, type Sandbox, type SandboxAccount, type SandboxOptions } from '../../src/sandbox'
import type { AuditEntry } from '../../src/shared/audit'
import type { AccountView, Propagation, Rotation } from '../../src/shared/model'

export const BIN = resolve(import.meta.dirname, '../../out/cli/keydesk.js')
/** A keychain service of the tests' own, so nothing touches a developer's "KeyDesk Dev" entries. */
export const VAULT_SERVICE = 'KeyDesk CLI Test'

/** What `--json` prints, as the tests read it: each command fills the fields of its own answer. */
export interface CliJson {
  readonly accounts: readonly AccountView[]
  readonly account: AccountView
  readonly added: readonly AccountView[]
  readonly error: { readonly code: string; readonly exitCode: number; readonly message: string }
  readonly entries: readonly AuditEntry[]
  readonly key: { readonly keyId: string; readonly state: string; readonly account: string }
  readonly failures: readonly { readonly accountId: string; readonly code: string; readonly message: string }[]
  readonly rotations: readonly Rotation[]
  readonly rotation: Rotation
  readonly propagation: Propagation | null
  readonly propagations: readonly Propagation[]
}

export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  /** stdout parsed as JSON (throws when it is not). */
  json<T = CliJson>(): T
}

export interface RunOptions {
  readonly input?: string
  readonly env?: Readonly<Record<string, string | undefined>>
}

export function requireBundle(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build:cli\` first (npm test does).`)
}

export function keydesk(dataDir: string, args: readonly string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, KEYDESK_DATA_DIR: dataDir, KEYDESK_VAULT_SERVICE: VAULT_SERVICE, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.once('error', fail)
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      done({
        code: code ?? 128 + (signal ? 9 : 0),
        stdout,
        stderr,
        json: <T>() => JSON.parse(stdout) as T,
      })
    })
    child.stdin.end(opts.input ?? '')
  })
}

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `keydesk-cli-${name}-`))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

export function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: 'cli-tests', log: () => undefined, ...options })
}

export function seed(sb: Sandbox, provider: SandboxAccount['provider'], n = 1): SandboxAccount {
  const found = sb.accounts.filter((a) => a.provider === provider)[n - 1]
  if (!found) throw new Error(`no ${provider} account ${n} in the sandbox`)
  return found
}

/** Adds a sandbox account through the CLI and returns its id. */
export async function addAccount(dataDir: string, account: SandboxAccount, label = account.label): Promise<string> {
  const r = await keydesk(
    dataDir,
    ['accounts', 'add', '--json', '--provider', account.provider, '--label', label, '--endpoint', account.endpoint],
    { input: JSON.stringify(account.credentials) },
  )
  if (r.code !== 0) throw new Error(`accounts add failed (${r.code}): ${r.stderr}`)
  return r.json<{ account: { id: string } }>().account.id
}

export async function control(sb: Sandbox, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'X-Sandbox-Token': sb.controlToken, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status}`)
}
