// Creating a key: one per requestId however often a dialog submits, the key limit checked on the same listing that
// lets an unknown outcome be reconciled, the one-time secret held behind a handle, kept when asked.
import type { Events } from '../../../shared/api'
import { AppError, outcomeUnknown } from '../../../shared/errors'
import type { CreatedKey, KeyRecord } from '../../../shared/model'
import type { CreateInput, CreateResult, KeyProvider, ProviderContext, SecretBundle } from '../../providers/provider'
import type { Accounts } from '../accounts'
import type { Ports } from '../ports'
import type { SecretCustody } from './custody'
import type { ProviderSession } from './session'
import type { Propagations } from '../propagation/scheduler'
import { freshKeys, wantedName, type UnconfirmedCreates } from './unconfirmed'

export interface CreateRequest extends CreateInput {
  readonly accountId: string
  readonly requestId: string
  readonly keep: boolean
}

/** Onqlave's own CLI waits this long for a new key to become active. */
export const ACTIVATION_LIMIT_MS = 10 * 60_000
const FIRST_WAIT_MS = 250
const LONGEST_WAIT_MS = 5_000

export class KeyCreation {
  private readonly creating = new Map<string, Promise<CreatedKey>>()
  /** Keys the service created for a requestId whose later steps failed: a retry resumes them instead of creating again. */
  private readonly born = new Map<string, KeyRecord>()
  /** handle → the requestId whose answer holds it, so releasing the handle also drops the remembered answer. */
  private readonly answered = new Map<string, string>()

  constructor(
    private readonly accounts: Pick<Accounts, 'context' | 'get'>,
    private readonly session: ProviderSession,
    private readonly custody: SecretCustody,
    private readonly propagations: Pick<Propagations, 'track'>,
    private readonly ports: Pick<Ports, 'emit' | 'clock'>,
    private readonly unconfirmed: UnconfirmedCreates,
  ) {
    custody.onRelease((handle) => {
      const requestId = this.answered.get(handle)
      if (requestId !== undefined) this.creating.delete(requestId)
      this.answered.delete(handle)
    })
  }

  /**
   * One key per requestId, however often the same dialog submits. `sending` runs just before the service is asked,
   * so a caller can record that a key may exist from then on, answer or not (never when a create is refused earlier).
   */
  create(req: CreateRequest, sending?: () => void): Promise<CreatedKey> {
    const running = this.creating.get(req.requestId)
    if (running) return running
    const p = this.createOnce(req, sending)
    this.creating.set(req.requestId, p)
    p.then(
      (created) => {
        this.answered.set(created.handle, req.requestId)
      },
      () => {
        this.creating.delete(req.requestId)
      },
    )
    return p
  }

  private async createOnce(req: CreateRequest, sending?: () => void): Promise<CreatedKey> {
    const { accountId, requestId } = req
    const provider = this.session.providerOf(accountId)
    const name = provider.descriptor.name
    const progress = (stage: Events['create.progress']['stage'], message: string): void =>
      this.ports.emit('create.progress', { requestId, stage, message })
    const resumed = this.born.get(requestId)
    let result: CreateResult
    if (resumed) {
      result = { key: resumed }
    } else {
      this.unconfirmed.refuseWhilePending(accountId, requestId)
      const before = await this.session.call(accountId, (ctx) => provider.list(ctx))
      this.checkLimit(accountId, provider, before)
      sending?.()
      progress('creating', `Asking ${name} for a new key…`)
      const named = wantedName(provider, req.name)
      const outcome = await this.session.call(accountId, (ctx) => reconciled(provider, ctx, req, before, named))
      if (outcome instanceof AppError) throw this.lost(req, before, named, outcome)
      result = outcome
    }
    let key = result.key
    let secret = result.secret
    // Onqlave hands the secret out after activation, so a reconciled key can still be fetched; the others cannot.
    if (!secret && result.reconciled && !provider.fetchSecret) {
      const message =
        `The request timed out, but ${name} did create key ${key.keyId}. ` +
        'Its secret was lost on the way: delete that key and create a new one.'
      this.unconfirmed.madeWithoutSecret(accountId, requestId, message)
      throw new AppError('PROVIDER_ERROR', message, { accountId })
    }
    if (!secret && provider.fetchSecret) {
      const fetchSecret = provider.fetchSecret.bind(provider)
      this.born.set(requestId, key)
      this.propagations.track(accountId, key.keyId, 'create')
      // The new key is visible as activating while the service finishes it.
      if (!resumed) this.ports.emit('keys.changed', { accountId })
      secret = await this.finish(requestId, provider, key, fetchSecret).catch((err: unknown) => {
        throw bornButUnfinished(err, key, name)
      })
      key = this.born.get(requestId) ?? key
    }
    if (!secret) throw new AppError('PROVIDER_ERROR', `${name} returned no secret for ${key.keyId}.`)
    this.born.delete(requestId)
    const ctx = await this.accounts.context(accountId)
    const endpoints = await provider.endpoints(ctx).catch(() => [])
    const handle = this.custody.hold({ account: ctx.account, secret, endpoints })
    const kept = req.keep && (await this.keep(handle, key))
    progress('done', 'Key created.')
    this.ports.emit('keys.changed', { accountId })
    return {
      key,
      handle,
      kept,
      endpoints,
      parts: provider.secretParts(secret, ctx.account),
      exports: provider
        .exportFiles(secret, ctx.account, endpoints)
        .map(({ id, fileName, label }) => ({ id, fileName, label })),
    }
  }

