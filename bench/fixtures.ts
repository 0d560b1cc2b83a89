// Worlds several rows share, started on first use and stopped once at the end.
import type { SandboxAccount } from '../src/sandbox/index'
import { startHostProc, startSandboxProc, type HostProc, type SandboxProc } from './procs'
import { addAccounts, ofProvider, tempDir } from './setup'

export const BIG = 10_000
export const SMALL = 100
/** The provider whose account fills the browser rows: CloudMC has no per-user key limit, so 10,000 keys is a real case. */
export const LIST_PROVIDER: SandboxAccount['provider'] = 'cloudmc'

export interface ListHost {
  readonly host: HostProc
  readonly accountId: string
  readonly keys: number
}

export class Fixtures {
  private readonly sandboxes = new Map<number, Promise<SandboxProc>>()
  private readonly hosts = new Map<string, Promise<HostProc>>()
  private readonly started: Promise<{ stop(): Promise<void> }>[] = []

  /** One account per provider with `keys` keys each, no added latency. */
  sandbox(keys: number): Promise<SandboxProc> {
    let s = this.sandboxes.get(keys)
    if (!s) {
      s = startSandboxProc({ latencyMs: 0, keysPerAccount: keys, accountsPerProvider: 1, seed: `bench-${keys}` })
      this.sandboxes.set(keys, s)
      this.started.push(s)
    }
    return s
  }

  /** A browser host whose only account is the LIST_PROVIDER account with `keys` keys. */
  async listHost(keys: number): Promise<ListHost> {
    const sandbox = await this.sandbox(keys)
    const host = await this.host(`list-${keys}`, [ofProvider(sandbox.accounts, LIST_PROVIDER)])
    const [account] = await host.call<{ id: string }[]>('accounts.list')
    if (!account) throw new Error('the list host has no account')
    return { host, accountId: account.id, keys }
  }

  /** A browser host with every account of the `keys` sandbox. */
  async allHost(keys: number): Promise<HostProc> {
    return this.host(`all-${keys}`, (await this.sandbox(keys)).accounts)
  }

  private host(name: string, accounts: readonly SandboxAccount[]): Promise<HostProc> {
    let h = this.hosts.get(name)
    if (!h) {
      h = startHostProc(tempDir(name)).then(async (host) => {
        await addAccounts(host, accounts)
        return host
      })
      this.hosts.set(name, h)
      this.started.push(h)
    }
    return h
  }

  async close(): Promise<void> {
    const all = await Promise.allSettled(this.started.splice(0))
    await Promise.all(all.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)))
  }
}
