// SpaceONE's console allows two keys per user and its server does not check: KeyDesk says so before anyone tries.
import type { KeyRecord, ProviderId } from '../../../../shared/model'

/** Mirrors the adapters' capabilities.maxKeysPerUser; the core refuses a third key with LIMIT_REACHED either way. */
const MAX_KEYS: Readonly<Record<ProviderId, number | null>> = { spaceone: 2, cloudmc: null, onqlave: null }

export interface KeyLimit {
  readonly count: number
  readonly max: number
  readonly full: boolean
  readonly text: string
}

/** Null when the provider has no limit or the keys are not loaded yet. */
export function keyLimit(provider: ProviderId, keys: readonly KeyRecord[] | undefined): KeyLimit | null {
  const max = MAX_KEYS[provider]
  if (max === null || keys === undefined) return null
  // A deleted key still propagating is no longer listed by the service, so it does not count.
  const count = keys.filter((k) => k.state !== 'deleted').length
  const full = count >= max
  return {
    count,
    max,
    full,
    text: full ? `${count} of ${max} keys — delete or rotate one first` : `${count} of ${max}`,
  }
}
