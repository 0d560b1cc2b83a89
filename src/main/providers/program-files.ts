// How a kept secret is shaped for a program (`keydesk exec` / `keydesk env`): the variables and files each service's
// own tools read (cloud.ca's Terraform provider and docker-machine driver: CLOUDCA_API_KEY, in cloudmc.ts). spacectl reads ~/.spaceone/environment.yml and ~/.spaceone/environments/<name>.yml, falling back to
// SPACECTL_DEFAULT_ENVIRONMENT; other names are KeyDesk's own.
import type { ProgramSecret } from '../../shared/api'
import { AppError } from '../../shared/errors'
import type { ExportFile, SecretBundle } from './provider'

const SPACECTL_ENVIRONMENT = 'keydesk'

function exportOf(files: readonly ExportFile[], id: string): string {
  const file = files.find((f) => f.id === id)
  if (!file) throw new AppError('INTERNAL', `No ${id} export for this key.`)
  return file.content
}

/** SpaceONE 1.x and Cloudforet 2.x alike: spacectl's config, as a file and, with `home`, as spacectl's environment. */
export function spacectlProgram(
  files: readonly ExportFile[],
  env: Readonly<Record<string, string>>,
  home: boolean,
): ProgramSecret {
  const config = exportOf(files, 'spacectl_config')
  return {
    env: { ...env, ...(home ? { SPACECTL_DEFAULT_ENVIRONMENT: SPACECTL_ENVIRONMENT } : {}) },
    files: [
      { path: 'spacectl_config.yml', content: config, variable: 'SPACEONE_CONFIG_FILE' },
      ...(home
        ? [
            { path: `.spaceone/environments/${SPACECTL_ENVIRONMENT}.yml`, content: config },
            { path: '.spaceone/environment.yml', content: `environment: ${SPACECTL_ENVIRONMENT}\n` },
          ]
        : []),
    ],
    folderVariables: home ? ['HOME'] : [],
  }
}

/** The Onqlave SDKs read credentials.json; their examples also read ONQLAVE_PYTHON_SDK_*. */
export function onqlaveProgram(secret: SecretBundle, files: readonly ExportFile[]): ProgramSecret {
  const f = secret.fields
  const values = {
    ACCESS_KEY: f.access_key ?? '',
    ARX_URL: f.arx_url ?? '',
    SERVER_SIGNING_KEY: f.server_signing_key ?? '',
    SERVER_SECRET_KEY: f.server_secret_key ?? '',
  }
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(values)) {
    env[`ONQLAVE_${name}`] = value
    env[`ONQLAVE_PYTHON_SDK_${name}`] = value
  }
  const credentials = exportOf(files, 'credentials.json')
  return {
    env,
    files: [{ path: 'credentials.json', content: credentials, variable: 'ONQLAVE_CREDENTIALS_FILE' }],
    folderVariables: [],
  }
}
