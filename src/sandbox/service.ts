// One emulated service behind a path prefix. The server owns transport; a service owns its routes and envelope.
import type { Incoming, Reply } from './http'

export type FailureKind = 'too-large' | 'unavailable' | 'internal'

export interface Service {
  readonly name: string
  owns(path: string): boolean
  /** The account label the request authenticates as, read without side effects, for per-account tuning. */
  accountOf(req: Incoming): string | undefined
  handle(req: Incoming): Reply | Promise<Reply>
  /** A transport-level failure in this service's envelope. */
  failure(kind: FailureKind): Reply
}
