// The live sandbox shared by all handlers. `world` and `random` are replaced on reset, so read them per request.
import type { KeyObject } from 'node:crypto'
import type { Clock } from './clock'
import type { Random } from './random'
import type { World } from './state'

export interface Tuning {
  readonly latencyMs: number
  readonly faultRate: number
  /** Share of requests the service handles whose answer is then lost (the socket is dropped after the work). */
  readonly dropAnswerRate: number
}

export interface LiveConfig extends Tuning {
  readonly propagationSeconds: number
  readonly activationSeconds: number
  /** Cloudforet 2.x: seconds past `exp` a token is still accepted (python-jose 0, jwcrypto 60). */
  readonly tokenLeewaySeconds: number
  /** Cloudforet 2.x: hours an `expired_at` without an offset is shifted to make `exp` (9 mimics the chart). */
  readonly naiveTzOffsetHours: number
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
  /** The Cloudforet 2.x domain's own RSA pair. */
  readonly spaceone2Key: KeyObject
  readonly spaceone2PublicKey: KeyObject
  readonly spaceoneServices: readonly string[]
  /** Call after a change that a state file should keep. */
  changed(): void
}
