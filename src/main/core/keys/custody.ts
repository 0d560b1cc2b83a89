// Secrets of created keys: held in memory behind a short-lived handle while their dialog is open, kept in the
// keychain when the user asks. Nothing here sends a secret anywhere but the vault, a copy or an export.
import { AppError } from '../../../shared/errors'
import type { ProgramSecret } from '../../../shared/api'
import type { Account, Endpoint } from '../../../shared/model'
import type { ExportFile, SecretBundle, TryResult } from '../../providers/provider'
import type { Accounts } from '../accounts'
import type { Ports } from '../ports'
import type { Probe } from '../propagation/policy'
import { vaultNames, type SecretVault } from '../vault'
import type { Http } from '../../net/http'

export type SecretRef = { handle: string } | { accountId: string; keyId: string }

export interface HeldSecret {
  readonly account: Account
  readonly secret: SecretBundle
  readonly endpoints: readonly Endpoint[]
}

const HANDLE_TTL_MS = 30 * 60_000

export class SecretCustody {
  private readonly held = new Map<string, HeldSecret & { readonly expires: number }>()
  private readonly released = new Set<(handle: string) => void>()

  constructor(
    private readonly accounts: Pick<Accounts, 'get'>,
    private readonly vault: SecretVault,
    private readonly http: Http,
    private readonly ports: Pick<Ports, 'providers' | 'clock' | 'newId' | 'emit'>,
  ) {}

  /** Holds a secret just shown; the handle lets the renderer copy or export it without ever sending it back. */
  hold(secret: HeldSecret): string {
    const handle = this.ports.newId()
    this.held.set(handle, { ...secret, expires: this.ports.clock.now() + HANDLE_TTL_MS })
    this.ports.clock.setTimeout(() => this.release(handle), HANDLE_TTL_MS)
    return handle
  }

  onRelease(listener: (handle: string) => void): void {
    this.released.add(listener)
  }

  release(handle: string): void {
    this.held.delete(handle)
    for (const listener of this.released) listener(handle)
  }

  async keepSecret(handle: string): Promise<void> {
    const h = this.heldBy(handle)
    await this.vault.set(
      vaultNames.keySecret(h.account.provider, h.account.id, h.secret.keyId),
      JSON.stringify({ secret: h.secret, endpoints: h.endpoints }),
    )
  }

  async forgetSecret(accountId: string, keyId: string): Promise<void> {
    const account = this.accounts.get(accountId)
    await this.vault.delete(vaultNames.keySecret(account.provider, accountId, keyId))
    this.ports.emit('keys.changed', { accountId })
  }

  /** Nothing can use a deleted key's secret, so KeyDesk stops holding it; a keychain failure changes nothing. */
  async dropDeleted(accountId: string, keyId: string): Promise<void> {
    const account = this.accounts.get(accountId)
    await this.vault.delete(vaultNames.keySecret(account.provider, accountId, keyId)).catch(() => false)
  }

  async kept(accountId: string): Promise<string[]> {
    const account = this.accounts.get(accountId)
    const prefix = vaultNames.keySecret(account.provider, accountId, '')
    return (await this.vault.names()).filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))
  }

  /** The whole bundle, for the core's own use (rotation makes it the account's credential); never sent to the renderer. */
  async secretBundle(ref: SecretRef): Promise<SecretBundle> {
    return (await this.resolve(ref)).secret
  }

  async secretPart(ref: SecretRef, label: string): Promise<string> {
    const { account, secret } = await this.resolve(ref)
    const part = this.ports.providers
      .get(account.provider)
      .secretParts(secret, account)
      .find((p) => p.label === label)
    if (!part) throw new AppError('INVALID_INPUT', `This key has no "${label}" to copy.`)
    return part.value
  }

  /** The secret as the service's own tools read it (`keydesk exec` / `keydesk env`). */
  async forProgram(ref: SecretRef, home: boolean): Promise<ProgramSecret> {
    const { account, secret, endpoints } = await this.resolve(ref)
    const provider = this.ports.providers.get(account.provider)
    return provider.programSecret(secret, account, provider.exportFiles(secret, account, endpoints), home)
  }

  async exportFile(ref: SecretRef, format: string): Promise<ExportFile> {
    const { account, secret, endpoints } = await this.resolve(ref)
    const file = this.ports.providers
      .get(account.provider)
      .exportFiles(secret, account, endpoints)
      .find((f) => f.id === format)
    if (!file) throw new AppError('INVALID_INPUT', `Unknown export format "${format}".`)
    return file
  }

  async tryKey(ref: SecretRef): Promise<TryResult> {
    const { account, secret } = await this.resolve(ref)
    return this.ports.providers.get(account.provider).tryKey(this.http, account, secret)
  }

  /** Whether a kept key still authenticates: the evidence that a disable or delete is in force. */
  async probe(accountId: string, keyId: string): Promise<Probe> {
    let r: TryResult
    try {
      r = await this.tryKey({ accountId, keyId })
    } catch (err) {
      // A key whose secret KeyDesk does not hold cannot be tried; an unreachable service tells nothing yet.
      return err instanceof AppError && err.code === 'NOT_FOUND' ? 'not-held' : 'unknown'
    }
    return r.ok ? 'accepted' : r.refused ? 'refused' : 'unknown'
  }

  private heldBy(handle: string): HeldSecret {
    const h = this.held.get(handle)
    if (!h || h.expires < this.ports.clock.now()) {
      this.held.delete(handle)
      throw new AppError(
        'NOT_FOUND',
        'That secret is no longer held: KeyDesk drops a shown secret when its dialog closes.',
      )
    }
    return h
  }

  private async resolve(ref: SecretRef): Promise<HeldSecret> {
    if ('handle' in ref) return this.heldBy(ref.handle)
    const account = this.accounts.get(ref.accountId)
    const raw = await this.vault.get(vaultNames.keySecret(account.provider, account.id, ref.keyId))
    if (!raw) throw new AppError('NOT_FOUND', `KeyDesk does not hold the secret of ${ref.keyId}.`)
    const stored = JSON.parse(raw) as { secret: SecretBundle; endpoints: Endpoint[] }
    return { account, secret: stored.secret, endpoints: stored.endpoints }
  }
}
