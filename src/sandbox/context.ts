// The live sandbox shared by all handlers. `world` and `random` are replaced on reset, so read them per request.
import type { KeyObject } from 'node:crypto'
import type { Clock } from './clock'
import type { Random } from './random'
import type { World } from './state'

export interface Tuning {
  readonly latencyMs: number
  readonly faultRate: number
}

export interface LiveConfig extends Tuning {
  readonly propagationSeconds: number
  readonly activationSeconds: number
  /** Per account label: overrides latency and faults for requests authenticated as that account. */
  readonly perAccount: ReadonlyMap<string, Partial<Tuning>>
}

export interface Context {
  readonly clock: Clock
  readonly url: string
  config: LiveConfig
  world: World
  /** Ids and secrets made after seeding. */
  random: Random
  /** SpaceONE domain signing keys; `SpaceoneDomain.keyIndex` points here. */
  readonly domainKeys: readonly KeyObject[]
  readonly domainPublicKeys: readonly KeyObject[]
  readonly spaceoneServices: readonly string[]
  /** Call after a change that a state file should keep. */
  changed(): void
}
