// Secrets live in the OS keychain only. No plaintext fallback: when the keychain is unavailable, storing is refused.
// keytar runs in a helper process (vault-helper.ts) behind KeytarVault (vault-client.ts).
import type { VaultStatus } from '../../shared/model'

export interface SecretVault {
  get(name: string): Promise<string | null>
  set(name: string, secret: string): Promise<void>
  delete(name: string): Promise<boolean>
  /** Names stored under this vault's service (from the vault's index: no secret is read). */
  names(): Promise<string[]>
  status(): Promise<VaultStatus>
  /** Stops what the vault runs (the helper process). */
  close?(): Promise<void> | void
}

export { KeytarVault, VaultError, forkVaultHelper, fromUtilityProcess } from './vault-client'
export { platformFix } from './vault-words'

export const vaultNames = {
  credential: (provider: string, accountId: string) => `${provider}/${accountId}/credential`,
  keySecret: (provider: string, accountId: string, keyId: string) => `${provider}/${accountId}/key/${keyId}`,
}