  /** The create's answer was lost and no listing shows its key yet: KeyDesk keeps looking, and says so. */
  private lost(req: CreateRequest, before: readonly KeyRecord[], name: string, err: AppError): AppError {
    const { accountId, requestId } = req
    this.unconfirmed.record({ accountId, requestId, name, before: before.map((k) => k.keyId) })
    return new AppError(
      err.code,
      `${err.message} KeyDesk cannot tell yet whether the key was created: it keeps checking in the background ` +
        'and will tell you what it finds. Do not create another key on this account until then.',
      { accountId, retryable: false },
    )
  }

  private checkLimit(accountId: string, provider: KeyProvider, keys: readonly KeyRecord[]): void {
    const max = provider.descriptor.keyLimit
    const own = keys.filter((k) => k.state !== 'deleted')
    if (max === null || own.length < max) return
    throw new AppError(
      'LIMIT_REACHED',
      `${this.accounts.get(accountId).label} already has ${own.length} of ${max} keys, the most ` +
        `${provider.descriptor.name} allows a user. Delete one (or rotate it) before creating another.`,
      { accountId },
    )
  }

  /** Waits until the born key is active and fetches its secret (the service shows it once). */
  private async finish(
    requestId: string,
    provider: KeyProvider,
    born: KeyRecord,
    fetchSecret: NonNullable<KeyProvider['fetchSecret']>,
  ): Promise<SecretBundle> {
    const accountId = born.accountId
    const progress = (stage: 'activating' | 'fetching', message: string): void =>
      this.ports.emit('create.progress', { requestId, stage, message })
    progress('activating', `Waiting for ${born.keyId} to become active…`)
    const key = await this.awaitActive(accountId, provider, born)
    this.born.set(requestId, key)
    progress('fetching', 'Fetching the secret (the service shows it once)…')
    return this.session.call(accountId, (ctx) => fetchSecret(ctx, key.keyId))
  }

  /** The key exists and its secret is shown once: a keychain failure must not swallow it. */
  private keep(handle: string, key: KeyRecord): Promise<boolean> {
    return this.custody.keepSecret(handle).then(
      () => true,
      (err: unknown) => {
        this.ports.emit('notify', {
          title: `${key.keyId} was not kept in the keychain`,
          body: `${err instanceof AppError ? err.message : 'The keychain refused it.'} Copy or export the secret before closing the dialog.`,
        })
        return false
      },
    )
  }

  private async awaitActive(accountId: string, provider: KeyProvider, key: KeyRecord): Promise<KeyRecord> {
    const { clock } = this.ports
    const started = clock.now()
    let delay = FIRST_WAIT_MS
    let current: KeyRecord | null = key
    while (current?.state === 'pending' && clock.now() - started < ACTIVATION_LIMIT_MS) {
      await clock.sleep(delay)
      delay = Math.min(delay * 2, LONGEST_WAIT_MS)
      const last: KeyRecord | null = current
      current = await this.session
        .call(accountId, (ctx) => provider.get(ctx, key.keyId))
        .catch((err: unknown) => {
          if (err instanceof AppError && err.retryable) return last
          throw err
        })
    }
    if (current?.state === 'enabled') return current
    const why = current?.state === 'failed' ? 'the service reports it failed' : 'it did not become active in time'
    throw new AppError('PROVIDER_ERROR', `Key ${key.keyId} could not be activated: ${why}. Delete it and try again.`, {
      accountId,
    })
  }
}

/**
 * A create is never retried blindly: when its outcome is unknown, a fresh listing tells whether the key exists.
 * Resolves with the unknown outcome's error when neither that listing nor the answer shows a key.
 */
async function reconciled(
  provider: KeyProvider,
  ctx: ProviderContext,
  input: CreateInput,
  before: readonly KeyRecord[],
  name: string,
): Promise<CreateResult | AppError> {
  try {
    return await provider.create(ctx, input)
  } catch (err) {
    if (!(err instanceof AppError && outcomeUnknown(err))) throw err
    // Neither the create nor a listing answered: the background checks take over.
    const after = await provider.list(ctx).catch(() => null)
    if (!after) return err
    // Another key made meanwhile (elsewhere) is not claimed: only one carrying the name asked, when there is one.
    const found = freshKeys(
      after,
      before.map((k) => k.keyId),
      name,
    ).at(-1)
    if (!found) return err
    return { key: found, reconciled: true }
  }
}

/** A failure after the service made the key says so: the key is live, and a retry of the same request resumes it. */
function bornButUnfinished(err: unknown, key: KeyRecord, service: string): unknown {
  if (!(err instanceof AppError) || err.message.includes(key.keyId)) return err
  return new AppError(
    err.code,
    `${err.message} ${service} did create key ${key.keyId}: try again to finish it, or delete it if its secret ` +
      'cannot be fetched any more.',
    { accountId: err.accountId ?? key.accountId, retryable: err.retryable },
  )
}
