// THE channel map: every request (zod input schema + result type) and every event the core pushes.
// main, the preload, the browser host and tests all derive from this one object.
import { z } from 'zod'
import type {
  AccountFacts,
  AccountView,
  CreatedKey,
  Endpoint,
  KeyRecord,
  Propagation,
  Rotation,
  VaultStatus,
} from './model'
import { CHANNEL_NAMES, type ChannelName } from './channels'
import { PROVIDER_IDS } from './model'
import type { EventName, Events } from './events'
import { preferencesPatch, type Preferences } from './preferences'
import type {
  AppInfo,
  CreateOptionsView,
  ExportResult,
  ImportResult,
  KeyList,
  LockStatus,
  ProgramSecret,
  RepairReport,
} from './results'
import type { ProviderDescriptor } from './descriptor'
import { AUDIT_ACTIONS, type AuditEntry } from './audit'
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE, NAME_MAX, nameLength } from './limits'

const request =
  <R>() =>
  <I extends z.ZodType>(input: I) => ({ input, result: undefined as unknown as R })

const id = z.string().min(1).max(200)
const provider = z.enum(PROVIDER_IDS)
const label = z.string().trim().min(1, 'Give the account a label.').max(80, 'Keep the label under 80 characters.')
const endpoint = z.string().trim().min(1, 'Enter the endpoint URL.').max(500)
// Field by field, a credential is checked against its provider's descriptor by the core. Pasted keys and tokens lose
// stray whitespace; a password is sent as typed, since spaces can be part of it.
const credential = z
  .object({ provider, password: z.string().max(1024).optional() })
  .catchall(z.string().trim().max(20_000))
const requestId = z.string().min(8).max(64)
/** A key name within the channel's bound, counted in characters as the services count them (not UTF-16 units). */
const keyName = z
  .string()
  .trim()
  .refine((s) => nameLength(s) <= NAME_MAX, `Keep the name to ${NAME_MAX} characters.`)
const keyRef = z.object({ accountId: id, keyId: id })
const isoDate = z.iso.datetime({ offset: true })
const tags = z.record(z.string().trim().min(1).max(128), z.string().max(256)).refine((t) => Object.keys(t).length <= 50)
/** What a Cloudforet 2.x app is made with, besides its name: a role, its scope, tags and an expiry. */
const appScope = {
  roleId: id.optional(),
  workspaceId: id.optional(),
  projectId: id.optional(),
  projectGroupId: id.optional(),
  tags: tags.optional(),
  expiresAt: isoDate.optional(),
}
const secretRef = z.union([z.object({ handle: id }), keyRef])
const text = z.string().max(2000)
/**
 * The key as the user saw it when asking for its delete: the delete's row keeps its real name, creation time and
 * fields while the delete propagates, without the core holding every account's last listing (bench row 8).
 */
const shownKey = z.object({
  provider,
  accountId: id,
  keyId: id,
  name: text,
  state: z.enum(['enabled', 'disabled', 'pending', 'deleted', 'failed']),
  createdAt: z.string().max(64),
  lastUsedAt: z.string().max(64).optional(),
  lastUsedIp: z.string().max(64).optional(),
  extra: z.record(z.string().max(100), text).refine((o) => Object.keys(o).length <= 50),
})
const empty = z.object({}).strict().optional()

// Importers read the shapes of the map from here as well as from their own modules.
export type * from './results'
export { preferencesPatch, type Preferences } from './preferences'
export { EVENT_NAMES, type EventName, type Events } from './events'

const passphrase = z.string().min(1).max(1024)

