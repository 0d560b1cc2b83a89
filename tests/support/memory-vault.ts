// A vault in memory, for tests that are not about the keychain.
import type { SecretVault } from '../../src/main/core/vault'
import type { VaultStatus } from '../../src/shared/model'

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
