// Non-secret state on disk: accounts' metadata, preferences, propagation records, rotations.
// conf is the store electron-store is built on; the core uses it directly because electron-store imports electron.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf, { type Schema } from 'conf'
import type { Preferences } from '../../shared/api'
import type { Account, Propagation, Rotation } from '../../shared/model'

export interface DemoState {
  readonly seed: string
  readonly stateFile: string
}

export interface SettingsData {
  accounts: Account[]
  preferences: Preferences
  propagations: Propagation[]
  rotations: Rotation[]
  demo: DemoState | null
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
  demo: null,
}

const schema: Schema<SettingsData> = {
  accounts: { type: 'array', items: { type: 'object', required: ['id', 'provider', 'label', 'endpoint'] } },
  preferences: { type: 'object' },
  propagations: {
    type: 'array',
    items: { type: 'object', required: ['accountId', 'keyId', 'op', 'settleBy', 'state'] },
  },
  rotations: { type: 'array' },
  demo: { type: ['object', 'null'] },
}

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  get<K extends keyof SettingsData>(key: K): SettingsData[K]
  set<K extends keyof SettingsData>(key: K, value: SettingsData[K]): void
  readonly path: string
  /** Set when the file on disk was unreadable and was moved aside. */
  readonly recovery: string | null
}

export function openSettings(dataDir: string, version: string): SettingsStore {
  const path = join(dataDir, SETTINGS_FILE)
  const backup = `${path}.bak`
  let recovery: string | null = null
  const open = (): Conf<SettingsData> =>
    new Conf<SettingsData>({
      cwd: dataDir,
      configName: 'settings',
      projectName: 'keydesk',
      projectVersion: version,
      defaults: DEFAULTS,
      schema,
      clearInvalidConfig: false,
      migrations: {
        // Version 0.1.0 is the first schema; later versions add their migrations here.
        '0.1.0': (store) => {
          if (!Array.isArray(store.get('rotations'))) store.set('rotations', [])
        },
      },
    })
  let conf: Conf<SettingsData>
  try {
    conf = open()
  } catch (err) {
    // Only a file that is not JSON or breaks the schema is corrupt; a permission or disk error must not cost the user it.
    if (!isCorruption(err)) throw err
    const aside = `${path}.corrupt-${Date.now()}`
    if (existsSync(path)) renameSync(path, aside)
    const restored = existsSync(backup) && isJson(backup)
    if (restored) copyFileSync(backup, path)
    recovery =
      `Your settings file could not be read (${(err as Error).message.slice(0, 120)}). ` +
      `It was kept as ${aside}` +
      (restored ? ' and the last good copy was restored.' : '; KeyDesk started with empty settings.')
    conf = open()
  }
  // The last file that loaded is the one a later recovery restores.
  if (existsSync(path)) copyFileSync(path, backup)
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value as never),
    path,
    recovery,
  }
}

function isCorruption(err: unknown): boolean {
  return err instanceof Error && (err.name === 'SyntaxError' || err.message.startsWith('Config schema violation'))
}

function isJson(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8'))
    return true
  } catch {
    return false
  }
}
