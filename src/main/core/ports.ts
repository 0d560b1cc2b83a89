// What every core service is given, the same way: one typed emit, the provider registry, the clock and an id source.
import { randomUUID } from 'node:crypto'
import type { EventName, Events } from '../../shared/api'
import { providerRegistry, type ProviderRegistry } from '../providers'

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void

export interface Clock {
  now(): number
  /** For background checks: never keeps a CLI or test process alive on its own. */
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** A wait someone is waiting on (an Onqlave activation): it keeps the process alive until it ends. */
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}

export interface Ports {
  readonly emit: Emit
  readonly providers: ProviderRegistry
  readonly clock: Clock
  /** Unguessable: ids double as handles to held secrets. */
  readonly newId: () => string
}

export function systemPorts(emit: Emit, overrides: Partial<Omit<Ports, 'emit'>> = {}): Ports {
  return { emit, providers: providerRegistry, clock: systemClock, newId: randomUUID, ...overrides }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}
