// A typed fake of the api for renderer tests, generated from the channel map: every request is a vi.fn typed with
// its channel's input and result (so a fake answer that drifts from the contract fails to compile), events are
// emitted by hand, and the calls per channel can be counted.
import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi, type Mock } from 'vitest'
import {
  CHANNELS,
  type AppApi,
  type Channel,
  type EventName,
  type Events,
  type RequestInput,
  type RequestResult,
  type Preferences,
  type AppInfo,
} from '../../src/shared/api'
import type { AccountView, KeyRecord, ProviderId } from '../../src/shared/model'
import { Root, wire, type Wiring } from '../../src/renderer/src/Root'
import { cloudmcDescriptor } from '../../src/main/providers/cloudmc-descriptor'
import { onqlaveDescriptor } from '../../src/main/providers/onqlave-descriptor'
import { spaceoneAppsDescriptor } from '../../src/main/providers/spaceone-apps-descriptor'
import { spaceoneDescriptor } from '../../src/main/providers/spaceone-descriptor'

/** The adapters' own descriptors: the renderer is tested against what the core really sends. */
export const DESCRIPTORS = [spaceoneDescriptor, cloudmcDescriptor, onqlaveDescriptor, spaceoneAppsDescriptor] as const

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never
type Request<C extends Channel> = (input: RequestInput<C>) => Promise<RequestResult<C>>
export type FakeApi = {
  [N in Namespace<Channel>]: { [C in Channel as C extends `${N}.${infer M}` ? M : never]: Mock<Request<C>> }
} & {
  on: AppApi['on']
  emit<E extends EventName>(event: E, payload: Events[E]): void
  /** Forgets every programmed answer and every call, and drops the event listeners. */
  reset(): void
  /** How many requests each channel received, e.g. { 'keys.disable': 1, 'keys.list': 1 }. */
  counts(): Partial<Record<Channel, number>>
}

export function createFakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const mocks = new Map<Channel, Mock>()
  const groups: Record<string, Record<string, Mock>> = {}
  for (const channel of CHANNELS) {
    const [ns = '', name = ''] = channel.split('.')
    // An answer the test did not program fails loudly instead of resolving to undefined.
    const fn = vi.fn(() => Promise.reject(new Error(`The fake api has no answer for ${channel}.`)))
    mocks.set(channel, fn)
    ;(groups[ns] ??= {})[name] = fn
  }
  const extra: Pick<FakeApi, 'on' | 'emit' | 'reset' | 'counts'> = {
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (p: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (p: unknown) => void)
    },
    emit: (event, payload) => {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload)
    },
    reset: () => {
      listeners.clear()
      for (const fn of mocks.values()) fn.mockReset()
    },
    counts: () => {
      const out: Partial<Record<Channel, number>> = {}
      for (const [channel, fn] of mocks) if (fn.mock.calls.length) out[channel] = fn.mock.calls.length
      return out
    },
  }
  return Object.assign(groups, extra) as unknown as FakeApi
}

/** Stores and actions over the fake, and a render that provides them. */
export interface Harness extends Wiring {
  readonly api: FakeApi
  view(ui: ReactNode): RenderResult
}

export function harness(api: FakeApi = createFakeApi()): Harness {
  // The contract types every input as optional; the fake is stricter (a call without its input is a bug), so it
  // only reaches the renderer through this one widening.
  const wiring = wire(api as unknown as AppApi)
  api.providers.list.mockResolvedValue(DESCRIPTORS)
  wiring.stores.app.setState({
    providers: Object.fromEntries(DESCRIPTORS.map((d) => [d.id, d])),
    providerList: DESCRIPTORS,
  })
  const wrap = (ui: ReactNode) => <Root wiring={wiring}>{ui}</Root>
  return {
    ...wiring,
    api,
    view: (ui) => {
      const result = render(wrap(ui))
      return { ...result, rerender: (next: ReactNode) => result.rerender(wrap(next)) }
    },
  }
}

export interface Deferred<T> {
  promise: Promise<T>
  resolve(v: T): void
  reject(e: unknown): void
}
export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export const PREFERENCES: Preferences = {
  theme: 'system',
  keepSecretsByDefault: true,
  clipboardClearSec: 30,
  list: { search: '', states: [], providers: [], sortKey: 'createdAt', sortDesc: true },
}

export const APP_INFO: AppInfo = {
  name: 'KeyDesk',
  version: '0.0.0',
  platform: 'linux',
  host: 'browser',
  dataDir: '/tmp/keydesk-test',
  notices: [],
}

export function account(id: string, provider: ProviderId, label = id): AccountView {
  return {
    id,
    provider,
    label,
    endpoint: 'https://example.test',
    facts: {},
    demo: false,
    createdAt: '2024-01-01T00:00:00Z',
    propagationWindowSec: 600,
    refreshIntervalSec: 60,
    status: 'ok',
  }
}

export function key(accountId: string, keyId: string, over: Partial<KeyRecord> = {}): KeyRecord {
  return {
    provider: 'cloudmc',
    accountId,
    keyId,
    name: keyId,
    state: 'enabled',
    createdAt: '2024-05-01T00:00:00Z',
    extra: {},
    ...over,
  }
}
