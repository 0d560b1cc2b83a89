// One handler per channel of the map in src/shared/api.ts: each hands its parsed input to the service that owns it.
import type { z } from 'zod'
import type { Channel, KeyList, RequestResult, Requests } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { Account } from '../../shared/model'
import { providerRegistry } from '../providers'
import type { Accounts } from './accounts'
import { exportAccounts, importAccounts } from './account-files'
import { withImportLimit } from './import-limit'
import type { AuditLog } from './audit'
import { cliHandlers } from './cli-requests'
import type { ClipboardGuard } from './clipboard'
import type { Demo } from './demo'
import type { KeyCreation } from './keys/creation'
import type { SecretCustody } from './keys/custody'
import type { KeyLifecycle } from './keys/lifecycle'
import type { KeyRegeneration } from './keys/regeneration'
import { lockHandlers, type AppLock } from './lock'
import type { Propagations } from './propagation/scheduler'
import type { Reminders } from './reminders'
import type { Repair } from './repair'
import type { Rotations } from './rotation'
import type { Clock } from './ports'
import type { SettingsStore } from './settings'
import type { VaultWatch } from './vault-watch'

type Input<C extends Channel> = z.output<Requests[C]['input']>
export type Handlers = { [C in Channel]: (input: Input<C>) => Promise<RequestResult<C>> }

/** The core's services the handlers reach. */
export interface HandlerServices {
  readonly settings: SettingsStore
  readonly accounts: Accounts
  readonly custody: SecretCustody
  readonly lifecycle: KeyLifecycle
  readonly creation: KeyCreation
  readonly regeneration: KeyRegeneration
  readonly reminders: Reminders
  readonly propagations: Propagations
  readonly rotations: Rotations
  readonly demo: Demo
  readonly vaultWatch: VaultWatch
  readonly repair: Repair
  readonly audit: AuditLog
  readonly lock: AppLock
}

/** What the core itself keeps and the handlers need. */
export interface HandlerContext {
  readonly info: { readonly version: string; readonly host: 'electron' | 'browser' | 'cli'; readonly dataDir: string }
  readonly clipboard: ClipboardGuard
  /** Things the user must be told at start, collected by the core. */
  readonly notices: readonly string[]
  /** Long requests the user can stop (Test connection, Save in Add account), by the renderer's request id. */
  readonly cancels: Map<string, AbortController>
  readonly saveFile?: (fileName: string, content: string) => Promise<string | null>
  /** The core's clock: the bound of an import runs on it. */
  readonly clock: Clock
  readonly log?: (line: string) => void
}

