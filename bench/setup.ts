// Data the rows share: temporary data directories and sandbox accounts added to a host through its API.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toNewAccount } from '../src/main/core/demo'
import type { SandboxAccount } from '../src/sandbox/index'
import type { HostProc } from './procs'

const dirs: string[] = []

export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keydesk-bench-${name}-`))
  dirs.push(dir)
  return dir
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/**
 * Adds the accounts one at a time, as a user does (the core folds concurrent adds at one provider endpoint into one),
 * and checks the host then holds them all; returns their ids in order.
 */
export async function addAccounts(host: HostProc, accounts: readonly SandboxAccount[]): Promise<string[]> {
  const before = (await host.call<unknown[]>('accounts.list')).length
  const ids: string[] = []
  for (const a of accounts) ids.push((await host.call<{ id: string }>('accounts.add', toNewAccount(a))).id)
  const after = (await host.call<unknown[]>('accounts.list')).length
  if (after - before !== accounts.length || new Set(ids).size !== ids.length)
    throw new Error(`added ${accounts.length} accounts, the host holds ${after - before} more`)
  return ids
}

export function ofProvider(accounts: readonly SandboxAccount[], provider: SandboxAccount['provider']): SandboxAccount {
  const a = accounts.find((x) => x.provider === provider)
  if (!a) throw new Error(`the sandbox has no ${provider} account`)
  return a
}
