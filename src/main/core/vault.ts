// Secrets live in the OS keychain only. No plaintext fallback: when the keychain is unavailable, storing is refused.
import { AppError } from '../../shared/errors'
import type { VaultStatus } from '../../shared/model'

export interface SecretVault {
  get(name: string): Promise<string | null>
  set(name: string, secret: string): Promise<void>
  delete(name: string): Promise<boolean>
  /** Names stored under this vault's service. */
  names(): Promise<string[]>
  status(): Promise<VaultStatus>
}

interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

const STATUS_PROBE = 'keydesk/status-probe'

const LINUX_FIX =
  'Install and unlock a Secret Service provider such as gnome-keyring (Debian: apt-get install gnome-keyring) ' +
  'and run KeyDesk inside a desktop session with a D-Bus session bus.'

export function platformFix(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'Unlock your login keychain in Keychain Access, then retry.'
  if (platform === 'win32') return 'Make sure Windows Credential Manager is running for your user, then retry.'
  return LINUX_FIX
}

/** Keychain errors → a status the user can act on. Messages from the keychain never contain the secret. */
export function classifyKeychainError(err: unknown): VaultStatus {
  const message = err instanceof Error ? err.message : String(err)
  const locked = /locked|prompt|dismissed|cancel/i.test(message)
  return {
    state: locked ? 'locked' : 'unavailable',
    reason: locked ? 'The keychain is locked.' : `The OS keychain cannot be reached (${message.slice(0, 160)}).`,
    fix: locked ? 'Unlock your keychain (on Linux: the "login" keyring), then retry.' : platformFix(),
  }
}

export class KeytarVault implements SecretVault {
  private keytar: KeytarApi | null = null

  constructor(
    private readonly service: string,
    private readonly load: () => Promise<KeytarApi> = loadKeytar,
    private readonly timeoutMs = 10_000,
  ) {}

  private async api(): Promise<KeytarApi> {
    this.keytar ??= await this.load()
    return this.keytar
  }

  private async call<T>(fn: (k: KeytarApi) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(fn(await this.api()), this.timeoutMs)
    } catch (err) {
      const s = classifyKeychainError(err)
      throw new AppError('KEYCHAIN_UNAVAILABLE', `${s.reason} ${s.fix}`)
    }
  }

  get(name: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, name))
  }
  set(name: string, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, name, secret))
  }
  delete(name: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, name))
  }
  async names(): Promise<string[]> {
    return this.call(async (k) => (await k.findCredentials(this.service)).map((c) => c.account))
  }

  async status(): Promise<VaultStatus> {
    try {
      // One lookup of a name never stored: it reaches the keychain without reading every secret KeyDesk keeps.
      await withTimeout((await this.api()).getPassword(this.service, STATUS_PROBE), this.timeoutMs)
      return { state: 'available' }
    } catch (err) {
      return classifyKeychainError(err)
    }
  }
}

/** A Secret Service that never answers (no daemon behind D-Bus activation) must not hang the app. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the keychain within ${ms / 1000} s`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

async function loadKeytar(): Promise<KeytarApi> {
  const mod = (await import('keytar')) as unknown as { default?: KeytarApi } & KeytarApi
  return mod.default ?? mod
}

/** For tests that are not about the vault. */
export class MemoryVault implements SecretVault {
  private readonly items = new Map<string, string>()
  async get(name: string): Promise<string | null> {
    return this.items.get(name) ?? null
  }
  async set(name: string, secret: string): Promise<void> {
    this.items.set(name, secret)
  }
  async delete(name: string): Promise<boolean> {
    return this.items.delete(name)
  }
  async names(): Promise<string[]> {
    return [...this.items.keys()]
  }
  async status(): Promise<VaultStatus> {
    return { state: 'available' }
  }
}

export const vaultNames = {
  credential: (provider: string, accountId: string) => `${provider}/${accountId}/credential`,
  keySecret: (provider: string, accountId: string, keyId: string) => `${provider}/${accountId}/key/${keyId}`,
}
