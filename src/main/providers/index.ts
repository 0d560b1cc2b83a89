// Every adapter, by provider id: the core's only way to reach a key service.
import { AppError } from '../../shared/errors'
import type { ProviderId } from '../../shared/model'
import { createCloudmcProvider } from './cloudmc'
import { createOnqlaveProvider } from './onqlave'
import type { KeyProvider } from './provider'
import { createSpaceoneProvider } from './spaceone'
import { createSpaceoneAppsProvider } from './spaceone-apps'

export const providers: Readonly<Record<ProviderId, KeyProvider>> = {
  spaceone: createSpaceoneProvider(),
  cloudmc: createCloudmcProvider(),
  onqlave: createOnqlaveProvider(),
  'spaceone-apps': createSpaceoneAppsProvider(),
}

/** The registry the core's services are given: every adapter, and one by id. */
export interface ProviderRegistry {
  all(): readonly KeyProvider[]
  get(id: ProviderId): KeyProvider
}

export const providerRegistry: ProviderRegistry = {
  all: () => Object.values(providers),
  get: (id) => getProvider(id),
}

export function getProvider(id: ProviderId): KeyProvider {
  const provider: KeyProvider | undefined = providers[id]
  if (!provider) throw new AppError('INVALID_INPUT', `KeyDesk has no provider "${String(id)}".`)
  return provider
}
