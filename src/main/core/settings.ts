// Non-secret state on disk: accounts' metadata, preferences, propagation records, rotations.
// The engine is conf here (the store electron-store is built on) and electron-store in the Electron shell:
// both open the same file with the same schema through SettingsEngine, the only thing the core asks of them.
import Conf, { type Options, type Schema } from 'conf'
import { AppError } from '../../shared/errors'
import type { Preferences } from '../../shared/api'
import type { Account, Propagation, Rotation } from '../../shared/model'
import { GoodCopy, openRecovering } from './settings-recovery'

export interface DemoState {
  readonly seed: string
  readonly stateFile: string
}

/** A create whose answer was lost and whose key no listing has shown yet: checked again until it appears or time runs out. */
export interface UnconfirmedCreate {
  readonly accountId: string
  readonly requestId: string
  /** The name the user asked for. */
  readonly name: string
  /** The key ids the service listed before the create. */
  readonly before: readonly string[]
  readonly requestedAt: string
}

export interface ReminderGiven {
  readonly id: string
  readonly days: number
}

export interface SettingsData {
  accounts: Account[]
  preferences: Preferences
  propagations: Propagation[]
  rotations: Rotation[]
  unconfirmedCreates: UnconfirmedCreate[]
  demo: DemoState | null
  /** Expiry reminders already given: per `account\nkey\nexpiresAt`, the smallest threshold (days) told. */
  reminders?: ReminderGiven[]
  /** The app lock: a scrypt hash of the passphrase with its random salt (never the passphrase), or null when off. */
  lock: LockSettings | null
}

export interface LockSettings {
  readonly salt: string
  readonly hash: string
  readonly idleMinutes: number
}

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  keepSecretsByDefault: true,
  clipboardClearSec: 30,
  list: { search: '', states: [], providers: [], sortKey: 'createdAt', sortDesc: true },
}

const DEFAULTS: SettingsData = {
  accounts: [],
  preferences: DEFAULT_PREFERENCES,
  propagations: [],
  rotations: [],
  unconfirmedCreates: [],
  demo: null,
  lock: null,
  reminders: [],
}

const schema: Schema<SettingsData> = {
  accounts: { type: 'array', items: { type: 'object', required: ['id', 'provider', 'label', 'endpoint'] } },
  preferences: { type: 'object' },
  propagations: {
    type: 'array',
    items: { type: 'object', required: ['accountId', 'keyId', 'op', 'settleBy', 'state'] },
  },
  rotations: { type: 'array' },
  unconfirmedCreates: {
    type: 'array',
    items: { type: 'object', required: ['accountId', 'requestId', 'name', 'before', 'requestedAt'] },
  },
  demo: { type: ['object', 'null'] },
  lock: { type: ['object', 'null'] },
  reminders: { type: 'array' },
}

export const SETTINGS_FILE = 'settings.json'

/**
 * The storage engine port: read and write the whole store. conf and electron-store both satisfy it as they are
 * (`path`; `store` and `set` read from and write atomically to the file, validated against the schema).
 */
export interface SettingsEngine {
  readonly path: string
  store: SettingsData
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void
}

export type SettingsEngineOptions = Options<SettingsData>

/** Opens the engine on the options below; throws when the file is not JSON or breaks the schema. */
export type OpenSettingsEngine = (options: SettingsEngineOptions) => SettingsEngine

export const openConfEngine: OpenSettingsEngine = (options) => new Conf<SettingsData>(options)

/** The one set of options every engine opens the settings file with (the Electron shell passes them to electron-store). */
export function settingsEngineOptions(dataDir: string, version: string): SettingsEngineOptions {
  return {
    cwd: dataDir,
    configName: 'settings',
    projectName: 'keydesk',
    projectVersion: version,
    // conf's type for defaults spells out every dotted path, which a record (the column widths) has no end of.
    defaults: DEFAULTS as SettingsEngineOptions['defaults'],
    schema,
    clearInvalidConfig: false,
    migrations: {
      // Version 0.1.0 is the first schema; later versions add their migrations here.
      '0.1.0': (store) => {
        if (!Array.isArray(store.get('rotations'))) store.set('rotations', [])
      },
    },
  }
}

export interface SettingsStore {
  get<K extends keyof SettingsData>(key: K): SettingsData[K]
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void
  readonly path: string
  /** Set when the file on disk was broken, was kept aside and the newest good state restored: the user is told. */
  readonly recovery: string | null
}

export function openSettings(
  dataDir: string,
  version: string,
  openEngine: OpenSettingsEngine = openConfEngine,
): SettingsStore {
  const { engine, recovery } = openRecovering(dataDir, SETTINGS_FILE, () =>
    openEngine(settingsEngineOptions(dataDir, version)),
  )
  const goodCopy = new GoodCopy(engine.path)
  // While a core runs it is the only writer of its data directory (data-dir-owner.ts), so the file is read once and
  // each write keeps the copy in memory: the engines read and validate the whole file on every `store` access, which
  // cost every key listing several file reads. Frozen, since a caller used to get a fresh copy it could change.
  let current = frozen(engine.store)
  return {
    get: (key) => current[key],
    set: (key, value) => {
      try {
        engine.set(key, value)
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('Config schema violation')) throw err
        throw new AppError(
          'PERMISSION_DENIED',
          `KeyDesk could not save its settings to ${engine.path} (${errorCode(err)}); nothing was changed. ` +
            'Make the file and its folder writable, then try again.',
        )
      }
      // As the file now holds it (JSON drops undefined fields), and no longer the caller's object.
      current = frozen({ ...current, [key]: JSON.parse(JSON.stringify(value)) as unknown })
      // The last good state after every successful write, so a later broken file restores this one.
      goodCopy.update(key === 'accounts' ? (value as SettingsData['accounts']).length : null)
    },
    path: engine.path,
    recovery,
  }
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner)
    Object.freeze(value)
  }
  return value
}

function errorCode(err: unknown): string {
  const code = err && typeof err === 'object' && 'code' in err ? err.code : undefined
  return typeof code === 'string' ? code : 'write failed'
}
