// The rotation assistant: new key → apps switched → old key disabled → its disable propagated → old key deleted.
// Every step is persisted in settings, so closing the app mid-way resumes where it stopped.
import { AppError, assertNever } from '../../shared/errors'
import type {
  Account,
  CreatedKey,
  Credential,
  KeyRecord,
  Propagation,
  Rotation,
  RotationStep,
} from '../../shared/model'
import type { CreateInput, KeyProvider, SecretBundle } from '../providers/provider'
import type { Accounts } from './accounts'
import type { SecretCustody } from './keys/custody'
import type { KeyCreation } from './keys/creation'
import type { KeyLifecycle } from './keys/lifecycle'
import type { Ports } from './ports'
import type { Propagations } from './propagation/scheduler'
import type { SettingsStore } from './settings'

export interface RotationCreateInput extends CreateInput {
  readonly requestId: string
  readonly keep: boolean
}

/** What a rotation does to keys: list, create, disable, delete, and read the new secret. */
export type RotationKeys = Pick<KeyLifecycle, 'list' | 'disable' | 'remove'> &
  Pick<KeyCreation, 'create'> &
  Pick<SecretCustody, 'secretBundle'>

export class Rotations {
  /** One running create/advance per rotation: a double click joins the running call. */
  private readonly running = new Map<string, Promise<unknown>>()

  constructor(
    private readonly settings: SettingsStore,
    private readonly accounts: Pick<Accounts, 'get' | 'all' | 'replaceCredential'>,
    private readonly keys: RotationKeys,
    private readonly propagations: Pick<Propagations, 'all'>,
    private readonly ports: Pick<Ports, 'emit' | 'providers' | 'clock' | 'newId'>,
  ) {}

  /** Rotations of accounts that still exist; a removed account takes its rotations with it. */
  list(): Rotation[] {
    const ids = new Set(this.accounts.all().map((a) => a.id))
    const unconfirmed = new Set((this.settings.get('unconfirmedCreates') ?? []).map((u) => u.requestId))
    return this.settings
      .get('rotations')
      .filter((r) => ids.has(r.accountId))
      .map((r) => (r.createSent && unconfirmed.has(r.createSent.requestId) ? { ...r, createUnconfirmed: true } : r))
  }

  /** A lost create's checks have ended: the rotation that sent it no longer shows it as being checked. */
  createSettled(requestId: string): void {
    if (this.settings.get('rotations').some((r) => r.createSent?.requestId === requestId)) this.changed()
  }

  async start(accountId: string, keyId: string): Promise<Rotation> {
    const account = this.accounts.get(accountId)
    const resumable = this.list().find((r) => r.accountId === accountId && r.oldKeyId === keyId && r.step !== 'done')
    if (resumable) return resumable
    const keys = (await this.keys.list(accountId)).keys.filter((k) => k.state !== 'deleted')
    const old = keys.find((k) => k.keyId === keyId)
    if (!old)
      throw new AppError('NOT_FOUND', `Key ${keyId} is no longer in ${account.label}: refresh the list.`, { accountId })
    if (old.state !== 'enabled' && old.state !== 'disabled') {
      throw new AppError('CONFLICT', `Key ${keyId} is ${old.state}: only a working key can be rotated.`, { accountId })
    }
    const max = this.ports.providers.get(account.provider).descriptor.keyLimit
    if (max !== null && keys.length >= max)
      throw new AppError('LIMIT_REACHED', limitMessage(account, max, keys, keyId), { accountId })
    const rotation: Rotation = {
      id: this.ports.newId(),
      accountId,
      oldKeyId: keyId,
      step: 'create',
      startedAt: new Date(this.ports.clock.now()).toISOString(),
      ownCredential: account.facts.ownKeyId === keyId,
    }
    this.save([...this.settings.get('rotations'), rotation])
    return rotation
  }

  create(id: string, input: RotationCreateInput): Promise<CreatedKey> {
    return this.once(`create:${id}`, () => this.createNow(id, input))
  }

  advance(id: string): Promise<Rotation> {
    return this.once(`advance:${id}`, () => this.advanceNow(id))
  }

  cancel(id: string): void {
    this.get(id)
    this.save(this.settings.get('rotations').filter((r) => r.id !== id))
  }

