// Builds window.api from the channel names over any transport (Electron IPC in the preload, HTTP in the browser host).
// Names only (src/shared/channels.ts): the channel map's schemas stay in the core's half of the contract.
import type { AppApi, Channel, EventName, Events, Reply } from '../shared/api'
import { CHANNEL_NAMES } from '../shared/channels'
import { fromErrorData } from '../shared/errors'

export interface Transport {
  /** Resolves with the result or rejects with the wire error data. */
  invoke(channel: Channel, input: unknown): Promise<unknown>
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void
}

export function unwrapReply(reply: Reply): unknown {
  if (reply.ok) return reply.value
  throw fromErrorData(reply.error)
}

export function createClient(transport: Transport): AppApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) {
    const [ns, name] = channel.split('.') as [string, string]
    api[ns] ??= {}
    api[ns][name] = (input?: unknown) => transport.invoke(channel, input ?? {})
  }
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let unsubscribe: (() => void) | null = null
  const on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void): (() => void) => {
    unsubscribe ??= transport.subscribe((name, payload) => {
      for (const l of listeners.get(name) ?? []) (l as (p: unknown) => void)(payload)
    })
    const set = listeners.get(event) ?? new Set()
    set.add(listener)
    listeners.set(event, set)
    return () => {
      set.delete(listener)
    }
  }
  return Object.freeze({ ...api, on }) as unknown as AppApi
}
