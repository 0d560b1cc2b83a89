// A kept secret shaped for a program (`keydesk exec` / `keydesk env`): the variables and files each service's own tools
// read. Sources: the cloud.ca Terraform provider and docker-machine driver read CLOUDCA_API_KEY; the Onqlave SDKs read
// credentials.json (their examples also read ONQLAVE_PYTHON_SDK_*); spacectl reads ~/.spaceone/environment.yml and
// ~/.spaceone/environments/<name>.yml, falling back to SPACECTL_DEFAULT_ENVIRONMENT. Other names are KeyDesk's own.
import type { ProgramSecret } from '../../shared/api'
import { assertNever } from '../../shared/errors'
import type { Account } from '../../shared/model'
import type { SecretCustody } from './keys/custody'

const SPACECTL_ENVIRONMENT = 'keydesk'

export async function programSecret(
  keys: Pick<SecretCustody, 'secretBundle' | 'exportFile'>,
  account: Account,
  ref: { accountId: string; keyId: string },
  home: boolean,
): Promise<ProgramSecret> {
  const { fields } = await keys.secretBundle(ref)
  const provider = account.provider
  switch (provider) {
    case 'spaceone': {
      const config = (await keys.exportFile(ref, 'spacectl_config')).content
      return {
        env: {
          SPACEONE_API_KEY: fields.api_key ?? '',
          SPACEONE_ENDPOINT: account.endpoint,
          ...(home ? { SPACECTL_DEFAULT_ENVIRONMENT: SPACECTL_ENVIRONMENT } : {}),
        },
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
    // Cloudforet 2.x: spacectl reads the app secret as `token` from the same config files (spaceone-apps.md §5, §8).
    case 'spaceone-apps': {
      const config = (await keys.exportFile(ref, 'spacectl_config')).content
      return {
        env: {
          SPACEONE_TOKEN: fields.client_secret ?? '',
          SPACEONE_ENDPOINT: account.endpoint,
          ...(home ? { SPACECTL_DEFAULT_ENVIRONMENT: SPACECTL_ENVIRONMENT } : {}),
        },
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
    case 'cloudmc':
      return {
        env: {
          CLOUDCA_API_KEY: fields.api_key ?? '',
          CLOUDMC_API_KEY: fields.api_key ?? '',
          CLOUDMC_API_URL: account.endpoint,
        },
        files: [],
        folderVariables: [],
      }
    case 'onqlave': {
      const values = {
        ACCESS_KEY: fields.access_key ?? '',
        ARX_URL: fields.arx_url ?? '',
        SERVER_SIGNING_KEY: fields.server_signing_key ?? '',
        SERVER_SECRET_KEY: fields.server_secret_key ?? '',
      }
      const env: Record<string, string> = {}
      for (const [name, value] of Object.entries(values)) {
        env[`ONQLAVE_${name}`] = value
        env[`ONQLAVE_PYTHON_SDK_${name}`] = value
      }
      const credentials = (await keys.exportFile(ref, 'credentials.json')).content
      return {
        env,
        files: [{ path: 'credentials.json', content: credentials, variable: 'ONQLAVE_CREDENTIALS_FILE' }],
        folderVariables: [],
      }
    }
    default:
      return assertNever(provider)
  }
}