export function appHandlers(services: HandlerServices, context: HandlerContext): Handlers {
  const core = services
  const { accounts, custody, lifecycle, creation, settings } = services
  const { info, cancels, clipboard, notices } = context
  const cancellable = <T>(requestId: string | undefined, run: (signal?: AbortSignal) => Promise<T>): Promise<T> => {
    if (!requestId) return run(undefined)
    const controller = new AbortController()
    cancels.set(requestId, controller)
    return run(controller.signal).finally(() => {
      if (cancels.get(requestId) === controller) cancels.delete(requestId)
    })
  }
  // KeyDesk's own expiry reminders, after every listing: the services' e-mails are off by default.
  const remind = (listed: KeyList): KeyList => {
    const account = accounts.get(listed.accountId)
    core.reminders.check(account, listed.keys, providerRegistry.get(account.provider).descriptor.expiry?.reminderDays)
    return listed
  }
  return {
    'app.info': async () => ({
      name: 'KeyDesk',
      version: info.version,
      platform: process.platform,
      host: info.host,
      dataDir: info.dataDir,
      notices: [...(settings.recovery ? [settings.recovery] : []), ...notices],
    }),
    'providers.list': async () => providerRegistry.all().map((p) => p.descriptor),
    'vault.status': () => core.vaultWatch.check(),
    'settings.get': async () => settings.get('preferences'),
    'settings.set': async (patch) => {
      const next = { ...settings.get('preferences'), ...patch }
      settings.set('preferences', next)
      return next
    },
    'accounts.list': async () => accounts.views(),
    'accounts.validate': ({ provider, endpoint, credential, requestId }) =>
      cancellable(requestId, (signal) =>
        accounts.validate(provider, endpoint, credential, undefined, signal, credential),
      ),
    'accounts.add': ({ requestId, ...input }) => cancellable(requestId, (signal) => accounts.add(input, signal)),
    'accounts.cancel': async ({ requestId }) => {
      cancels.get(requestId)?.abort()
    },
    'accounts.update': ({ requestId, ...patch }) => cancellable(requestId, (signal) => accounts.update(patch, signal)),
    'accounts.remove': async ({ id }) => {
      const removed = await accounts.remove(id)
      // Removed from both stores: tidying up after it must not turn a done removal into a reported failure.
      await tidyAfterRemove(services, context, removed)
    },
    'accounts.check': ({ id }) => lifecycle.check(id),
    'accounts.import': ({ requestId, ...file }) =>
      cancellable(requestId, (signal) =>
        withImportLimit(context.clock, signal, (stop) => importAccounts(accounts, file, stop)),
      ),
    'accounts.export': async (input) => {
      const passphrase = input?.passphrase
      const sealWith = passphrase ? { passphrase, credential: (a: Account) => accounts.credential(a) } : undefined
      const file = await exportAccounts(accounts.all(), sealWith)
      return deliver(context, file.fileName, file.content)
    },
    'accounts.endpoints': ({ accountId }) => lifecycle.endpoints(accountId),
    'demo.start': () => core.demo.start(),
    'keys.list': async ({ accountId }) => remind(await lifecycle.list(accountId)),
    'keys.opening': async () => lifecycle.opened(new Set(accounts.all().map((a) => a.id))).map(remind),
    'keys.createOptions': ({ accountId }) => lifecycle.createOptions(accountId),
    'keys.create': (input) => creation.create(input),
    'keys.enable': ({ accountId, keyId }) => lifecycle.enable(accountId, keyId),
    'keys.disable': ({ accountId, keyId }) => lifecycle.disable(accountId, keyId),
    'keys.delete': ({ accountId, keyId, shown }) => lifecycle.remove(accountId, keyId, shown),
    'keys.rename': ({ accountId, keyId, name }) => lifecycle.rename(accountId, keyId, name),
    'keys.regenerate': (input) => core.regeneration.regenerate(input),
    'keys.setTags': ({ accountId, keyId, tags }) => lifecycle.setTags(accountId, keyId, tags),
    'keys.copySecret': async (input) => {
      const value = await custody.secretPart(input, input.part)
      return { clearsInSec: await clipboard.copySecret(value) }
    },
    'keys.export': async (input) => {
      const file = await custody.exportFile(input, input.format)
      return deliver(context, file.fileName, file.content)
    },
    'keys.try': (input) => custody.tryKey(input),
    'keys.keepSecret': ({ handle }) => custody.keepSecret(handle),
    'keys.forgetSecret': ({ accountId, keyId }) => custody.forgetSecret(accountId, keyId),
    'keys.kept': ({ accountId }) => custody.kept(accountId),
    'secrets.release': async ({ handle }) => custody.release(handle),
    'propagation.list': async () => core.propagations.all(),
    'rotation.list': async () => core.rotations.list(),
    'rotation.start': ({ accountId, keyId }) => core.rotations.start(accountId, keyId),
    'rotation.create': ({ id, ...input }) => core.rotations.create(id, input),
    'rotation.advance': ({ id }) => core.rotations.advance(id),
    'rotation.cancel': async ({ id }) => core.rotations.cancel(id),
    'repair.scan': () => core.repair.scan(),
    'repair.fix': ({ remove }) => core.repair.fix(remove),
    ...cliHandlers(core),
    ...lockHandlers(core.lock),
  }
}

async function tidyAfterRemove(core: HandlerServices, context: HandlerContext, removed: Account): Promise<void> {
  try {
    core.propagations.forgetAccount(removed.id)
    if (removed.demo) await core.demo.stopIfUnused()
  } catch (err) {
    context.log?.(`after removing an account: ${err instanceof Error ? err.name : 'error'}`)
  }
}

/** Electron saves through a dialog; the browser host hands the content back for a download. */
async function deliver(
  core: HandlerContext,
  fileName: string,
  content: string,
): Promise<{ fileName: string; content?: string; savedTo?: string }> {
  if (!core.saveFile) return { fileName, content }
  const savedTo = await core.saveFile(fileName, content)
  if (!savedTo) throw new AppError('INVALID_INPUT', 'Export cancelled: nothing was written.')
  return { fileName, savedTo }
}