  /**
   * A parallel key made like the old one where the service has roles and scopes (Cloudforet 2.x apps): same name,
   * role and scope, and the service's usual expiry from today, unless the user chose otherwise.
   */
  private async inherited(r: Rotation, input: RotationCreateInput): Promise<Partial<RotationCreateInput>> {
    const account = this.accounts.get(r.accountId)
    const descriptor = this.ports.providers.get(account.provider).descriptor
    if (input.roleId || !descriptor.create.fields.some((f) => f.name === 'roleId')) return {}
    const old = (await this.keys.list(r.accountId)).keys.find((k) => k.keyId === r.oldKeyId)
    if (!old) return {}
    const e = old.extra
    const expiry = descriptor.expiry
    return {
      name: old.name,
      ...(e.roleId ? { roleId: e.roleId } : {}),
      ...(e.workspaceId ? { workspaceId: e.workspaceId } : {}),
      ...(e.projectId ? { projectId: e.projectId } : {}),
      ...(e.projectGroupId ? { projectGroupId: e.projectGroupId } : {}),
      ...(expiry
        ? { expiresAt: new Date(this.ports.clock.now() + expiry.defaultDays * 86_400_000).toISOString() }
        : {}),
    }
  }

  private async createNow(id: string, input: RotationCreateInput): Promise<CreatedKey> {
    const r = this.get(id)
    if (r.step !== 'create') {
      throw new AppError(
        'CONFLICT',
        `This rotation already created ${r.newKeyId ?? 'its new key'}; continue with the next step.`,
      )
    }
    // Once the service is asked, a key may exist whatever answer comes back: the rotation remembers it was asked.
    const sending = (): void => {
      const now = new Date(this.ports.clock.now()).toISOString()
      this.update({ ...this.get(id), createSent: { requestId: input.requestId, at: now } })
    }
    const request = { accountId: r.accountId, ...(await this.inherited(r, input)), ...input }
    const created = await this.keys.create(request, sending).catch((err: unknown) => {
      // A lost answer became an unconfirmed create meanwhile: the rotation's view says so at once.
      this.changed()
      throw err
    })
    const newKeyId = created.key.keyId
    let note: string | undefined
    if (r.ownCredential) {
      // KeyDesk moves onto the new key before anything happens to the old one, or it would lock itself out.
      note = await this.keys
        .secretBundle({ handle: created.handle })
        .then((secret) => this.switchCredential(r, secret))
        .then(
          () => undefined,
          (err: unknown) =>
            `KeyDesk could not sign in with ${newKeyId} yet (${messageOf(err)}). ` +
            'Keep the secret: continuing will try again, or re-enter the account credential with the new key.',
        )
    }
    const { createSent: _made, ...rest } = withoutNote(r)
    this.update({ ...rest, newKeyId, step: 'switch', ...(note ? { note } : {}) })
    return created
  }

  private async advanceNow(id: string): Promise<Rotation> {
    const r = this.get(id)
    const account = this.accounts.get(r.accountId)
    const step = r.step
    switch (step) {
      case 'create':
        throw new AppError('CONFLICT', 'Create the new key first: the old one stays until its replacement exists.')
      case 'switch': {
        await this.ensureSwitched(r)
        const next: RotationStep = this.ports.providers.get(account.provider).descriptor.capabilities.disable
          ? 'disable'
          : 'delete'
        return this.update({ ...withoutNote(r), step: next })
      }
      case 'disable':
        await this.ensureSwitched(r)
        if (await this.gone(() => this.keys.disable(r.accountId, r.oldKeyId)))
          return this.update({ ...withoutNote(r), step: 'done' })
        return this.update({ ...withoutNote(r), step: 'wait' })
      case 'wait':
        this.requireSettled(r, account)
        return this.update({ ...withoutNote(r), step: 'delete' })
      case 'delete':
        await this.ensureSwitched(r)
        await this.gone(() => this.keys.remove(r.accountId, r.oldKeyId))
        return this.update({ ...withoutNote(r), step: 'done' })
      case 'done':
        return r
      default:
        return assertNever(step)
    }
  }

