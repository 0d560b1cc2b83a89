// Repair: reconciles the keychain with the accounts in settings. Lists entries nobody owns (orphans: an account
// removed while the keychain refused, a crash between the two stores) and accounts whose credential is missing,
// and removes orphans only when the user confirmed exactly those names.
import type { RepairReport } from '../../shared/api'
import type { Account } from '../../shared/model'
import { vaultNames, type SecretVault } from './vault'

interface Owner {
  readonly accountId: string
  readonly kind: 'credential' | 'key'
  readonly keyId?: string
}

/** `provider/accountId/credential` or `provider/accountId/key/keyId`; anything else KeyDesk did not write. */
function parse(name: string): Owner | null {
  const parts = name.split('/')
  if (parts.length === 3 && parts[2] === 'credential') return { accountId: parts[1], kind: 'credential' }
  if (parts.length >= 4 && parts[2] === 'key')
    return { accountId: parts[1], kind: 'key', keyId: parts.slice(3).join('/') }
  return null
}

export class Repair {
  constructor(
    private readonly vault: SecretVault,
    private readonly accounts: () => readonly Account[],
  ) {}

  async scan(removed = 0): Promise<RepairReport> {
    const keychain = await this.vault.status()
    if (keychain.state !== 'available') return { keychain, orphans: [], missing: [], removed }
    const accounts = this.accounts()
    const byId = new Map(accounts.map((a) => [a.id, a]))
    const orphans: Array<RepairReport['orphans'][number]> = []
    for (const name of await this.vault.names()) {
      const owner = parse(name)
      const account = owner ? byId.get(owner.accountId) : undefined
      if (account && name.startsWith(`${account.provider}/`)) continue
      // An index entry whose secret is already gone is tidied without asking: there is nothing to lose.
      if ((await this.vault.get(name)) === null) {
        await this.vault.delete(name)
        continue
      }
      orphans.push({
        name,
        what: !owner
          ? 'An entry KeyDesk does not recognise.'
          : owner.kind === 'credential'
            ? 'The credential of an account that is no longer in KeyDesk.'
            : `The kept secret of key ${owner.keyId}, whose account is no longer in KeyDesk.`,
      })
    }
    const missing: Array<RepairReport['missing'][number]> = []
    for (const account of accounts) {
      if ((await this.vault.get(vaultNames.credential(account.provider, account.id))) === null) {
        missing.push({
          accountId: account.id,
          label: account.label,
          what: `${account.label} has no credential in the keychain: edit the account and enter it again.`,
        })
      }
    }
    return { keychain, orphans, missing, removed }
  }

  /** Removes the names the user confirmed, and only those still orphaned now; returns the report afterwards. */
  async fix(confirmed: readonly string[]): Promise<RepairReport> {
    const before = await this.scan()
    const orphaned = new Set(before.orphans.map((o) => o.name))
    let removed = 0
    for (const name of confirmed) {
      if (!orphaned.has(name)) continue
      if (await this.vault.delete(name)) removed++
    }
    return this.scan(removed)
  }
}
