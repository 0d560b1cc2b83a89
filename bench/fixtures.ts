// Worlds several rows share, started on first use and stopped once at the end.
import type { SandboxAccount } from '../src/sandbox/index'
import { startCountingProxy, type CountingProxy } from './counting-proxy'
import { startHostProc, startSandboxProc, type HostProc, type SandboxProc } from './procs'
import { addAccounts, ofProvider, tempDir } from './setup'

/** The scale: five times the 10,000 keys the first bench used. */
export const BIG = 50_000
export const MID = 10_000
export const SMALL = 100
/** The provider whose account fills the browser rows: CloudMC has no per-user key limit, so 50,000 keys is a real case. */
export const LIST_PROVIDER: SandboxAccount['provider'] = 'cloudmc'

/** The world of rows 1, 12 and 13: 30 accounts (10 per provider) behind a service that takes 200 ms to answer. */
export const SLOW = { latencyMs: 200, accountsPerProvider: 10, keysPerAccount: 60 } as const

export interface ListHost {
  readonly host: HostProc
  readonly accountId: string
  readonly keys: number
}

export interface SlowWorld {
  readonly sandbox: SandboxProc
  /** Every account of the host talks to the sandbox through this proxy, which counts the requests. */
  readonly proxy: CountingProxy
  /** A host with all 30 accounts, and one with the first account only (the "one request" side of row 1). */
  readonly all: HostProc
  readonly one: HostProc
  readonly allDir: string
  readonly accountIds: readonly string[]
}

type Stoppable = { stop(): Promise<void> }

export class Fixtures {
  private readonly sandboxes = new Map<number, Promise<SandboxProc>>()
  private readonly hosts = new Map<string, Promise<HostProc>>()
  private readonly started: Promise<Stoppable>[] = []
  private slowWorld: Promise<SlowWorld> | null = null

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

  slow(): Promise<SlowWorld> {
    this.slowWorld ??= this.startSlow()
    return this.slowWorld
  }

  private async startSlow(): Promise<SlowWorld> {
    // Set up without latency (adding 30 accounts validates each against its service), then slowed down.
    const sandbox = await startSandboxProc({ ...SLOW, latencyMs: 0, seed: 'bench-slow' })
    this.started.push(Promise.resolve(sandbox))
    const proxy = await startCountingProxy(sandbox.url)
    this.started.push(Promise.resolve({ stop: () => proxy.close() }))
    const viaProxy = sandbox.accounts.map((a) => ({ ...a, endpoint: a.endpoint.replace(sandbox.url, proxy.url) }))
    const allDir = tempDir('slow-all')
    const [all, one] = await Promise.all([startHostProc(allDir), startHostProc(tempDir('slow-one'))])
    this.started.push(Promise.resolve(all), Promise.resolve(one))
    const accountIds = await addAccounts(all, viaProxy)
    await addAccounts(one, viaProxy.slice(0, 1))
    await sandbox.configure({ latencyMs: SLOW.latencyMs })
    proxy.take()
    return { sandbox, proxy, all, one, allDir, accountIds }
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
    for (const r of all) if (r.status === 'fulfilled') await r.value.stop()
  }
}