  /** For the account's own key: the credential must already be the new key, or be made so from the kept secret. */
  private async ensureSwitched(r: Rotation): Promise<void> {
    if (!r.ownCredential || !r.newKeyId) return
    if (this.accounts.get(r.accountId).facts.ownKeyId !== r.oldKeyId) return
    let secret: SecretBundle
    try {
      secret = await this.keys.secretBundle({ accountId: r.accountId, keyId: r.newKeyId })
    } catch {
      throw new AppError(
        'CONFLICT',
        `KeyDesk still signs in to this account with ${r.oldKeyId} and does not hold ${r.newKeyId}'s ` +
          'secret. Edit the account and paste the new key as its credential, then continue.',
        { accountId: r.accountId },
      )
    }
    await this.switchCredential(r, secret)
  }

  private async switchCredential(r: Rotation, secret: SecretBundle): Promise<void> {
    const account = this.accounts.get(r.accountId)
    await this.accounts.replaceCredential(
      r.accountId,
      credentialFrom(this.ports.providers.get(account.provider), secret),
    )
  }

  private requireSettled(r: Rotation, account: Account): void {
    const record = latest(this.propagations.all(), r.accountId, r.oldKeyId)
    if (!record || record.op !== 'disable' || record.state === 'settled') return
    if (record.state === 'failed') {
      throw new AppError(
        'CONFLICT',
        `Disabling ${r.oldKeyId} did not hold: ${record.note ?? 'the service contradicts it'}. ` +
          'Disable it again from the key list, then continue.',
        { accountId: r.accountId },
      )
    }
    const left = Math.max(1, Math.ceil((Date.parse(record.settleBy) - this.ports.clock.now()) / 60_000))
    throw new AppError(
      'CONFLICT',
      `${r.oldKeyId} may still authenticate until ${record.settleBy} while ${account.label}'s ` +
        `service caches expire (about ${left} more minute${left === 1 ? '' : 's'}). Continue after that, so nothing still ` +
        'using it breaks unnoticed.',
      { accountId: r.accountId },
    )
  }

  /** Runs a change on the old key; true when the key was already gone, which is what the step wanted anyway. */
  private async gone(change: () => Promise<unknown>): Promise<boolean> {
    try {
      await change()
      return false
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return true
      throw err
    }
  }

  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const current = this.running.get(key)
    if (current) return current as Promise<T>
    const p = run().finally(() => this.running.delete(key))
    this.running.set(key, p)
    return p
  }

  private get(id: string): Rotation {
    const r = this.settings.get('rotations').find((x) => x.id === id)
    if (!r) throw new AppError('NOT_FOUND', 'That rotation is no longer in progress.')
    return r
  }

  private update(next: Rotation): Rotation {
    this.save(this.settings.get('rotations').map((r) => (r.id === next.id ? next : r)))
    return next
  }

  private save(rotations: Rotation[]): void {
    // What the core reads at list time is never stored.
    this.settings.set(
      'rotations',
      rotations.map(({ createUnconfirmed: _read, ...r }) => r),
    )
    this.changed()
  }

  private changed(): void {
    this.ports.emit('rotation.updated', { rotations: this.list() })
  }
}

export function limitMessage(account: Account, max: number, keys: readonly KeyRecord[], rotating: string): string {
  const ownKeyId = account.facts.ownKeyId
  const other = keys.find((k) => k.keyId !== rotating && k.keyId !== ownKeyId)
  const head = `${account.label} already has ${keys.length} of ${max} keys, and rotating needs room for the new one.`
  if (other) return `${head} Delete ${other.keyId} first, then rotate ${rotating}.`
  return (
    `${head} The other key, ${ownKeyId ?? 'the remaining one'}, is the one KeyDesk itself signs in with, so do not ` +
    `delete it: rotate that key first, or delete ${rotating} and create a new key instead.`
  )
}

function credentialFrom(provider: KeyProvider, secret: SecretBundle): Credential {
  const credential = provider.credentialFrom(secret)
  if (!credential) {
    throw new AppError(
      'NOT_SUPPORTED',
      `A new ${provider.descriptor.name} key cannot serve as the account's credential.`,
    )
  }
  return credential
}

function latest(records: readonly Propagation[], accountId: string, keyId: string): Propagation | undefined {
  return records
    .filter((p) => p.accountId === accountId && p.keyId === keyId)
    .reduce<Propagation | undefined>((best, p) => (!best || best.requestedAt <= p.requestedAt ? p : best), undefined)
}

function withoutNote(r: Rotation): Rotation {
  const { note: _dropped, ...rest } = r
  return rest
}

function messageOf(err: unknown): string {
  return err instanceof AppError ? err.message : 'the service did not accept it'
}