/** Exactly the channels named in src/shared/channels.ts: `satisfies` below refuses a missing or an extra one. */
export const requests = {
  'app.info': request<AppInfo>()(empty),
  /** What each provider is and offers: the renderer and CLI read this instead of naming providers. */
  'providers.list': request<readonly ProviderDescriptor[]>()(empty),
  'vault.status': request<VaultStatus>()(empty),
  'settings.get': request<Preferences>()(empty),
  'settings.set': request<Preferences>()(preferencesPatch),

  'accounts.list': request<readonly AccountView[]>()(empty),
  /** requestId (optional): accounts.cancel with the same id stops it; it then fails with CANCELLED. */
  'accounts.validate': request<{ facts: AccountFacts; summary: string }>()(
    z.object({ provider, endpoint, credential, requestId: requestId.optional() }),
  ),
  'accounts.add': request<AccountView>()(
    z.object({ provider, label, endpoint, credential, requestId: requestId.optional() }),
  ),
  /** Stops a running accounts.validate, add or update; nothing is saved. Does nothing when it already ended. */
  'accounts.cancel': request<void>()(z.object({ requestId })),
  'accounts.update': request<AccountView>()(
    z.object({
      id,
      label: label.optional(),
      endpoint: endpoint.optional(),
      credential: credential.optional(),
      propagationWindowSec: z.number().int().min(0).max(86_400).optional(),
      refreshIntervalSec: z.number().int().min(0).max(86_400).optional(),
      requestId: requestId.optional(),
    }),
  ),
  'accounts.remove': request<void>()(z.object({ id })),
  'accounts.check': request<AccountView>()(z.object({ id })),
  /** Asks (needs) before it adds anything when the file lacks an address; call again with `endpoints` by index. */
  'accounts.import': request<ImportResult>()(
    z.object({
      content: z.string().min(1, 'The file is empty.').max(IMPORT_MAX_BYTES, IMPORT_TOO_LARGE),
      fileName: z.string().max(255).optional(),
      endpoints: z.array(z.string().max(500)).max(500).optional(),
      /** Opens the credentials of a sealed KeyDesk export. */
      passphrase: z.string().max(1024).optional(),
      /** accounts.cancel with the same id stops it: the accounts not reached are skipped, saying so. */
      requestId: requestId.optional(),
    }),
  ),
  /** With a passphrase, the credentials too, sealed with it (AES-256-GCM, key from scrypt). */
  'accounts.export': request<ExportResult>()(
    z
      .object({ passphrase: z.string().max(1024).optional() })
      .strict()
      .optional(),
  ),
  'accounts.endpoints': request<readonly Endpoint[]>()(z.object({ accountId: id })),
  'demo.start': request<readonly AccountView[]>()(empty),

  'keys.list': request<KeyList>()(z.object({ accountId: id })),
  /**
   * The first listings the core made as it started that are already done (see keys/opening-lists.ts), in one answer
   * for the window's first request; never waits on a service. An account not in it is asked with keys.list.
   */
  'keys.opening': request<readonly KeyList[]>()(empty),
  'keys.createOptions': request<CreateOptionsView | null>()(z.object({ accountId: id })),
  'keys.create': request<CreatedKey>()(
    z.object({
      accountId: id,
      /** Chosen by the renderer per dialog, so a double submit creates one key. */
      requestId: z.string().min(8).max(64),
      name: keyName.optional(),
      applicationId: id.optional(),
      clusterId: id.optional(),
      ...appScope,
      keep: z.boolean(),
    }),
  ),
  /** A new secret for the same key, shown once like a create; the old secret dies like a disable (Cloudforet 2.x). */
  'keys.regenerate': request<CreatedKey>()(
    keyRef.extend({ requestId: z.string().min(8).max(64), keep: z.boolean(), expiresAt: isoDate.optional() }),
  ),
  /** Replaces all of a key's tags. */
  'keys.setTags': request<KeyRecord>()(keyRef.extend({ tags })),
  'keys.enable': request<KeyRecord | null>()(keyRef),
  'keys.disable': request<KeyRecord | null>()(keyRef),
  'keys.delete': request<KeyRecord | null>()(keyRef.extend({ shown: shownKey.optional() })),
  'keys.rename': request<KeyRecord>()(keyRef.extend({ name: keyName.min(1) })),
  'keys.copySecret': request<{ clearsInSec: number }>()(
    z.intersection(secretRef, z.object({ part: z.string().max(80) })),
  ),
  'keys.export': request<ExportResult>()(z.intersection(secretRef, z.object({ format: z.string().max(80) }))),
  'keys.try': request<{ ok: boolean; message: string }>()(secretRef),
  'keys.keepSecret': request<void>()(z.object({ handle: id })),
  'keys.forgetSecret': request<void>()(keyRef),
  'keys.kept': request<readonly string[]>()(z.object({ accountId: id })),
  'secrets.release': request<void>()(z.object({ handle: id })),

  'propagation.list': request<readonly Propagation[]>()(empty),

  /** The audit log, newest first. */
  'audit.list': request<readonly AuditEntry[]>()(
    z
      .object({
        since: z.iso.datetime({ offset: true }).optional(),
        accountId: id.optional(),
        keyId: id.optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .optional(),
  ),
  /** Command line only: the core writes a kept or just-created secret to a 0600 file the user named. */
  'keys.exportTo': request<{ savedTo: string }>()(
    z.intersection(
      secretRef,
      z.object({ format: z.string().max(80), path: z.string().min(1).max(4096), overwrite: z.boolean().optional() }),
    ),
  ),
  /** Command line only: a kept secret shaped for a program (`keydesk exec`, `keydesk env`). */
  'keys.secretForProgram': request<ProgramSecret>()(
    keyRef.extend({
      purpose: z.enum(['exec', 'env']),
      program: z.string().max(200).optional(),
      /** Also lay the tool's config out in a temporary HOME (spacectl reads only ~/.spaceone). */
      home: z.boolean().optional(),
    }),
  ),

  'rotation.list': request<readonly Rotation[]>()(empty),
  /** Refused with LIMIT_REACHED when the account is at its key limit, naming which key to delete first. */
  'rotation.start': request<Rotation>()(keyRef),
  /** The "create" step: creates the new key (reveal as usual); for the account's own key it becomes the credential. */
  'rotation.create': request<CreatedKey>()(
    z.object({
      id,
      requestId: z.string().min(8).max(64),
      keep: z.boolean(),
      name: keyName.optional(),
      applicationId: id.optional(),
      clusterId: id.optional(),
      ...appScope,
    }),
  ),
  /** Runs the current step (switch confirmed → disable old → wait for propagation → delete old → done). */
  'rotation.advance': request<Rotation>()(z.object({ id })),
  'rotation.cancel': request<void>()(z.object({ id })),

  'repair.scan': request<RepairReport>()(empty),
  /** Removes exactly the orphans the user confirmed (names from the last scan). */
  'repair.fix': request<RepairReport>()(z.object({ remove: z.array(z.string().min(1).max(400)).max(5000) })),

  'lock.status': request<LockStatus>()(empty),
  'lock.lock': request<LockStatus>()(empty),
  /** Refused with AUTH_FAILED for a wrong passphrase; repeated failures wait longer and longer. */
  'lock.unlock': request<LockStatus>()(z.object({ passphrase })),
  /** Sets, changes (current required) or removes (passphrase null) the app passphrase, and the idle time. */
  'lock.setPassphrase': request<LockStatus>()(
    z.object({
      passphrase: z.string().min(8, 'Use at least 8 characters.').max(1024).nullable(),
      current: passphrase.optional(),
      idleMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    }),
  ),
} as const satisfies Record<ChannelName, { readonly input: z.ZodType; readonly result: unknown }>

export type Requests = typeof requests
export type Channel = keyof Requests
export type RequestInput<C extends Channel> = z.input<Requests[C]['input']>
export type RequestResult<C extends Channel> = Requests[C]['result']

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES
/** Channels that hand a secret to a file or a program: the core answers them only for the command line. */
export const CLI_ONLY_CHANNELS: ReadonlySet<Channel> = new Set(['keys.exportTo', 'keys.secretForProgram'])

/** How a request's outcome crosses a process boundary. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: unknown }
/** window.api: one named function per request ("accounts.list" → api.accounts.list), plus event subscription. */
type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never
export type AppApi = {
  [N in Namespace<Channel>]: {
    [C in Channel as C extends `${N}.${infer M}` ? M : never]: (input?: RequestInput<C>) => Promise<RequestResult<C>>
  }
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
