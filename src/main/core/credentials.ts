// Account credentials as every provider call needs them: read from the keychain once, then kept in memory for the
// core's life, so a refresh of thirty accounts does not read thirty secrets through the keychain helper each time.
// A kept credential is used only while the keychain is open and its index still names it (one look, which the keychain
// client shares among the calls made together and which touches nothing while the keyring is locked), and is forgotten when it changes, when its
// account goes, while KeyDesk is locked and when the keychain stops being available.
import { AppError } from '../../shared/errors'
import type { Account, Credential } from '../../shared/model'
import { parseCredential } from './account-credential'
import { waitingMessage } from './account-words'
import { vaultNames, type SecretVault } from './vault'

export class Credentials {
  private readonly kept = new Map<string, Credential>()
  private keeping = true
  /** Bumped by every forget: a read that started before one is not kept, since it may be older than the change. */
  private generation = 0
  /** Reads under way, so calls made together read each credential once. */
  private readonly reading = new Map<string, Promise<Credential>>()

  constructor(
    private readonly vault: Pick<SecretVault, 'get' | 'names'>,
    /** The account's credential cannot be read: its status dot says why. */
    private readonly unreadable: (accountId: string, message: string) => void,
  ) {}

  async of(account: Account): Promise<Credential> {
    const kept = this.kept.get(account.id)
    if (kept && (await this.stillThere(account))) return kept
    const joined = this.reading.get(account.id)
    if (joined) return joined
    const generation = this.generation
    const reading = this.read(account)
      .then((credential) => {
        if (this.keeping && generation === this.generation) this.kept.set(account.id, credential)
        return credential
      })
      .finally(() => {
        if (this.reading.get(account.id) === reading) this.reading.delete(account.id)
      })
    this.reading.set(account.id, reading)
    return reading
  }

  /** Reads the accounts' credentials now (the window lists every account as soon as it opens); never fails. */
  async warm(accounts: readonly Account[]): Promise<void> {
    if (!this.keeping) return
    await Promise.allSettled(accounts.map((account) => this.of(account)))
  }

  /** The account's credential changed in the keychain, or the account is gone. */
  forget(accountId: string): void {
    this.generation += 1
    this.kept.delete(accountId)
    this.reading.delete(accountId)
  }

  clear(): void {
    this.generation += 1
    this.kept.clear()
    this.reading.clear()
  }

  /** Off while KeyDesk is locked: nothing is kept, and what was kept is dropped. */
  keep(on: boolean): void {
    this.keeping = on
    if (!on) this.clear()
  }

  /**
   * Whether the keychain is open and still names the credential (one look at its index, shared with the calls made
   * together by the keychain client; it reads no secret, and nothing at all while the keyring is locked). Deleted
   * meanwhile: read afresh.
   */
  private async stillThere(account: Account): Promise<boolean> {
    let names: readonly string[]
    try {
      names = await this.vault.names()
    } catch (err) {
      this.clear()
      this.unreadable(account.id, err instanceof AppError ? err.message : 'The keychain cannot be read.')
      throw err
    }
    if (names.includes(vaultNames.credential(account.provider, account.id))) return true
    this.forget(account.id)
    return false
  }

  private async read(account: Account): Promise<Credential> {
    let raw: string | null
    try {
      raw = await this.vault.get(vaultNames.credential(account.provider, account.id))
    } catch (err) {
      this.unreadable(account.id, err instanceof AppError ? err.message : 'The keychain cannot be read.')
      throw err
    }
    const credential = raw ? parseCredential(raw, account.provider) : null
    if (!credential) {
      const message = waitingMessage(account.label)
      this.unreadable(account.id, message)
      throw new AppError('KEYCHAIN_UNAVAILABLE', message, { accountId: account.id })
    }
    return credential
  }
}
