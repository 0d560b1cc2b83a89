// The sandbox's public shapes (re-exported by index.ts).
import type { Spaceone2Info } from './spaceone2-info'

export type SandboxCredentials = { token: string } | { apiKey: string } | { tenantId: string; token: string }

export interface SandboxAccount {
  provider: 'spaceone' | 'cloudmc' | 'onqlave' | 'spaceone-apps'
  label: string
  endpoint: string
  credentials: SandboxCredentials
}

export interface SandboxOptions {
  /** 0 = any free port */
  port?: number
  /** SpaceONE auth-cache TTL, default 300 */
  propagationSeconds?: number
  /** Onqlave pending → active/deleted delay, default 2 */
  activationSeconds?: number
  latencyMs?: number
  faultRate?: number
  /** Share of requests handled whose answer is then dropped: the client cannot tell what happened. */
  dropAnswerRate?: number
  /** Pre-created keys per account; default 1 for SpaceONE (so the 2-key rule can be shown), 2 elsewhere. */
  keysPerAccount?: number
  /** default 1 */
  accountsPerProvider?: number
  /** Deterministic ids and secrets. */
  seed?: string
  /** Load state at start; save (throttled, atomic, mode 0600) on change. */
  stateFile?: string
  /** SpaceONE endpoint/list services; default the helm list. */
  spaceoneServices?: readonly string[]
  /** Default: stderr. Never given a secret. */
  log?: (line: string) => void
}

/** A seeded SpaceONE user who can sign in with token/issue. */
export interface SandboxSpaceoneUser {
  readonly label: string
  readonly domainId: string
  readonly userId: string
  readonly password: string
  readonly role: 'DOMAIN_ADMIN' | 'USER' | 'NO_PERMISSION'
}

export type { Spaceone2User as SandboxSpaceone2User } from './spaceone2-seed'

export interface Sandbox {
  url: string
  accounts: SandboxAccount[]
  controlToken: string
  /** For tests: the seeded SpaceONE users of every domain, with passwords. */
  spaceone: { readonly users: readonly SandboxSpaceoneUser[] }
  /** For tests: the Cloudforet 2.x endpoint, users with passwords, seeded ids and the two seeded secrets. */
  spaceone2: Spaceone2Info
  close(): Promise<void>
}
