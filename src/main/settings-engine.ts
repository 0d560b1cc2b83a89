// The Electron shell's settings engine: electron-store (the card's choice) on the very file and schema the browser
// host and the CLI open with conf, the engine electron-store is built on.
import ElectronStore from 'electron-store'
import type { OpenSettingsEngine, SettingsData } from './core/settings'

export const openElectronStore: OpenSettingsEngine = ({
  configName,
  projectName: _name,
  projectSuffix: _suffix,
  ...options
}) =>
  // electron-store calls the file's name `name`; the folder (cwd) is the same absolute userData path.
  new ElectronStore<SettingsData>({ ...options, name: configName })
