// Data the rows share: temporary data directories and sandbox accounts added to a host through its API.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toNewAccount } from '../src/main/core/demo'
import type { SandboxAccount } from '../src/sandbox/index'
import type { HostProc } from './procs'

const dirs: string[] = []
const ADD_CONCURRENCY = 5

export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keydesk-bench-${name}-`))
  dirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** Adds the accounts a few at a time (each is validated against the sandbox and written to the keychain); returns their ids in order. */
export async function addAccounts(host: HostProc, accounts: readonly SandboxAccount[]): Promise<string[]> {
  const ids: string[] = new Array<string>(accounts.length)
  for (let i = 0; i < accounts.length; i += ADD_CONCURRENCY) {
    const batch = accounts.slice(i, i + ADD_CONCURRENCY)
    const added = await Promise.all(batch.map((a) => host.call<{ id: string }>('accounts.add', toNewAccount(a))))
    added.forEach((a, j) => {
      ids[i + j] = a.id
    })
  }
  return ids
}

export function ofProvider(accounts: readonly SandboxAccount[], provider: SandboxAccount['provider']): SandboxAccount {
  const a = accounts.find((x) => x.provider === provider)
  if (!a) throw new Error(`the sandbox has no ${provider} account`)
  return a
}
