// An account's entries in the keychain: its credential checked against the provider's descriptor before it is
// stored and parsed when read back, the keychain required before a save, every secret removed with the account.
import { credentialProblems, toCredential, type ProviderDescriptor } from '../../shared/descriptor'
import { AppError } from '../../shared/errors'
import type { Account, Credential, ProviderId } from '../../shared/model'
import type { Http } from '../net/http'
import type { ProviderRegistry } from '../providers'
import { scrubbed } from './scrub'
import { vaultNames, type SecretVault } from './vault'

/** The credential as the provider's descriptor defines it: its fields, trimmed, each one checked. */
export function checkedCredential(descriptor: ProviderDescriptor, credential: Credential): Credential {
  if (credential.provider !== descriptor.id)
    throw new AppError('INVALID_INPUT', 'The credential does not match the provider.')
  const problem = Object.values(credentialProblems(descriptor, credential))[0]
  if (problem) throw new AppError('INVALID_INPUT', problem)
  return toCredential(descriptor, credential)
}

export function parseCredential(raw: string, provider: ProviderId): Credential | null {
  try {
    const value = JSON.parse(raw) as Credential
    return value && value.provider === provider ? value : null
  } catch {
    return null
  }
}

export async function requireVault(vault: SecretVault): Promise<void> {
  const s = await vault.status()
  if (s.state !== 'available') {
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      `KeyDesk keeps credentials only in the OS keychain, and it is ${s.state}. ${s.reason ?? ''} ${s.fix ?? ''}`.trim(),
    )
  }
}

/** Every kept key secret of the account, then its credential; says how far it got when the keychain refuses. */
export async function removeAccountSecrets(vault: SecretVault, account: Account): Promise<void> {
  const keyPrefix = vaultNames.keySecret(account.provider, account.id, '')
  let removed = 0
  let total = 0
  try {
    const names = [
      ...(await vault.names()).filter((n) => n.startsWith(keyPrefix)),
      vaultNames.credential(account.provider, account.id),
    ]
    total = names.length
    for (const name of names) {
      await vault.delete(name)
      removed++
    }
  } catch (err) {
    const why = err instanceof AppError ? err.message : 'The keychain refused.'
    const done = removed === 0 ? 'Nothing was removed' : `${removed} of ${total} of its keychain entries were removed`
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      `${account.label} is still in KeyDesk: its secrets are removed from the keychain first, and that failed. ` +
        `${why} ${done}; remove the account again once the keychain is available.`,
      { accountId: account.id },
    )
  }
}

/**
 * What the user entered, checked and as its provider keeps it: SpaceONE / Cloudforet tells 1.x from 2.x, a sign-in
 * becomes tokens. A new credential for `keep` must stay of its provider (a 2.x secret cannot replace a 1.x key).
 */
export async function resolveEntered(
  providers: ProviderRegistry,
  http: Http,
  account: Account,
  entered: Credential,
  keep?: Account,
): Promise<Credential> {
  const provider = providers.get(account.provider)
  if (entered.provider !== provider.descriptor.id)
    throw new AppError('INVALID_INPUT', 'The credential does not match the provider.')
  const resolved = provider.resolve
    ? await provider.resolve(http, account, entered).catch((err: unknown) => {
        throw scrubbed(err, entered)
      })
    : entered
  if (keep && resolved.provider !== keep.provider) {
    throw new AppError(
      'INVALID_INPUT',
      `That credential is for ${providers.get(resolved.provider).descriptor.name}, but ${keep.label} is ` +
        `${providers.get(keep.provider).descriptor.aName} account: add it as a new account instead.`,
      { accountId: keep.id },
    )
  }
  return checkedCredential(providers.get(resolved.provider).descriptor, resolved)
}
