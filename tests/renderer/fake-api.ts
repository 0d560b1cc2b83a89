// A fake window.api for renderer tests: every request is a vi.fn the test programs; events are emitted by hand.
import { vi } from 'vitest'
import type { EventName, Events } from '../../src/shared/api'
import type { AccountView, KeyRecord, ProviderId } from '../../src/shared/model'

type Fn = ReturnType<typeof vi.fn>

export function createFakeApi() {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const ns = (names: string[]): Record<string, Fn> => Object.fromEntries(names.map((n) => [n, vi.fn()]))
  return {
    app: ns(['info']),
    vault: ns(['status']),
    settings: ns(['get', 'set']),
    accounts: ns(['list', 'validate', 'add', 'update', 'remove', 'check', 'import', 'export', 'endpoints']),
    demo: ns(['start']),
    keys: ns([
      'list',
      'createOptions',
      'create',
      'enable',
      'disable',
      'delete',
      'rename',
      'copySecret',
      'export',
      'try',
      'keepSecret',
      'forgetSecret',
      'kept',
    ]),
    secrets: ns(['release']),
    propagation: ns(['list']),
    on: vi.fn(<E extends EventName>(event: E, l: (p: Events[E]) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(l as (p: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(l as (p: unknown) => void)
    }),
    emit<E extends EventName>(event: E, payload: Events[E]): void {
      for (const l of listeners.get(event) ?? []) l(payload)
    },
    reset(): void {
      listeners.clear()
      for (const group of [
        this.app,
        this.vault,
        this.settings,
        this.accounts,
        this.demo,
        this.keys,
        this.secrets,
        this.propagation,
      ]) {
        for (const fn of Object.values(group)) fn.mockReset()
      }
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
