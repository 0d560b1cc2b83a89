// Demo mode: the sandbox runs in-process on loopback and one account of each provider points at it.
// Its state lives in the data directory, so demo keys survive a restart; demo accounts never mix with real ones.
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { AccountView, Credential } from '../../shared/model'
import type { Sandbox, SandboxAccount } from '../../sandbox'
import type { Accounts, NewAccount } from './accounts'
import type { SettingsStore } from './settings'
import { vaultNames, type SecretVault } from './vault'

export class Demo {
  private sandbox: Sandbox | null = null

  constructor(
    private readonly dataDir: string,
    private readonly settings: SettingsStore,
    private readonly accounts: Accounts,
    private readonly vault: SecretVault,
    /** Keeps a message on screen (the core's notices) until the user has seen it. */
    private readonly notice: (text: string) => void,
  ) {}

  /** Restarts the demo services when demo accounts exist, and points them at the new port. */
  async resume(): Promise<void> {
    const state = this.settings.get('demo')
    if (!state || !this.accounts.all().some((a) => a.demo)) return
    const sandbox = await this.ensureSandbox()
    const origin = new URL(sandbox.url).origin
    this.settings.set(
      'accounts',
      this.accounts.all().map((a) => {
        if (!a.demo) return a
        const url = new URL(a.endpoint)
        return { ...a, endpoint: `${origin}${url.pathname === '/' ? '' : url.pathname}` }
      }),
    )
    await this.restoreCredentials(sandbox)
  }

  /** A temporary keyring (a headless run) forgets demo credentials; the demo services still know them. */
  private async restoreCredentials(sandbox: Sandbox): Promise<void> {
    for (const account of this.accounts.all().filter((a) => a.demo)) {
      const name = vaultNames.credential(account.provider, account.id)
      const source = sandbox.accounts.find((s) => s.provider === account.provider && s.label === account.label)
      if (!source || (await this.vault.get(name).catch(() => 'unreadable')) !== null) continue
      await this.vault.set(name, JSON.stringify(toNewAccount(source).credential)).catch(() => undefined)
    }
  }

  async start(): Promise<AccountView[]> {
    const existing = this.accounts.all().filter((a) => a.demo)
    if (existing.length) return existing.map((a) => this.accounts.view(a))
    const sandbox = await this.ensureSandbox()
    const added: AccountView[] = []
    for (const acc of sandbox.accounts) added.push(await this.accounts.add({ ...toNewAccount(acc), demo: true }))
    return added
  }

  async stopIfUnused(): Promise<void> {
    if (this.accounts.all().some((a) => a.demo)) return
    await this.stop()
    this.settings.set('demo', null)
  }

  async stop(): Promise<void> {
    await this.sandbox?.close()
    this.sandbox = null
  }

  private async ensureSandbox(): Promise<Sandbox> {
    if (this.sandbox) return this.sandbox
    const dir = join(this.dataDir, 'demo')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    // The state file is always the data directory's own: a path the settings file names elsewhere is never read or
    // written (an edited settings file must not make KeyDesk write demo credentials, or read state, anywhere else).
    const stateFile = resolve(dir, 'sandbox-state.json')
    const stored = this.settings.get('demo')
    if (stored && resolve(stored.stateFile) !== stateFile) {
      this.notice(
        `Demo mode did not use the state file the settings named (${stored.stateFile}): it keeps its state only ` +
          `in ${stateFile}.`,
      )
    }
    const state = { seed: stored?.seed ?? randomBytes(8).toString('hex'), stateFile }
    this.settings.set('demo', state)
    // Loaded on first use: the emulator's code stays out of the core's memory unless demo mode is on.
    const { startSandbox } = await import('../../sandbox')
    this.sandbox = await startSandbox({ port: 0, seed: state.seed, stateFile: state.stateFile, log: () => undefined })
    return this.sandbox
  }
}

/** A sandbox account's credentials are named as its provider's descriptor names the credential fields. */
export function toNewAccount(acc: SandboxAccount): NewAccount {
  const credential: Credential = { ...(acc.credentials as Readonly<Record<string, string>>), provider: acc.provider }
  return { provider: acc.provider, label: acc.label, endpoint: acc.endpoint, credential }
}
